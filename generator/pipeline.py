"""The one orchestrator: load -> validate -> enrich -> render -> write/publish."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from generator.enrich import enrich
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout, read_static_pages
from generator.model import Enriched
from generator.render.search_docs import search_documents
from generator.render.site import render_site
from generator.validate.check import load_catalogue
from generator.write.publish import Publication, Timings


def enriched_catalogue(layout: SourceLayout, today: date, timings: Timings) -> Enriched:
    """Load, validate and enrich the catalogue; raise InvalidCatalogue on any error."""
    started = time.perf_counter()
    catalogue = load_catalogue(layout, today)
    timings.record("load and validate", started)
    started = time.perf_counter()
    enriched = enrich(catalogue)
    timings.record("enrich", started)
    return enriched


def render_docs(layout: SourceLayout, today: date, timings: Timings | None = None) -> dict[str, str]:
    """Return every docs file of the site (for `render --out` and the preview server); raise InvalidCatalogue first."""
    timings = timings or Timings()
    enriched = enriched_catalogue(layout, today, timings)
    started = time.perf_counter()
    docs = render_site(enriched, read_settings(layout.config_file), read_static_pages(layout))
    timings.record("render", started)
    return docs


def build_site(layout: SourceLayout, site_dir: Path, today: date) -> Timings:
    """Build the production site into `site_dir`, replacing it only on success."""
    timings = Timings()
    # Publication refuses a dangerous site_dir before any time is spent loading the catalogue.
    with Publication(layout.root, layout.config_file, site_dir, timings) as publication:
        enriched = enriched_catalogue(layout, today, timings)
        settings = read_settings(layout.config_file)
        started = time.perf_counter()
        documents = search_documents(enriched, settings)
        timings.record("render", started)
        publication.index(documents)  # Pagefind indexes them while the pages render and MkDocs builds
        started = time.perf_counter()
        docs = render_site(enriched, settings, read_static_pages(layout))
        timings.record("render", started)
        publication.build(docs)
    return timings
