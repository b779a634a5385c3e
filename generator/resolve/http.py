"""The one HTTP client of `resolve`: polite pacing per host and retries with backoff."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

TIMEOUT = 30.0
ATTEMPTS = 4
BACKOFF = 5.0  # seconds before the first retry; doubled each time
MAX_RETRY_AFTER = 120.0
MAX_RESPONSE_BYTES = 5_000_000


@dataclass(frozen=True)
class Response:
    """What a server answered: status, body and headers (names lower-cased)."""

    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


Transport = Callable[[str, Mapping[str, str], float], Response]


class ServiceUnavailable(Exception):
    """A service did not answer usefully, even after retries; the message says what to do."""


def urllib_transport(url: str, headers: Mapping[str, str], timeout: float) -> Response:
    """Send one GET with the standard library; raise TimeoutError or OSError when there is no answer."""
    request = urllib.request.Request(url, headers=dict(headers))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body: bytes = answer.read(MAX_RESPONSE_BYTES + 1)
            answered = {k.lower(): v for k, v in answer.headers.items()}
    except urllib.error.HTTPError as exc:
        return Response(exc.code, b"", {k.lower(): v for k, v in exc.headers.items()})
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, socket.timeout | TimeoutError):
            raise TimeoutError(str(exc.reason)) from None
        raise
    if len(body) > MAX_RESPONSE_BYTES:
        raise ServiceUnavailable(f"the answer for {url} is larger than {MAX_RESPONSE_BYTES} bytes")
    return Response(answer.status, body, answered)


def _retry_after(response: Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return min(float(value), MAX_RETRY_AFTER) if value.strip().isdigit() else None


@dataclass
class PoliteClient:
    """GETs that wait `intervals[host]` seconds between requests to a host and retry on 429, 5xx and timeouts."""

    user_agent: str
    intervals: Mapping[str, float]
    transport: Transport = urllib_transport
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    attempts: int = ATTEMPTS
    backoff: float = BACKOFF
    timeout: float = TIMEOUT
    requests: int = 0
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, url: str) -> bytes:
        """Return the body of a 200 answer for `url`; raise ServiceUnavailable when none comes."""
        host = urlsplit(url).hostname or ""
        problem, delay = "", 0.0
        for attempt in range(self.attempts):
            if attempt:
                self.sleep(delay)
            self._wait_turn(host)
            delay = self.backoff * 2**attempt
            try:
                response = self.transport(url, {"User-Agent": self.user_agent}, self.timeout)
            except TimeoutError:
                problem = f"no answer within {self.timeout:g} s"
                continue
            except OSError as exc:
                raise ServiceUnavailable(f"could not reach {host} ({exc}); check the connection") from None
            if response.status == 200:
                return response.body
            if response.status != 429 and response.status < 500:
                raise ServiceUnavailable(f"{host} answered HTTP {response.status} for {url}")
            problem = f"HTTP {response.status}"
            delay = _retry_after(response) or delay
        raise ServiceUnavailable(
            f"{host} did not answer after {self.attempts} attempts (last: {problem}); try again later"
        )

    def _wait_turn(self, host: str) -> None:
        interval = self.intervals.get(host, 0.0)
        if host in self._last:
            wait = self._last[host] + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()
        self.requests += 1
