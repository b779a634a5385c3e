"""Enrich: everything computed across papers (tags, entities, mentions, related papers, authors, issues, map)."""

from __future__ import annotations

from generator.enrich.authors import authors_of
from generator.enrich.entities import entity_mentions, mentioned_by
from generator.enrich.issues import issues_by_date
from generator.enrich.layout import map_positions
from generator.enrich.related import related_papers
from generator.enrich.tags import papers_by_tag, papers_under_tag, tag_cooccurrence
from generator.enrich.text import text_vectors
from generator.model import Catalogue, Enriched


def enrich(catalogue: Catalogue) -> Enriched:
    """Return the catalogue with cross-links between papers, tags and entities."""
    mentions = entity_mentions(catalogue.papers, catalogue.entities)
    by_entity: dict[str, list[str]] = {key: [] for key in catalogue.entities}
    for slug, keys in mentions.items():
        for key in keys:
            by_entity[key].append(slug)
    by_tag = papers_by_tag(catalogue.papers, catalogue.tags)
    named_by = mentioned_by(catalogue.papers)
    vectors = text_vectors(catalogue.papers)  # one TF-IDF for related papers and the map
    return Enriched(
        catalogue=catalogue,
        related=related_papers(catalogue.papers, mentions, named_by, vectors, taxonomy=catalogue.tags),
        mentions=mentions,
        mentioned_by=named_by,
        papers_by_tag=by_tag,
        papers_under_tag=papers_under_tag(catalogue.papers, catalogue.tags),
        papers_by_entity={key: tuple(slugs) for key, slugs in by_entity.items()},
        tag_cooccurrence=tag_cooccurrence(catalogue.papers),
        authors=authors_of(catalogue.papers),
        issues=issues_by_date(catalogue.papers),
        positions=map_positions(catalogue.papers, vectors),
    )
