"""Read one paper from the arXiv API's Atom feed into a draft entry."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from urllib.parse import urlencode
from xml.etree import ElementTree

from generator.identity import unversioned
from generator.importer.draft import Draft, SourceError, bare_doi, one_line, paragraph_text
from generator.importer.hf_page import links
from generator.resolve.http import PoliteClient, ServiceUnavailable
from generator.validate import fields

API_URL = "https://export.arxiv.org/api/query"
TIMEOUT = 30.0
USER_AGENT = "paper-catalogue (python -m generator new)"
_NS = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}
_PREFIXES = re.compile(r"^(arxiv:|https?://(www\.|export\.)?arxiv\.org/(abs|pdf)/)", re.IGNORECASE)

Fetch = Callable[[str], bytes]


class ArxivNotFound(SourceError):
    """The arXiv API has no paper with the requested id."""


def requested_id(text: str) -> str:
    """Return the bare id from `1706.03762`, `arXiv:1706.03762` or an arxiv.org/abs or /pdf URL."""
    candidate = _PREFIXES.sub("", text.strip()).removesuffix(".pdf")
    try:
        return fields.arxiv_id(candidate)
    except ValueError as exc:
        raise SourceError(str(exc)) from None


def query_url(arxiv_id: str) -> str:
    """Return the API address that answers with the feed for one id."""
    return f"{API_URL}?{urlencode({'id_list': arxiv_id})}"


def parse_feed(body: bytes, arxiv_id: str) -> Draft:
    """Return the draft the feed describes for `arxiv_id`; raise ArxivNotFound if it has none."""
    try:
        feed = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise SourceError(f"the arXiv API answered with something that is not an Atom feed ({exc})") from None
    entry = feed.find("atom:entry", _NS)
    if entry is None:
        raise ArxivNotFound(f"arXiv has no paper {arxiv_id}; check the id on https://arxiv.org/abs/{arxiv_id}")
    entry_id = _text(entry, "atom:id")
    if "/api/errors" in entry_id:
        reason = _text(entry, "atom:summary") or "error"
        raise ArxivNotFound(f"arXiv has no paper {arxiv_id}: the API says '{reason}'")
    found = entry_id.rpartition("/abs/")[2]
    if unversioned(found) != unversioned(arxiv_id):
        raise SourceError(f"asked arXiv for {arxiv_id} but the feed describes {found or 'no id'}")
    return Draft(
        title=one_line(_text(entry, "atom:title")),
        abstract=paragraph_text(_text(entry, "atom:summary")),
        authors=tuple(one_line(n.text or "") for n in entry.findall("atom:author/atom:name", _NS) if n.text),
        published=_text(entry, "atom:published")[:10],
        arxiv=arxiv_id,
        doi=bare_doi(_text(entry, "arxiv:doi").split(" ")[0]),
        venue=one_line(_text(entry, "arxiv:journal_ref")),
        links=links(_text(entry, "arxiv:comment")),  # comments often name the code
    )


def _text(element: ElementTree.Element, path: str) -> str:
    found = element.find(path, _NS)
    return (found.text or "").strip() if found is not None else ""


def http_get(url: str, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """Return the body of a GET through the one HTTP client (it retries on 429, 5xx and timeouts), or raise SourceError."""
    client = PoliteClient(user_agent=USER_AGENT, intervals={}, timeout=TIMEOUT, sleep=sleep)
    try:
        return client.get(url)
    except ServiceUnavailable as exc:
        raise SourceError(f"{exc}; or use --bibtex") from None


def arxiv_draft(text: str, fetch: Fetch) -> Draft:
    """Fetch and read the paper with the id in `text`, through `fetch` (url to body)."""
    arxiv_id = requested_id(text)
    return parse_feed(fetch(query_url(arxiv_id)), arxiv_id)
