"""Where `resolve` gets records: the arXiv and Crossref APIs through the polite client, cached under `.build/`."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from generator.load.responses import cached_response
from generator.resolve import arxiv_api, crossref_api
from generator.resolve.http import PoliteClient, ServiceUnavailable, Transport, urllib_transport
from generator.write.files import store_response

CACHE_FOLDER = ".build/resolve-cache"
USER_AGENT = "paper-catalogue-resolve/1 (https://github.com/paper-catalogue/catalogue; mailto:{contact})"

Parsed = TypeVar("Parsed")


class Sources(Protocol):
    """The questions `resolve` asks; tests answer them from recorded responses."""

    def arxiv_search(self, title: str) -> list[arxiv_api.ArxivRecord]:
        """Return arXiv's papers for a title search."""
        ...

    def arxiv_record(self, arxiv_id: str) -> list[arxiv_api.ArxivRecord]:
        """Return arXiv's paper with this id (none if the id is unknown)."""
        ...

    def crossref_search(self, title: str) -> list[crossref_api.CrossrefWork]:
        """Return Crossref's works for a title search."""
        ...


@dataclass(frozen=True)
class ResponseCache:
    """Answers already fetched, kept under `.build/` so a re-run asks no service the same question twice."""

    folder: Path

    def get(self, key: str) -> bytes | None:
        """Return the answer kept for `key`, or None."""
        return cached_response(self.folder, key)

    def put(self, key: str, body: bytes) -> None:
        """Keep the answer for `key`."""
        store_response(self.folder, key, body)


@dataclass(frozen=True)
class WebSources:
    """Sources answered by the services, each answer read once and then kept in the cache."""

    client: PoliteClient
    cache: ResponseCache
    contact: str

    def arxiv_search(self, title: str) -> list[arxiv_api.ArxivRecord]:
        """Return arXiv's papers for a title search."""
        url = arxiv_api.search_url(title)
        return self._ask(url, url, arxiv_api.parse_records)

    def arxiv_record(self, arxiv_id: str) -> list[arxiv_api.ArxivRecord]:
        """Return arXiv's paper with this id (none if the id is unknown)."""
        url = arxiv_api.id_url(arxiv_id)
        return self._ask(url, url, arxiv_api.parse_records)

    def crossref_search(self, title: str) -> list[crossref_api.CrossrefWork]:
        """Return Crossref's works for a title search."""
        url = crossref_api.search_url(title, self.contact)
        return self._ask(url, crossref_api.cache_key(title), crossref_api.parse_works)

    def _ask(self, url: str, key: str, parse: Callable[[bytes], list[Parsed]]) -> list[Parsed]:
        cached = self.cache.get(key)
        body = cached if cached is not None else self.client.get(url)
        try:
            found = parse(body)
        except (arxiv_api.FeedError, crossref_api.WorksError) as exc:
            raise ServiceUnavailable(f"{exc}; try again later") from None
        if cached is None:
            self.cache.put(key, body)  # only an answer that parsed, so a garbled one is asked again
        return found

    @property
    def requests(self) -> int:
        """Return how many requests went out (cache hits excluded)."""
        return self.client.requests


def web_sources(
    contact: str,
    cache: ResponseCache,
    transport: Transport = urllib_transport,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> WebSources:
    """Return sources that ask arXiv (3 s apart) and Crossref, naming `contact` in every request."""
    client = PoliteClient(
        user_agent=USER_AGENT.format(contact=contact),
        intervals={arxiv_api.HOST: arxiv_api.INTERVAL, crossref_api.HOST: crossref_api.INTERVAL},
        transport=transport,
        clock=clock,
        sleep=sleep,
    )
    return WebSources(client, cache, contact)
