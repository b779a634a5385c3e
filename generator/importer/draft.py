"""What a source (arXiv, BibTeX, flags, prompts) tells about a paper before it becomes an entry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace


class SourceError(Exception):
    """A source could not be read into a draft; the message says why and what to do."""


@dataclass(frozen=True)
class Draft:
    """Entry fields known so far; empty values are unknown."""

    title: str = ""
    abstract: str = ""
    authors: tuple[str, ...] = ()
    listed: str = ""
    published: str = ""
    arxiv: str = ""
    doi: str = ""
    venue: str = ""
    short_name: str = ""
    tags: tuple[str, ...] = ()
    links: dict[str, str] = field(default_factory=dict)

    def overridden_by(self, other: Draft) -> Draft:
        """Return this draft with every field `other` knows replaced, links merged kind by kind."""
        known = {f.name: getattr(other, f.name) for f in fields(other) if getattr(other, f.name)}
        known["links"] = {**self.links, **other.links}
        return replace(self, **known)


def one_line(text: str) -> str:
    """Collapse runs of whitespace, line breaks included, to single spaces."""
    return " ".join(text.split())


def paragraph_text(text: str) -> str:
    """Re-flow each paragraph onto one line, keeping blank lines between paragraphs."""
    parts = (one_line(part) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(part for part in parts if part)


def bare_doi(text: str) -> str:
    """Strip a `https://doi.org/` or `doi:` prefix from a DOI."""
    text = text.strip()
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", text, flags=re.IGNORECASE)
