"""Check that entries' code and project links still answer, and report the dead ones in Markdown."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO

from generator.diagnostics import inert
from generator.model import LinkKind, Paper

CHECKED_KINDS: tuple[LinkKind, ...] = ("code", "project")
TIMEOUT = 15.0
WORKERS = 8
USER_AGENT = "paper-catalogue link check (python -m generator links)"

# (method, url, timeout) -> the HTTP status; raises OSError or HTTPException when nothing answers.
Probe = Callable[[str, str, float], int]


@dataclass(frozen=True)
class LinkTarget:
    """One link of one entry."""

    source: str
    kind: str
    url: str


@dataclass(frozen=True)
class LinkResult:
    """What a link answered: an HTTP status, or the reason nothing did."""

    target: LinkTarget
    status: int | None
    error: str = ""

    @property
    def alive(self) -> bool:
        """Return True for an answer below 400 (redirects to public https addresses are followed)."""
        return self.status is not None and self.status < 400

    @property
    def problem(self) -> str:
        """Return the reason the link is dead, for the report."""
        return f"HTTP {self.status}" if self.status is not None else self.error


def link_targets(papers: Iterable[Paper]) -> list[LinkTarget]:
    """Return the code and project links of every valid entry, in catalogue order."""
    return [
        LinkTarget(paper.source, kind, paper.links[kind])
        for paper in papers
        for kind in CHECKED_KINDS
        if kind in paper.links
    ]


def check_url(url: str, probe: Probe, timeout: float) -> tuple[int | None, str]:
    """Return (status, error) for a URL: HEAD first, then GET, since many servers refuse HEAD."""
    status, _error = _ask(probe, "HEAD", url, timeout)
    if status is not None and status < 400:
        return status, ""
    return _ask(probe, "GET", url, timeout)


def _ask(probe: Probe, method: str, url: str, timeout: float) -> tuple[int | None, str]:
    try:
        return probe(method, url, timeout), ""
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return None, _reason(exc)


def _reason(exc: Exception) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if not isinstance(reason, BaseException):
        return str(reason)
    return f"{type(reason).__name__}: {reason}" if str(reason) else type(reason).__name__


def check_links(
    targets: list[LinkTarget], probe: Probe, workers: int = WORKERS, timeout: float = TIMEOUT
) -> list[LinkResult]:
    """Check each distinct URL once, at most `workers` at a time, and return a result per target."""
    urls = list(dict.fromkeys(t.url for t in targets))
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        answers = dict(zip(urls, pool.map(lambda url: check_url(url, probe, timeout), urls), strict=False))
    return [LinkResult(t, *answers[t.url]) for t in targets]


def markdown_report(results: list[LinkResult]) -> str:
    """Return the report: a summary line, then a table of dead links."""
    dead = [r for r in results if not r.alive]
    entries = len({r.target.source for r in results})
    lines = [
        "# Link check",
        "",
        f"Checked {len(results)} code and project link(s) of {entries} entr{'y' if entries == 1 else 'ies'}: "
        f"{len(results) - len(dead)} answered, {len(dead)} dead.",
        "",
    ]
    if not dead:
        return "\n".join([*lines, "No dead links.", ""])
    lines += ["| Entry | Kind | Link | Problem |", "| --- | --- | --- | --- |"]
    for result in dead:
        target = result.target
        problem = inert(result.problem).replace("|", "\\|")
        lines.append(f"| `{target.source}` | {target.kind} | <{target.url}> | {problem} |")
    return "\n".join([*lines, ""])


def _resolve(host: str) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)]


def redirect_refusal(url: str, resolve: Callable[[str], list[str]] = _resolve) -> str | None:
    """Return why a redirect to `url` must not be followed (not https, or not a public address), or None."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https":
        return "it is not an https:// URL"
    if not parts.hostname:
        return "it names no host"
    try:
        addresses = resolve(parts.hostname)
    except OSError as exc:
        return f"its host does not resolve ({exc})"
    for address in addresses:
        if not ipaddress.ip_address(address.split("%", 1)[0]).is_global:
            return f"its host is a private, loopback or link-local address ({address})"
    return None


class _PublicHttpsRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an https URL whose host has public addresses only."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        refusal = redirect_refusal(newurl)
        if refusal:
            raise urllib.error.URLError(f"redirect to {newurl} not followed: {refusal}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# Sends a request the way urllib.request.urlopen does, with the redirect rule above.
_send = urllib.request.build_opener(_PublicHttpsRedirects).open


def http_status(method: str, url: str, timeout: float) -> int:
    """Send one request (following safe redirects) and return the final HTTP status; the body is not read."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with _send(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code
