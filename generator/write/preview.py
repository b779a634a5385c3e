"""What the preview adds to MkDocs' server: a browser page for build errors, and a fresh search index.

The preview keeps its state under `.build/preview/`: `state/error.txt` holds the diagnostics of a
broken catalogue (the server watches `state/`, so writing or removing it rebuilds and reloads every
open page), and `pagefind/` holds the index of the last good catalogue. This module is also an MkDocs
hooks file, for the preview only: every page shows the errors while there are some, and the served
site links `pagefind/` to that index.
"""

from __future__ import annotations

import errno
import html
import os
import shutil
import socket
from pathlib import Path
from typing import Any

from generator.write.docs import write_docs
from generator.write.publish import Indexing
from generator.write.search_shards import sharded

HOOK = str(Path(__file__))


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


def state_dir(build: Path) -> Path:
    """Return the folder the server watches for the preview's state, e.g. `.build/preview/state/`."""
    return build / "preview" / "state"


def _error_file(build: Path) -> Path:
    return state_dir(build) / "error.txt"


def show_errors(build: Path, lines: list[str]) -> None:
    """Make every page of the preview show `lines` (compiler-style `file:line:col: error: ...`)."""
    state_dir(build).mkdir(parents=True, exist_ok=True)
    _error_file(build).write_text("\n".join(lines) + "\n", encoding="utf-8")


def clear_errors(build: Path) -> None:
    """Let the preview show the site again."""
    _error_file(build).unlink(missing_ok=True)


class SearchIndex:
    """The preview's Pagefind index: rebuilt beside the served one, then swapped in."""

    def __init__(self, build: Path) -> None:
        self.folder = build / "preview"
        self.bundle = self.folder / "pagefind"

    def start(self, documents: dict[str, str]) -> Indexing | None:
        """Write the search documents and start Pagefind on them; None for an empty catalogue."""
        write_docs(sharded(documents), self.folder / "search")
        if not documents:
            return None
        shutil.rmtree(self.folder / "pagefind-next", ignore_errors=True)
        return Indexing(self.folder / "search", self.folder / "pagefind-next", self.folder / "pagefind.log")

    def finish(self, indexing: Indexing) -> None:
        """Wait for Pagefind and put its bundle where the served site links to; raise BuildFailed if it failed."""
        indexing.finish()
        old = self.folder / "pagefind-old"
        shutil.rmtree(old, ignore_errors=True)
        if self.bundle.exists():
            self.bundle.rename(old)
        indexing.bundle.rename(self.bundle)
        shutil.rmtree(old, ignore_errors=True)


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


def _build_folder(config: Any) -> Path:
    """Return `.build/` from the docs folder the preview serves, `.build/docs/`."""
    return Path(config["docs_dir"]).parent


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    """While the catalogue has errors, every page shows them."""
    errors = _error_file(_build_folder(config))
    if errors.is_file():
        return error_page(errors.read_text(encoding="utf-8").splitlines())
    return output


def on_post_build(config: Any, **_: Any) -> None:
    """Link the served site's `pagefind/` to the preview's index."""
    bundle = _build_folder(config) / "preview" / "pagefind"
    link = Path(config["site_dir"]) / "pagefind"
    if not os.path.islink(link):
        link.symlink_to(bundle, target_is_directory=True)
