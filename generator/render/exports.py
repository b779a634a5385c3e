"""Data exports: the catalogue as JSON and BibTeX, documented on the "API and data" page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from generator.load.settings import SiteSettings
from generator.model import LINK_KINDS, Enriched, Paper
from generator.render.bibtex import bibtex_entry
from generator.render.tex import plain_title
from generator.render.views import absolute_url, json_text, page_path

# Bump when a field is renamed or removed; adding a field keeps the version.
SCHEMA_VERSION = 1


def render_exports(enriched: Enriched, settings: SiteSettings) -> dict[str, str]:
    """Return every export file, keyed by its docs path."""
    entries = {paper.slug: bibtex_entry(paper) for paper in enriched.catalogue.papers}  # each paper is in several files
    files: dict[str, str] = {
        "api/papers.json": papers_json(enriched, settings),
        "api/tags.json": tags_json(enriched, settings),
        "api/papers.bib": bibliography(entries, entries),
    }
    for key in enriched.catalogue.tags:
        files[f"tags/{key}/papers.bib"] = bibliography(enriched.papers_by_tag.get(key, ()), entries)
    return files


def paper_record(enriched: Enriched, paper: Paper, settings: SiteSettings) -> dict[str, object]:
    """Return one paper as papers.json shows it."""
    return {
        "slug": paper.slug,
        "url": absolute_url(settings, page_path("papers", paper.slug)),
        "title": paper.title,
        "title_text": plain_title(paper.title),
        "short_name": paper.short_name,
        "authors": list(paper.authors),
        "abstract": paper.abstract,
        "listed": paper.listed.isoformat(),
        "published": paper.published.isoformat() if paper.published else None,
        "arxiv": paper.arxiv,
        "doi": paper.doi,
        "venue": paper.venue,
        "links": {kind: paper.links[kind] for kind in LINK_KINDS if kind in paper.links},
        "tags": list(paper.tags),
        "entities": list(enriched.mentions.get(paper.slug, ())),
        "related": [r.slug for r in enriched.related.get(paper.slug, ())],
        "source": paper.source,
    }


def papers_json(enriched: Enriched, settings: SiteSettings) -> str:
    """Return `api/papers.json`: every paper, sorted by slug."""
    papers = sorted(enriched.catalogue.papers, key=lambda p: p.slug)
    return _document(settings, "papers", [paper_record(enriched, p, settings) for p in papers])


def tags_json(enriched: Enriched, settings: SiteSettings) -> str:
    """Return `api/tags.json`: every tag with its paper count, sorted by key."""
    tags = [
        {
            "key": tag.key,
            "name": tag.name,
            "description": tag.description,
            "parent": tag.parent,
            "count": len(enriched.papers_by_tag.get(tag.key, ())),
            "url": absolute_url(settings, page_path("tags", tag.key)),
        }
        for tag in sorted(enriched.catalogue.tags.values(), key=lambda t: t.key)
    ]
    return _document(settings, "tags", tags)


def _document(settings: SiteSettings, name: str, rows: Sequence[Mapping[str, object]]) -> str:
    document = {"schema_version": SCHEMA_VERSION, "generated_from": settings.repo_url, name: rows}
    return json_text(document, indent=2) + "\n"


def bibliography(slugs: Iterable[str], entries: dict[str, str]) -> str:
    """Return the BibTeX entries of the papers `slugs`, sorted by key (the slug)."""
    return "\n".join(entries[slug] for slug in sorted(slugs))
