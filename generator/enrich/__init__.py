"""Enrich: everything computed across papers (tags, entities, mentions, related papers, authors, issues, map)."""

from __future__ import annotations

from generator.enrich.enrichment import enrich_fully
from generator.model import Catalogue, Enriched


def enrich(catalogue: Catalogue) -> Enriched:
    """Return the catalogue with cross-links between papers, tags and entities."""
    return enrich_fully(catalogue).enriched
