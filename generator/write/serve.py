"""Preview server: MkDocs' live-reload server over the preview's site, rebuilt page by page on each edit."""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from generator.write.mkdocs_build import mkdocs_logging
from generator.write.preview import SearchIndex, Stamps, error_page
from generator.write.preview_site import LiveSite


@dataclass(frozen=True)
class Rendered:
    """What one render of a good catalogue gives: the docs files written or removed, and its search documents."""

    changed: list[str]
    search_documents: Callable[[], dict[str, str]]  # made only when asked for, after the pages


class Preview:
    """What an edit does: render the docs again, rebuild the pages whose docs changed, refresh search.

    A change to the theme, mkdocs.yml or the taxonomy rebuilds every page. While the catalogue has
    errors, `errors` holds them and the server shows them instead of any page.
    """

    def __init__(
        self, root: Path, render: Callable[[], Rendered | list[str] | None], site: LiveSite, index: SearchIndex
    ) -> None:
        self._render, self._site, self._index = render, site, index
        self._stamps = Stamps(root)
        self._full_build = False
        self.errors: list[str] = []

    def start(self, site_dir: Path, docs_ready: Callable[[], bool]) -> bool:
        """Render and build every page; return False when there is nothing to serve (no docs yet)."""
        rendered = self._rendered()
        if rendered is None and not docs_ready():
            return False
        self._site.build()
        gc.freeze()  # MkDocs' site, kept for the updates, is left out of their collections (pipeline.Reuse.rendered)
        self._index.link(site_dir)
        if rendered is not None:
            self._index.refresh(rendered.search_documents)
        return True

    def update(self) -> None:
        """Bring the served site up to date with the sources (the server's builder: never raises)."""
        self._full_build = self._stamps.changed() or self._full_build  # kept while the catalogue has errors
        rendered = self._rendered()
        started = time.perf_counter()
        if self._full_build and not self.errors:
            self._full_build = False
            self._site.build()
            gc.freeze()
            print(f"rebuilt every page (theme, config or taxonomy changed) in {time.perf_counter() - started:.1f} s")
        elif rendered is not None:
            pages = self._site.update(rendered.changed)
            print(f"rebuilt {pages} page(s) in {time.perf_counter() - started:.2f} s", flush=True)
        if rendered is not None:
            self._index.refresh(rendered.search_documents)

    def _rendered(self) -> Rendered | None:
        """Render the docs; return None when that failed (showing why) or when no source changed."""
        rendered = self._render()
        if isinstance(rendered, list):
            self.errors = rendered
            return None
        if rendered is not None:
            self.errors = []
        return rendered


# Reading a file is an event too (inotify's open and close): the preview reads every entry, and must not wake itself.
WRITES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
]


class _WriteObserver(Observer):  # type: ignore[misc,valid-type]
    """An inotify observer that reports only files written, created, moved or deleted."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
    ) -> ObservedWatch:
        watch: ObservedWatch = super().schedule(event_handler, path, recursive=recursive, event_filter=WRITES)
        return watch


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, told of changes by inotify, showing the errors page while there are errors."""

    def __init__(self, preview: Preview, address: str, root: Path) -> None:
        host, _, port = address.rpartition(":")
        super().__init__(builder=preview.update, host=host, port=int(port), root=str(root))
        # MkDocs' PollingObserver stats every watched file twice a second: 10,000 entries and more.
        self.observer = _WriteObserver()
        self._preview = preview

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"]
        if path.endswith(("/", ".html")) and not path.startswith("/livereload/"):
            with self._epoch_cond:  # as MkDocs does: answer once the rebuild under way is done
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch = self._visible_epoch
            if errors := self._preview.errors:
                # The page polls the server as every preview page does, and reloads once the entry is fixed.
                content: bytes = self._inject_js_into_html(  # type: ignore[no-untyped-call]
                    error_page(errors).encode("utf-8"), epoch
                )
                start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(content)))])
                return [content]
        result: Iterable[bytes] | None = super()._serve_request(environ, start_response)
        return result


def serve(preview: Preview, address: str, site_dir: Path, watched: list[Path]) -> None:
    """Serve `site_dir` at `address`, updating the preview when anything under `watched` changes."""
    mkdocs_logging(logging.INFO)
    server = PreviewServer(preview, address, site_dir)
    for path in watched:
        server.watch(str(path))
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        print("stopped the preview", flush=True)
    finally:
        server.shutdown()
