"""The arXiv API (an Atom feed): the addresses `resolve` asks, and the records an answer holds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode
from xml.etree import ElementTree

from generator.importer.draft import bare_doi, one_line

API_URL = "https://export.arxiv.org/api/query"
HOST = "export.arxiv.org"
INTERVAL = 3.0  # seconds between requests, as the API's terms of use ask
MAX_RESULTS = 5
_NS = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}
_VERSION = re.compile(r"v[0-9]+$")


class FeedError(Exception):
    """The answer is not an arXiv Atom feed."""


@dataclass(frozen=True)
class ArxivRecord:
    """One paper of an arXiv answer; `first_version` is the day version 1 appeared."""

    arxiv_id: str
    title: str
    authors: tuple[str, ...]
    first_version: date
    doi: str = ""
    journal_ref: str = ""


def search_url(title: str) -> str:
    """Return the address that searches arXiv for papers whose title has the words of `title`, as a phrase."""
    words = re.sub(r"[^\w]+", " ", title).strip()
    query = {"search_query": f'ti:"{words}"', "start": 0, "max_results": MAX_RESULTS}
    return f"{API_URL}?{urlencode(query)}"


def id_url(arxiv_id: str) -> str:
    """Return the address that asks arXiv for one paper by id."""
    return f"{API_URL}?{urlencode({'id_list': _VERSION.sub('', arxiv_id)})}"


def parse_records(body: bytes) -> list[ArxivRecord]:
    """Return the papers of a feed, in its order; an error entry (bad id) means none."""
    try:
        feed = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise FeedError(f"the arXiv API answered with something that is not an Atom feed ({exc})") from None
    records = []
    for entry in feed.findall("atom:entry", _NS):
        entry_id = _text(entry, "atom:id")
        published = _text(entry, "atom:published")[:10]
        if "/api/errors" in entry_id or "/abs/" not in entry_id or not published:
            continue
        records.append(
            ArxivRecord(
                arxiv_id=_VERSION.sub("", entry_id.rpartition("/abs/")[2]),
                title=one_line(_text(entry, "atom:title")),
                authors=tuple(one_line(n.text or "") for n in entry.findall("atom:author/atom:name", _NS) if n.text),
                first_version=date.fromisoformat(published),
                doi=bare_doi(_text(entry, "arxiv:doi").split(" ")[0]),
                journal_ref=one_line(_text(entry, "arxiv:journal_ref")),
            )
        )
    return records


def _text(element: ElementTree.Element, path: str) -> str:
    found = element.find(path, _NS)
    return (found.text or "").strip() if found is not None else ""
