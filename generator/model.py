"""The catalogue's domain: papers, tags, entities, and what enrichment adds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal, get_args

LinkKind = Literal["code", "project", "demo", "video", "package", "data", "paper"]
# Every kind of outside link an entry may have, in the order pages and exports list them.
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)


@dataclass(frozen=True)
class Paper:
    """One catalogue entry, read from `site_src/papers/<slug>.yaml`."""

    slug: str
    title: str
    abstract: str
    listed: date
    tags: tuple[str, ...]
    source: str
    short_name: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    arxiv: str | None = None
    doi: str | None = None
    venue: str | None = None
    links: dict[LinkKind, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Tag:
    """A key of `site_src/tags.yaml`: a topic with an optional parent topic."""

    key: str
    name: str
    description: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A dataset, model or method from the gazetteer `site_src/entities.yaml`."""

    key: str
    name: str
    kind: str
    description: str
    aliases: tuple[str, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class Catalogue:
    """Every validated paper (sorted by slug), the tag taxonomy and the gazetteer."""

    papers: tuple[Paper, ...]
    tags: dict[str, Tag]
    entities: dict[str, Entity]


@dataclass(frozen=True)
class Related:
    """A paper related to another, with the reasons that explain the link."""

    slug: str
    score: float
    shared_terms: tuple[str, ...] = ()  # phrases both papers' title or abstract use, verbatim after case folding
    shared_tags: tuple[str, ...] = ()
    shared_authors: tuple[str, ...] = ()
    shared_entities: tuple[str, ...] = ()  # entity keys, rarest first
    names_it: bool = False  # this paper's abstract names the related paper's short name
    named_by_it: bool = False  # the related paper's abstract names this paper's short name

    @property
    def has_reason(self) -> bool:
        """Return whether anything explains the link."""
        return bool(
            self.shared_terms
            or self.shared_tags
            or self.shared_authors
            or self.shared_entities
            or self.names_it
            or self.named_by_it
        )


@dataclass(frozen=True)
class Author:
    """Everyone who writes a name the same way up to Unicode form, case and diacritics (enrich/authors.py)."""

    key: str
    name: str  # the spelling used most often
    papers: tuple[str, ...]  # slugs, newest first
    coauthors: tuple[tuple[str, int], ...]  # (author key, papers together), most first
    tags: tuple[tuple[str, int], ...]  # (tag key, papers), most first


@dataclass(frozen=True)
class Issue:
    """The papers listed on one day (`2025-03-12`), ISO week (`2025-W11`) or month (`2025-03`)."""

    kind: str  # "days", "weeks" or "months": the folder of its pages
    key: str
    papers: tuple[str, ...]  # slugs, newest first, then by title
    previous: str | None  # the key of the issue of the same kind before it, if any
    next: str | None


@dataclass(frozen=True)
class Enriched:
    """The catalogue plus everything computed across papers."""

    catalogue: Catalogue
    related: dict[str, tuple[Related, ...]]
    mentions: dict[str, tuple[str, ...]]
    mentioned_by: dict[str, tuple[str, ...]]
    papers_by_tag: dict[str, tuple[str, ...]]
    papers_under_tag: dict[str, tuple[str, ...]]  # with the papers of every subtopic
    papers_by_entity: dict[str, tuple[str, ...]]
    tag_cooccurrence: dict[str, tuple[tuple[str, int], ...]]
    authors: dict[str, Author]  # by key
    issues: dict[str, dict[str, Issue]]  # by kind, then key, oldest first
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # each paper's (x, y) on the map

    @cached_property
    def paper(self) -> dict[str, Paper]:
        """Return every paper by slug."""
        return {p.slug: p for p in self.catalogue.papers}
