"""What the preview adds to MkDocs' server: a browser page for build errors, a search index, and what needs a full build.

The preview keeps its files under `.build/preview/`: `site/` is the served site, `pagefind/` the
index of the last good catalogue, which the served site links to as `pagefind/`.
"""

from __future__ import annotations

import errno
import html
import os
import shutil
import socket
import threading
from collections.abc import Callable
from pathlib import Path

from generator.write.docs import write_docs
from generator.write.errors import BuildFailed
from generator.write.publish import Indexing
from generator.write.search_shards import sharded


class PortInUse(Exception):
    """Another program already listens on the preview's port."""


def check_port(host: str, port: int) -> None:
    """Raise PortInUse when `host:port` cannot be listened on, before any time is spent building."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            sock.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(f"port {port} is already in use; try another, e.g. make serve PORT={port + 1}") from None
        raise


def preview_dir(build: Path) -> Path:
    """Return the preview's own folder, e.g. `.build/preview/`."""
    return build / "preview"


class SearchIndex:
    """The preview's Pagefind index, rebuilt in the background beside the served one, then swapped in.

    Pages show as soon as MkDocs has rebuilt them; search follows when Pagefind is done. A refresh asked
    for while Pagefind runs starts once it is done, with the latest documents only.
    """

    def __init__(self, build: Path) -> None:
        self.folder = preview_dir(build)
        self.bundle = self.folder / "pagefind"
        self._lock = threading.Lock()
        self._pending: Callable[[], dict[str, str]] | None = None
        self._worker: threading.Thread | None = None

    def link(self, site_dir: Path) -> None:
        """Make `site_dir/pagefind` the index (a link, so a new index needs no page rebuilt)."""
        link = site_dir / "pagefind"
        if not os.path.islink(link):
            link.symlink_to(self.bundle, target_is_directory=True)

    def refresh(self, documents: Callable[[], dict[str, str]]) -> None:
        """Index the search documents `documents()` returns, in the background."""
        with self._lock:
            self._pending = documents
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="preview-search-index", daemon=True)
                self._worker.start()

    def wait(self) -> None:
        """Wait until every refresh asked for is in place."""
        with self._lock:
            worker = self._worker
        if worker is not None:
            worker.join()

    def _run(self) -> None:
        while True:
            with self._lock:
                documents, self._pending = self._pending, None
                if documents is None:
                    self._worker = None
                    return
            try:
                self._index(documents())
            except BuildFailed as exc:
                print(f"search index not refreshed: {exc}", flush=True)

    def _index(self, documents: dict[str, str]) -> None:
        write_docs(sharded(documents), self.folder / "search")
        if not documents:  # Pagefind refuses an empty site; the preview keeps the last index
            return
        shutil.rmtree(self.folder / "pagefind-next", ignore_errors=True)
        indexing = Indexing(self.folder / "search", self.folder / "pagefind-next", self.folder / "pagefind.log")
        indexing.finish()
        old = self.folder / "pagefind-old"
        shutil.rmtree(old, ignore_errors=True)
        if self.bundle.exists():
            self.bundle.rename(old)
        indexing.bundle.rename(self.bundle)
        shutil.rmtree(old, ignore_errors=True)


class Stamps:
    """Sizes and modification times of what needs a full MkDocs build when it changes.

    The theme, mkdocs.yml and the taxonomy (tags.yaml, entities.yaml): a change there can reach every page.
    """

    def __init__(self, root: Path) -> None:
        self._paths = [
            root / "theme",
            root / "mkdocs.yml",
            root / "site_src" / "tags.yaml",
            root / "site_src" / "entities.yaml",
        ]
        self._last = self._now()

    def _now(self) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        for path in self._paths:
            for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
                if file.is_file():
                    stat = file.stat()
                    found[str(file)] = (stat.st_mtime_ns, stat.st_size)
        return found

    def changed(self) -> bool:
        """Return whether any of them changed since the last call (or since this was made)."""
        now = self._now()
        changed, self._last = now != self._last, now
        return changed


def error_page(lines: list[str]) -> str:
    """Return the page the preview shows instead of the site while the catalogue has errors."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines if line.strip())
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build error - preview</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
code {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
li {{ margin: .5rem 0; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #1e2129; color: #e2e4e9; }} }}
</style>
</head>
<body>
<main class="preview-error">
<h1>The catalogue has errors</h1>
<ul>
{items}
</ul>
<p>Fix the entry and save it: this page turns back into the site as soon as the catalogue builds.</p>
</main>
</body>
</html>
"""
