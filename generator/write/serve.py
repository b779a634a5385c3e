"""Preview server: MkDocs' live-reload server, with docs re-rendered whenever site_src changes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.write.mkdocs_build import HOOKS, mkdocs_logging
from generator.write.preview import HOOK as PREVIEW_HOOK

DEBOUNCE_SECONDS = 0.3


class _Debounced(FileSystemEventHandler):
    """Call `action` once a burst of file events has settled."""

    def __init__(self, action: Callable[[], object]) -> None:
        self._action = action
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self._action)
            self._timer.daemon = True
            self._timer.start()


def serve(config_file: Path, watched: Path, regenerate: Callable[[], object], address: str, state: Path) -> None:
    """Serve the site at `address`, calling `regenerate` when anything under `watched` changes.

    The server also rebuilds when the preview's `state` folder changes (write/preview.py).
    """
    state.mkdir(parents=True, exist_ok=True)
    mkdocs_logging(logging.INFO)
    observer = Observer()
    observer.schedule(_Debounced(regenerate), str(watched), recursive=True)
    observer.start()
    try:
        # Serve at the root of `address`, not under site_url's path (e.g. /catalogue/).
        mkdocs_serve(
            config_file=str(config_file),
            dev_addr=address,
            livereload=True,
            site_url=f"http://{address}/",
            hooks=[*HOOKS, PREVIEW_HOOK],
            watch=[str(state)],
        )
    finally:
        observer.stop()
        observer.join()
