"""Enrichment that a long-lived process (the preview) redoes for a few changed papers, without refitting the text model.

After an edit, the vocabulary, term weights and LSA basis stay those of the last full fit, and the
map's t-SNE landmarks keep their places while their text is unchanged, and so do the unchanged papers'
places among them (only the map's turn and scale are made again from all of them). The lists of related papers
made again are the changed papers' own and every list a changed paper may enter or leave, each as a
full run would make it from those vectors; the other lists keep their last scores and reasons. So
until the preview restarts, its related lists may differ slightly from a full build's. A change to the
taxonomy or the gazetteer, or to more than REFIT_SHARE of the papers, fits everything again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.enrich.authors import author_key, authors_of
from generator.enrich.entities import entity_gazetteer, entity_mentions, mentioned_again, mentioned_by, short_names
from generator.enrich.gazetteer import Gazetteer
from generator.enrich.issues import issues_by_date
from generator.enrich.layout import Landmarks, map_layout
from generator.enrich.related import related_again, related_papers
from generator.enrich.tags import papers_by_tag, papers_under_tag, tag_cooccurrence
from generator.enrich.text import TextModel, TextVectors, fitted_text
from generator.model import Author, Catalogue, Enriched, Paper, Related

REFIT_SHARE = 0.05


@dataclass(frozen=True)
class Enrichment:
    """An enriched catalogue, with the text model, vectors and map landmarks it was made with."""

    enriched: Enriched
    model: TextModel
    vectors: TextVectors
    landmarks: Landmarks | None
    entity_names: Gazetteer
    short_names: Gazetteer


def enrich_fully(catalogue: Catalogue) -> Enrichment:
    """Return the catalogue enriched from scratch, as the production build does."""
    papers = catalogue.papers
    model, vectors = fitted_text(papers)  # one TF-IDF for related papers and the map
    entity_names, names = entity_gazetteer(catalogue.entities), short_names(papers)
    mentions = entity_mentions(papers, catalogue.entities, entity_names)
    named_by = mentioned_by(papers, names)
    related = related_papers(papers, mentions, named_by, vectors, taxonomy=catalogue.tags)
    positions, landmarks = map_layout(papers, vectors)
    enriched = _enriched(catalogue, mentions, named_by, related, positions)
    return Enrichment(enriched, model, vectors, landmarks, entity_names, names)


def enrich_again(last: Enrichment, catalogue: Catalogue) -> Enrichment:
    """Return `catalogue` enriched, redoing for its changed papers only what they reach (see the module's note)."""
    before = last.enriched
    if (catalogue.tags, catalogue.entities) != (before.catalogue.tags, before.catalogue.entities):
        return enrich_fully(catalogue)
    papers = catalogue.papers
    changed = [i for i, p in enumerate(papers) if before.paper.get(p.slug) != p]
    gone = before.paper.keys() - {p.slug for p in papers}
    if len(changed) + len(gone) > REFIT_SHARE * len(papers):
        return enrich_fully(catalogue)
    vectors = last.model.vectors(papers, before.catalogue.papers, last.vectors)
    fresh = entity_mentions([papers[i] for i in changed], catalogue.entities, last.entity_names)
    mentions = {p.slug: fresh[p.slug] if p.slug in fresh else before.mentions[p.slug] for p in papers}
    names, touched = last.short_names, {papers[i].slug for i in changed} | gone
    if any(_short_name(before.paper.get(s)) != _short_name(paper) for s, paper in _now(papers, touched)):
        names = short_names(papers)
        named_by = mentioned_by(papers, names)
    else:
        named_by = mentioned_again(papers, before.mentioned_by, touched, names)
    holding = _lists_holding(papers, before, {papers[i].slug for i in changed} | gone, named_by)
    remade = related_again(papers, before.related, changed, holding, mentions, named_by, vectors, catalogue.tags)
    related = {p.slug: remade[p.slug] if p.slug in remade else before.related[p.slug] for p in papers}
    unchanged = frozenset(p.slug for p in papers) - {papers[i].slug for i in changed}
    positions, landmarks = map_layout(papers, vectors, last.landmarks, unchanged)
    authors = _authors_again(before, papers, [papers[i] for i in changed] + [before.paper[s] for s in gone])
    enriched = _enriched(catalogue, mentions, named_by, related, positions, authors)
    return Enrichment(enriched, last.model, vectors, landmarks, last.entity_names, names)


def _now(papers: Sequence[Paper], slugs: set[str]) -> list[tuple[str, Paper | None]]:
    """Return each of `slugs` with its paper now (None if gone)."""
    by_slug = {p.slug: p for p in papers if p.slug in slugs}
    return [(s, by_slug.get(s)) for s in slugs]


def _short_name(paper: Paper | None) -> str | None:
    return paper.short_name if paper is not None else None


def _authors_again(before: Enriched, papers: Sequence[Paper], changed: list[Paper]) -> dict[str, Author]:
    """Return authors_of(papers), making again only the authors of `changed` papers (as they were or are now)."""
    writers = {author_key(name) for p in changed for name in (*p.authors, *before.paper.get(p.slug, p).authors)}
    writers.discard("")
    slugs = {s for k in writers if k in before.authors for s in before.authors[k].papers}
    now = {p.slug: p for p in papers}
    # An author's record depends only on their own papers, so the papers of these authors give theirs in full.
    made = authors_of([now[s] for s in slugs | {p.slug for p in changed} if s in now])
    authors = {k: a for k, a in before.authors.items() if k not in writers} | {k: made[k] for k in writers if k in made}
    return dict(sorted(authors.items()))


def _lists_holding(
    papers: Sequence[Paper], before: Enriched, slugs: set[str], named_by: Mapping[str, tuple[str, ...]]
) -> list[int]:
    """Return the rows whose last list holds one of `slugs`, or whose papers naming them changed (with those papers)."""
    renamed = {s for s, sources in named_by.items() if before.mentioned_by.get(s) != sources}
    touched = renamed | {n for s in renamed for n in (*named_by[s], *before.mentioned_by.get(s, ()))}
    return [
        i
        for i, p in enumerate(papers)
        if p.slug in touched or any(r.slug in slugs for r in before.related.get(p.slug, ()))
    ]


def _enriched(
    catalogue: Catalogue,
    mentions: dict[str, tuple[str, ...]],
    named_by: dict[str, tuple[str, ...]],
    related: dict[str, tuple[Related, ...]],
    positions: dict[str, tuple[int, int]],
    authors: dict[str, Author] | None = None,
) -> Enriched:
    """Return the catalogue with the cross-links given, and the indexes of tags, entities, authors and issues."""
    by_entity: dict[str, list[str]] = {key: [] for key in catalogue.entities}
    for slug, keys in mentions.items():
        for key in keys:
            by_entity[key].append(slug)
    return Enriched(
        catalogue=catalogue,
        related=related,
        mentions=mentions,
        mentioned_by=named_by,
        papers_by_tag=papers_by_tag(catalogue.papers, catalogue.tags),
        papers_under_tag=papers_under_tag(catalogue.papers, catalogue.tags),
        papers_by_entity={key: tuple(slugs) for key, slugs in by_entity.items()},
        tag_cooccurrence=tag_cooccurrence(catalogue.papers),
        authors=authors_of(catalogue.papers) if authors is None else authors,
        issues=issues_by_date(catalogue.papers),
        positions=positions,
    )
