"""`links` checks code and project links with HEAD then GET, a bounded pool, and only ever reports."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import linkcheck
from generator.cli import main
from generator.linkcheck import (
    LinkResult,
    LinkTarget,
    check_links,
    check_url,
    http_status,
    markdown_report,
    redirect_refusal,
)
from tests.browser import loopback as serve_on_loopback
from tests.conftest import Project, entry


class FakeWeb:
    """Recorded answers by (method, url): a status, or an exception to raise; records every request."""

    def __init__(self, answers: dict[tuple[str, str], int | Exception]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, str]] = []

    def __call__(self, method: str, url: str, timeout: float) -> int:
        self.asked.append((method, url))
        answer = self.answers[(method, url)]
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.mark.parametrize(
    ("answers", "expected", "asked"),
    [
        ({"HEAD": 200}, (200, ""), ["HEAD"]),
        ({"HEAD": 405, "GET": 200}, (200, ""), ["HEAD", "GET"]),
        ({"HEAD": 404, "GET": 404}, (404, ""), ["HEAD", "GET"]),
        ({"HEAD": TimeoutError("timed out"), "GET": 200}, (200, ""), ["HEAD", "GET"]),
        (
            {"HEAD": urllib.error.URLError(OSError("Connection refused")), "GET": urllib.error.URLError("no host")},
            (None, "no host"),
            ["HEAD", "GET"],
        ),
        (
            {"HEAD": TimeoutError("timed out"), "GET": TimeoutError("timed out")},
            (None, "TimeoutError: timed out"),
            ["HEAD", "GET"],
        ),
    ],
    ids=["head-ok", "head-refused", "missing", "head-timeout", "unreachable", "timeout"],
)
def test_head_then_get(answers: dict[str, int | Exception], expected: tuple[int | None, str], asked: list[str]) -> None:
    url = "https://github.com/a/b"
    web = FakeWeb({(method, url): answer for method, answer in answers.items()})
    assert check_url(url, web, 5.0) == expected
    assert web.asked == [(method, url) for method in asked]


def test_each_url_is_asked_once_and_every_entry_gets_its_result() -> None:
    shared, other = "https://github.com/shared/code", "https://example.org/gone"
    web = FakeWeb({("HEAD", shared): 200, ("HEAD", other): 410, ("GET", other): 410})
    targets = [
        LinkTarget("a.yaml", "code", shared),
        LinkTarget("b.yaml", "code", shared),
        LinkTarget("b.yaml", "project", other),
    ]
    results = check_links(targets, web, workers=2, timeout=5.0)
    assert results == [LinkResult(targets[0], 200), LinkResult(targets[1], 200), LinkResult(targets[2], 410)]
    assert sorted(web.asked) == [("GET", other), ("HEAD", other), ("HEAD", shared)]


def test_no_more_requests_at_once_than_workers() -> None:
    lock = threading.Lock()
    active, peak = 0, 0

    def slow(method: str, url: str, timeout: float) -> int:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.02)
        with lock:
            active -= 1
        return 200

    targets = [LinkTarget("a.yaml", "code", f"https://github.com/a/{n}") for n in range(12)]
    results = check_links(targets, slow, workers=3, timeout=5.0)
    assert all(r.alive for r in results)
    assert 1 < peak <= 3


def test_report_lists_only_dead_links() -> None:
    results = [
        LinkResult(LinkTarget("site_src/papers/a.yaml", "code", "https://github.com/a/b"), 200),
        LinkResult(LinkTarget("site_src/papers/b.yaml", "project", "https://example.org/x"), 404),
        LinkResult(LinkTarget("site_src/papers/b.yaml", "code", "https://gitlab.com/c/d"), None, "odd | error"),
    ]
    assert markdown_report(results) == (
        "# Link check\n"
        "\n"
        "Checked 3 code and project link(s) of 2 entries: 1 answered, 2 dead.\n"
        "\n"
        "| Entry | Kind | Link | Problem |\n"
        "| --- | --- | --- | --- |\n"
        "| `site_src/papers/b.yaml` | project | <https://example.org/x> | HTTP 404 |\n"
        "| `site_src/papers/b.yaml` | code | <https://gitlab.com/c/d> | odd \\| error |\n"
    )
    assert markdown_report(results[:1]).endswith("1 answered, 0 dead.\n\nNo dead links.\n")


def test_cli_reports_dead_links_and_still_exits_zero(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    project.add("alive", entry(title="Alive", links="\n  code: https://github.com/a/alive\n  paper: https://x.org/p"))
    project.add("dead", entry(title="Dead", links="\n  project: https://example.org/dead"))
    project.add("none", entry(title="No Links"))
    web = FakeWeb(
        {
            ("HEAD", "https://github.com/a/alive"): 200,
            ("HEAD", "https://example.org/dead"): 404,
            ("GET", "https://example.org/dead"): 404,
        }
    )
    monkeypatch.setattr(linkcheck, "http_status", web)
    report = tmp_path / "report.md"
    assert main(["--root", str(project.root), "links", "--out", str(report)]) == 0
    assert capsys.readouterr().err == "checked 2 link(s): 1 dead (reported, not an error)\n"
    assert "| `site_src/papers/dead.yaml` | project | <https://example.org/dead> | HTTP 404 |" in report.read_text()
    assert ("HEAD", "https://x.org/p") not in web.asked  # only code and project links are checked


class _Handler(http.server.BaseHTTPRequestHandler):
    """A loopback server: /ok answers both methods, /no-head refuses HEAD, /moved and /to-https redirect, /gone is 404."""

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        status = {"/ok": 200, "/no-head": 405 if head else 200, "/moved": 301, "/to-https": 302}.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        if status == 302:
            self.send_header("Location", f"https://{self.headers['Host']}/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def loopback() -> Iterator[str]:
    """Serve _Handler on 127.0.0.1 and yield its base URL."""
    with serve_on_loopback(_Handler) as url:
        yield url


def test_real_requests_send_the_method_and_never_follow_a_redirect_off_public_https(loopback: str) -> None:
    assert http_status("HEAD", f"{loopback}/ok", 5.0) == 200
    assert http_status("HEAD", f"{loopback}/no-head", 5.0) == 405
    assert http_status("HEAD", f"{loopback}/gone", 5.0) == 404
    assert check_url(f"{loopback}/no-head", http_status, 5.0) == (200, "")
    status, error = check_url(f"{loopback}/moved", http_status, 5.0)
    assert (status, error) == (None, f"redirect to {loopback}/ok not followed: it is not an https:// URL")
    status, error = check_url(f"{loopback}/to-https", http_status, 5.0)
    port = loopback.rsplit(":", 1)[1]
    assert status is None
    assert error == (
        f"redirect to https://127.0.0.1:{port}/ok not followed: "
        "its host is a private, loopback or link-local address (127.0.0.1)"
    )


PUBLIC = {"example.org": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]}


@pytest.mark.parametrize(
    ("url", "addresses", "refusal"),
    [
        ("https://example.org/new", PUBLIC["example.org"], None),
        ("http://example.org/new", PUBLIC["example.org"], "it is not an https:// URL"),
        ("ftp://example.org/new", PUBLIC["example.org"], "it is not an https:// URL"),
        ("https://intranet/new", ["10.1.2.3"], "private, loopback or link-local address (10.1.2.3)"),
        ("https://router/", ["192.168.1.1"], "(192.168.1.1)"),
        ("https://localhost/", ["127.0.0.1", "::1"], "(127.0.0.1)"),
        ("https://metadata/", ["169.254.169.254"], "(169.254.169.254)"),
        ("https://v6-local/", ["fe80::1%eth0"], "(fe80::1%eth0)"),
        ("https://carrier/", ["100.64.0.1"], "(100.64.0.1)"),
        ("https://mixed.example/", ["93.184.215.14", "10.0.0.1"], "(10.0.0.1)"),
    ],
)
def test_redirects_are_followed_only_to_public_https_addresses(
    url: str, addresses: list[str], refusal: str | None
) -> None:
    found = redirect_refusal(url, resolve=lambda host: addresses)
    assert found == refusal if refusal is None else (found is not None and found.endswith(refusal))
