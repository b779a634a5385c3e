"""`make serve`: the preview shows an edit to an entry within a few seconds, with no second command."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import Project, entry

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> float:
    """Return how long it took until `url` contains `text`; fail after `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if text in fetch(url):
            return time.monotonic() - started
        time.sleep(0.2)
    pytest.fail(f"{url} did not show {text!r} within {seconds} s")


def test_edit_shows_up_in_the_preview(project: Project) -> None:
    path = project.add("study", entry(title="First Title of Saliency"))
    project.add("other", entry(title="Segmenting Salient Things"))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project.root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = f"http://127.0.0.1:{port}/papers/study/"
        wait_for(page, "First Title of Saliency", 60)
        path.write_text(path.read_text().replace("First Title", "Edited Title"))
        seconds = wait_for(page, "Edited Title of Saliency", 15)
        assert seconds < 15
        assert not (project.root / "site").exists()  # the preview never touches site/
        assert Path(path).read_text().count("Edited Title") == 1
    finally:
        server.terminate()
        server.wait(timeout=10)
