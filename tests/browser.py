"""Headless Chromium (Debian's, driven by Playwright) against a site served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import (
    BaseHTTPRequestHandler,
    SimpleHTTPRequestHandler,
    ThreadingHTTPServer,
)
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> None:
    """Skip without Chromium, unless REQUIRE_BROWSER=1 makes that a failure."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing; install Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def loopback(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """Run `handler` on an ephemeral 127.0.0.1 port (never beyond this machine); yield `http://127.0.0.1:PORT`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on an ephemeral 127.0.0.1 port; yield its base URL, ending in `/`."""
    with loopback(functools.partial(_QuietHandler, directory=str(directory))) as url:
        yield url + "/"


@dataclass
class PageLog:
    """What a page did: console errors, failed requests and every URL it requested."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign(self, base: str) -> list[str]:
        """Return requests to any host but the local server."""
        return [url for url in self.requests if not url.startswith((base, "data:", "blob:", "about:"))]


def watch(page: Any) -> PageLog:
    """Record console errors, page errors, failed requests and all requests of a page."""
    log = PageLog()
    page.on("console", lambda m: log.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: log.errors.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: None if _cancelled(r) else log.errors.append(f"failed: {r.url} ({r.failure})"))
    page.on("request", lambda r: log.requests.append(r.url))
    return log


def _cancelled(request: Any) -> bool:
    """Return whether the browser itself dropped `request`, as it drops a favicon still loading when a test navigates on."""
    return bool(request.failure == "net::ERR_ABORTED")


@contextmanager
def chromium() -> Iterator[Any]:
    """Launch headless Chromium; close it afterwards."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def checked_page(browser: Any, base: str) -> Iterator[tuple[Any, PageLog]]:
    """Yield a desktop page and its log; once the caller is done, no console error and no request off `base`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    log = watch(page)
    yield page, log
    context.close()
    assert log.errors == []
    assert log.foreign(base) == []


def horizontal_overflow(page: Any) -> int:
    """Return how many pixels the page is wider than the viewport."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
