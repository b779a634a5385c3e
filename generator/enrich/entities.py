"""Which entities each paper names, and which papers name another paper's short name."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from generator.enrich.gazetteer import Gazetteer
from generator.model import Entity, Paper

MIN_SHORT_NAME = 3


def entity_gazetteer(entities: dict[str, Entity]) -> Gazetteer:
    """Return the gazetteer of every entity's aliases."""
    return Gazetteer((alias, e.key) for e in entities.values() for alias in e.aliases)


def entity_mentions(
    papers: Sequence[Paper], entities: dict[str, Entity], gazetteer: Gazetteer | None = None
) -> dict[str, tuple[str, ...]]:
    """Return the entity keys each paper's title or abstract names (found with `gazetteer`, if made already)."""
    gazetteer = gazetteer or entity_gazetteer(entities)
    return {p.slug: tuple(gazetteer.find(f"{p.title}\n{p.abstract}")) for p in papers}


def short_names(papers: Sequence[Paper]) -> Gazetteer:
    """Return the gazetteer of the papers' short names; a short name two papers share is ambiguous, so it names neither."""
    owners: dict[str, list[str]] = {}
    for paper in papers:
        if paper.short_name and len(paper.short_name) >= MIN_SHORT_NAME:
            owners.setdefault(paper.short_name, []).append(paper.slug)
    return Gazetteer((name, slugs[0]) for name, slugs in owners.items() if len(slugs) == 1)


def mentioned_by(papers: Sequence[Paper], names: Gazetteer | None = None) -> dict[str, tuple[str, ...]]:
    """Return, for each paper, the other papers whose abstract names its short name (`names`: short_names(papers))."""
    names = names or short_names(papers)
    backlinks: dict[str, list[str]] = {paper.slug: [] for paper in papers}
    for paper in papers:
        for named in names.find(paper.abstract):
            if named != paper.slug:
                backlinks[named].append(paper.slug)
    return {slug: tuple(sorted(sources)) for slug, sources in backlinks.items()}


def mentioned_again(
    papers: Sequence[Paper],
    before: Mapping[str, tuple[str, ...]],
    changed: Collection[str],
    names: Gazetteer,
) -> dict[str, tuple[str, ...]]:
    """Return mentioned_by(papers, names) from its last answer `before`, reading again only the `changed` papers' abstracts.

    Right only while `names` is still short_names(papers): no short name came, went or changed.
    """
    naming: dict[str, list[str]] = {}
    for paper in papers:
        if paper.slug in changed:
            for named in names.find(paper.abstract):
                if named != paper.slug:
                    naming.setdefault(named, []).append(paper.slug)
    result: dict[str, tuple[str, ...]] = {}
    for paper in papers:
        sources = before.get(paper.slug, ())
        if paper.slug in naming or any(s in changed for s in sources):
            sources = tuple(sorted({*(s for s in sources if s not in changed), *naming.get(paper.slug, ())}))
        result[paper.slug] = sources
    return result
