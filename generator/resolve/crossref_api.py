"""The Crossref REST API (JSON): the address `resolve` asks, and the works an answer holds."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from generator.importer.draft import one_line

API_URL = "https://api.crossref.org/works"
HOST = "api.crossref.org"
INTERVAL = 1.0  # seconds between requests: well inside the polite pool's limit
ROWS = 5
# Versions of record; preprints ("posted-content") would only echo arXiv.
PUBLISHED_TYPES = ("journal-article", "proceedings-article", "book-chapter")
_TAGS = re.compile(r"<[^>]*>")


class WorksError(Exception):
    """The answer is not a Crossref work list."""


@dataclass(frozen=True)
class CrossrefWork:
    """One work of a Crossref answer: its DOI, title, where it appeared and when."""

    doi: str
    title: str
    venue: str
    issued: date | None
    kind: str


def search_url(title: str, contact: str) -> str:
    """Return the address that searches Crossref for works by title; `mailto` joins the polite pool."""
    query = {"query.bibliographic": title, "rows": ROWS, "select": "DOI,title,container-title,issued,type"}
    return f"{API_URL}?{urlencode({**query, 'mailto': contact})}"


def cache_key(title: str) -> str:
    """Return the cache key of a search: its address without the contact, which does not change the answer."""
    return search_url(title, "")


def parse_works(body: bytes) -> list[CrossrefWork]:
    """Return the works of a `work-list` answer, in its order."""
    try:
        answer = json.loads(body)
        items = answer["message"]["items"]
    except (ValueError, KeyError, TypeError):
        raise WorksError("the Crossref API answered with something that is not a work list") from None
    return [work for item in items if isinstance(item, dict) and (work := _work(item))]


def _work(item: dict[str, Any]) -> CrossrefWork | None:
    titles, venues = item.get("title") or [], item.get("container-title") or []
    if not isinstance(item.get("DOI"), str) or not titles or not isinstance(titles[0], str):
        return None
    venue = venues[0] if venues and isinstance(venues[0], str) else ""
    return CrossrefWork(
        doi=item["DOI"],
        title=one_line(_TAGS.sub("", titles[0])),  # Crossref titles may carry JATS markup such as <i>
        venue=one_line(_TAGS.sub("", venue)),
        issued=_issued(item.get("issued")),
        kind=str(item.get("type", "")),
    )


def _issued(value: object) -> date | None:
    """Read `{"date-parts": [[2023, 6, 17]]}`; a missing month or day counts as the first."""
    try:
        # Crossref may answer any shape; the except below turns a wrong one into "no date".
        parts = value["date-parts"][0]  # type: ignore[index]
        year, month, day = [*parts, 1, 1][:3]
        return date(int(year), int(month), int(day))
    except (KeyError, IndexError, TypeError, ValueError):
        return None
