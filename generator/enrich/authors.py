"""Authors across papers: one key per way of writing a name, with each author's papers, co-authors and tags.

Two spellings share a key only when they differ in Unicode form, case, diacritics or punctuation
(`José García`, `JOSE GARCIA`, `Jose  Garcia`). Initials are never expanded: `J. Smith` and
`John Smith` may be two people, so they keep two keys.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from generator.enrich.tags import newest_first
from generator.model import Author, Paper

_NOT_WORD = re.compile(r"[\W_]+")


@functools.cache  # a name is written on many papers, and normalising it is most of authors_of()
def author_key(name: str) -> str:
    """Return the address key of a name: NFKC, diacritics and case folded, words joined by `-`."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub("-", unicodedata.normalize("NFKC", bare).casefold()).strip("-")


def authors_of(papers: Iterable[Paper]) -> dict[str, Author]:
    """Return every author by key: papers newest first, co-authors and tags most shared first."""
    spellings: dict[str, Counter[str]] = {}
    papers_of: dict[str, list[str]] = {}
    coauthors: dict[str, Counter[str]] = {}
    tags: dict[str, Counter[str]] = {}
    for paper in newest_first(papers):
        keys = list(dict.fromkeys(k for k in map(author_key, paper.authors) if k))
        for name in paper.authors:
            if author_key(name):
                spellings.setdefault(author_key(name), Counter())[" ".join(name.split())] += 1
        for key in keys:
            papers_of.setdefault(key, []).append(paper.slug)
            coauthors.setdefault(key, Counter()).update(k for k in keys if k != key)
            tags.setdefault(key, Counter()).update(paper.tags)
    return {
        key: Author(
            key=key,
            name=_most_used(spellings[key]),
            papers=tuple(papers_of[key]),
            coauthors=_ranked(coauthors[key]),
            tags=_ranked(tags[key]),
        )
        for key in sorted(papers_of)
    }


def _most_used(spellings: Counter[str]) -> str:
    """Return the spelling written most often; ties go to the first in Unicode order."""
    return min(spellings, key=lambda name: (-spellings[name], name))


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
