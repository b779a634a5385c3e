"""Decide whether a record describes an entry's paper: equal titles and agreeing dates, or no match."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher
from enum import Enum
from typing import Generic, TypeVar

from generator.identity import normalised_title
from generator.resolve.arxiv_api import ArxivRecord
from generator.resolve.crossref_api import PUBLISHED_TYPES, CrossrefWork

# Titles compare after normalised_title(): case, punctuation and spacing folded. Titles that still differ are
# "nearly equal" only with the same words in the same order, spelled alike (a typo, a British spelling), the
# same numbers (YOLOv6 is not YOLOv7), and a similarity of at least NEAR_TITLE overall.
NEAR_TITLE = 0.95
NEAR_WORD = 0.75
SIMILAR_TITLE = 0.80  # below this a candidate is not worth showing
LISTED_SLACK = timedelta(days=1)  # time zones: arXiv dates are UTC
PUBLISHED_SLACK = timedelta(days=366)  # a conference date is often months after the preprint
CROSSREF_BEFORE = timedelta(days=183)  # a version of record rarely precedes the preprint by more
CROSSREF_AFTER = timedelta(days=731)  # ...or follows it by more than two years

Record = TypeVar("Record")


class Status(Enum):
    """How a search ended."""

    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not found"


@dataclass(frozen=True)
class Known:
    """What the entry says that a record must agree with."""

    title: str
    listed: date
    published: date | None = None
    doi: str = ""


@dataclass(frozen=True)
class Candidate:
    """A record a search returned, how close its title is, and why it was refused (empty when it fits)."""

    label: str
    title: str
    day: date | None
    similarity: float
    refused: str = ""


@dataclass(frozen=True)
class Verdict(Generic[Record]):
    """The record a search matched, if any, and every candidate worth showing."""

    status: Status
    record: Record | None
    candidates: tuple[Candidate, ...]


def title_similarity(ours: str, theirs: str) -> float:
    """Return 1.0 for titles equal once normalised, else the similarity ratio of the normalised forms."""
    a, b = normalised_title(ours), normalised_title(theirs)
    return 1.0 if a == b else SequenceMatcher(None, a, b, autojunk=False).ratio()


def title_refusal(ours: str, theirs: str, similarity: float) -> str:
    """Return why two titles that are not equal are not nearly equal either, or ''."""
    if similarity == 1.0:
        return ""
    if similarity < NEAR_TITLE:
        return f"title differs (similarity {similarity:.2f}, needs {NEAR_TITLE:.2f})"
    a, b = _words(ours), _words(theirs)
    if len(a) != len(b):
        return f"title has {len(b)} words, not {len(a)}"
    if re.findall(r"[0-9]+", " ".join(a)) != re.findall(r"[0-9]+", " ".join(b)):
        return "title has other numbers"
    for mine, other in zip(a, b, strict=True):
        if SequenceMatcher(None, mine, other, autojunk=False).ratio() < NEAR_WORD:
            return f"title says '{other}' where the entry says '{mine}'"
    return ""


def _words(title: str) -> list[str]:
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", title).casefold())


def arxiv_date_refusal(known: Known, first_version: date) -> str:
    """Return why arXiv's first-version date contradicts the entry, or ''."""
    if first_version > known.listed + LISTED_SLACK:
        return f"first version {first_version} is after the entry was listed ({known.listed})"
    if known.published and abs(first_version - known.published) > PUBLISHED_SLACK:
        return f"first version {first_version} is more than a year from published ({known.published})"
    return ""


def crossref_refusal(known: Known, reference: date, work: CrossrefWork) -> str:
    """Return why a Crossref work can't be the entry's version of record, or ''."""
    if work.kind not in PUBLISHED_TYPES:
        return f"a {work.kind or 'untyped'} record, not a published version"
    if known.doi and work.doi.lower() != known.doi.lower():
        return f"the entry's DOI is {known.doi}"
    if work.issued is None:
        return "no issue date to compare"
    if not reference - CROSSREF_BEFORE <= work.issued <= reference + CROSSREF_AFTER:
        return f"issued {work.issued}, too far from the paper's date {reference}"
    return ""


def choose(
    known: Known,
    records: Sequence[Record],
    describe: Callable[[Record], tuple[str, str, date | None]],
    refusal: Callable[[Record], str],
) -> Verdict[Record]:
    """Match the one record whose title is (nearly) equal and whose dates agree; else say why not."""
    scored = []
    for record in records:
        label, title, day = describe(record)
        similarity = title_similarity(known.title, title)
        why = title_refusal(known.title, title, similarity) or refusal(record)
        scored.append((record, Candidate(label, title, day, round(similarity, 3), why)))
    shown = tuple(c for _, c in scored if c.similarity >= SIMILAR_TITLE)
    fitting = [(r, c) for r, c in scored if not c.refused]
    exact = [(r, c) for r, c in fitting if c.similarity == 1.0]
    for group in (fitting, exact):
        if len(group) == 1:
            return Verdict(Status.MATCHED, group[0][0], shown)
    if fitting:
        many = "several records fit equally well"
        shown = tuple(Candidate(c.label, c.title, c.day, c.similarity, c.refused or many) for c in shown)
    return Verdict(Status.AMBIGUOUS if shown else Status.NOT_FOUND, None, shown)


def match_arxiv(known: Known, records: Sequence[ArxivRecord]) -> Verdict[ArxivRecord]:
    """Match the entry against an arXiv answer."""
    return choose(
        known,
        records,
        lambda r: (f"arXiv {r.arxiv_id}", r.title, r.first_version),
        lambda r: arxiv_date_refusal(known, r.first_version),
    )


def match_crossref(known: Known, reference: date, works: Sequence[CrossrefWork]) -> Verdict[CrossrefWork]:
    """Match the entry's version of record against a Crossref answer; `reference` is the arXiv date."""
    return choose(
        known,
        works,
        lambda w: (f"DOI {w.doi}", w.title, w.issued),
        lambda w: crossref_refusal(known, reference, w),
    )
