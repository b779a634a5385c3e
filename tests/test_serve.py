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
            body: bytes = response.read()
            return body.decode("utf-8")
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


def test_each_page_that_shows_an_edit_is_fresh_and_only_changed_pages_are_rebuilt(project: Project) -> None:
    study = project.add("study", entry(title="First Title of Saliency"))
    other = project.add("other", entry(title="Segmenting Salient Things"))
    project.add(
        "lonely", entry(title="Alpine Cheese Caves", abstract="Fermentation kinetics of cheese.", tags="[vision]")
    )
    port = free_port()
    server = start_preview(project, port)
    base = f"http://127.0.0.1:{port}/"
    built = project.root / ".build" / "preview" / "site" / "papers" / "lonely" / "index.html"
    doc = project.root / ".build" / "docs" / "papers" / "lonely.md"
    try:
        wait_for(base + "papers/study/", "First Title of Saliency", 60)
        assert "First Title of Saliency" in fetch(base + "papers/other/")  # its related papers
        before = built.stat().st_mtime_ns, doc.stat().st_mtime_ns

        study.write_text(study.read_text().replace("First Title", "Edited Title"))
        wait_for(base + "papers/study/", "Edited Title of Saliency", 30)
        # One update makes every page fresh at once: no page that shows the entry is served stale.
        assert "Edited Title of Saliency" in fetch(base + "papers/other/")
        assert "Edited Title of Saliency" in fetch(base + "tags/saliency/")
        assert "First Title" not in fetch(base + "papers/other/") + fetch(base + "tags/saliency/")
        assert (built.stat().st_mtime_ns, doc.stat().st_mtime_ns) == before  # a page the edit leaves alone

        tags = project.root / "site_src" / "tags.yaml"
        tags.write_text(tags.read_text().replace("name: Saliency", "name: Salience maps"))
        wait_for(base + "tags/saliency/", "Salience maps", 60)
        assert "Salience maps" in fetch(base + "papers/study/")

        other.write_text(other.read_text().replace("Segmenting Salient Things", "Renamed Salient Things"))
        wait_for(base + "papers/other/", "Renamed Salient Things", 30)
        assert "Renamed Salient Things" in fetch(base + "papers/study/")  # the related paper's new title
        assert "Segmenting Salient Things" not in fetch(base + "papers/study/")

        project.add("twin", entry(title="Salient Things Segmented Twice"))  # a new entry
        wait_for(base + "papers/twin/", 'class="related"', 30)
        assert "Salient Things Segmented Twice" in fetch(base + "papers/other/")  # it entered the others' lists
        assert "Salient Things Segmented Twice" in fetch(base + "tags/saliency/")
    finally:
        server.terminate()
        server.wait(timeout=10)


def start_preview(project: Project, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project.root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_a_broken_entry_shows_as_an_error_page_until_it_is_fixed(project: Project) -> None:
    path = project.add("study", entry(title="First Title of Saliency"))
    project.add("other", entry(title="Segmenting Salient Things"))
    port = free_port()
    server = start_preview(project, port)
    try:
        page = f"http://127.0.0.1:{port}/papers/study/"
        wait_for(page, "First Title of Saliency", 60)
        path.write_text(path.read_text().replace("tags: [saliency, segmentation]", "tags: [saliency, salincy]"))
        wait_for(page, "The catalogue has errors", 15)
        shown = fetch(page)
        assert "site_src/papers/study.yaml:4:" in shown and "unknown tag" in shown and "salincy" in shown
        assert "First Title of Saliency" not in shown  # not the stale page
        assert "livereload" in shown  # the error page reloads itself once the entry is fixed
        path.write_text(path.read_text().replace("salincy", "segmentation").replace("First", "Fixed"))
        wait_for(page, "Fixed Title of Saliency", 15)
        assert "The catalogue has errors" not in fetch(page)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_search_works_in_the_preview_and_its_index_follows_edits(project: Project) -> None:
    path = project.add("study", entry(title="First Title of Saliency"))
    port = free_port()
    server = start_preview(project, port)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base + "papers/study/", "First Title of Saliency", 60)
        wait_for(base + "pagefind/pagefind.js", "pagefind", 15)
        before = fetch(base + "pagefind/pagefind-entry.json")
        path.write_text(path.read_text().replace("First Title", "Edited Title"))
        wait_for(base + "papers/study/", "Edited Title", 15)
        started = time.monotonic()
        while fetch(base + "pagefind/pagefind-entry.json") in ("", before) and time.monotonic() - started < 15:
            time.sleep(0.2)
        assert fetch(base + "pagefind/pagefind-entry.json") not in ("", before)  # a new index, for the new title
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_taken_port_gives_one_line_suggesting_another(project: Project) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "--root", str(project.root), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"error: port {port} is already in use; try another, e.g. make serve PORT={port + 1}"
    ]
    assert "Traceback" not in result.stderr
