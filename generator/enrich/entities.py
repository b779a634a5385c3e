"""Which entities each paper names, and which papers name another paper's short name."""

from __future__ import annotations

from collections.abc import Sequence

from generator.enrich.gazetteer import Gazetteer
from generator.model import Entity, Paper

MIN_SHORT_NAME = 3


def entity_mentions(papers: Sequence[Paper], entities: dict[str, Entity]) -> dict[str, tuple[str, ...]]:
    """Return the entity keys each paper's title or abstract names."""
    gazetteer = Gazetteer((alias, e.key) for e in entities.values() for alias in e.aliases)
    return {p.slug: tuple(gazetteer.find(f"{p.title}\n{p.abstract}")) for p in papers}


def mentioned_by(papers: Sequence[Paper]) -> dict[str, tuple[str, ...]]:
    """Return, for each paper, the other papers whose abstract names its short name."""
    owners: dict[str, list[str]] = {}
    for paper in papers:
        if paper.short_name and len(paper.short_name) >= MIN_SHORT_NAME:
            owners.setdefault(paper.short_name, []).append(paper.slug)
    # A short name two papers share is ambiguous, so it links to neither.
    gazetteer = Gazetteer((name, slugs[0]) for name, slugs in owners.items() if len(slugs) == 1)
    backlinks: dict[str, list[str]] = {paper.slug: [] for paper in papers}
    for paper in papers:
        for named in gazetteer.find(paper.abstract):
            if named != paper.slug:
                backlinks[named].append(paper.slug)
    return {slug: tuple(sorted(sources)) for slug, sources in backlinks.items()}
