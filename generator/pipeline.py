"""The one orchestrator: load -> validate -> enrich -> render -> write/publish."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.enrich import enrich
from generator.load.catalogue import SourceFiles, read_catalogue
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout
from generator.model import Catalogue, Enriched
from generator.render.search_docs import search_documents
from generator.render.site import render_site
from generator.timings import Timings
from generator.validate.check import valid_catalogue, validate_catalogue


def checked_catalogue(layout: SourceLayout, today: date) -> tuple[Catalogue, list[Diagnostic]]:
    """Read and validate the catalogue; return what is valid, with every problem found."""
    return validate_catalogue(read_catalogue(layout), today)


def _loaded(layout: SourceLayout, today: date, timings: Timings) -> tuple[SourceFiles, Enriched]:
    """Read, validate and enrich the catalogue; raise InvalidCatalogue on any error."""
    started = time.perf_counter()
    sources = read_catalogue(layout)
    catalogue = valid_catalogue(sources, today)
    timings.record("load and validate", started)
    started = time.perf_counter()
    enriched = enrich(catalogue)
    timings.record("enrich", started)
    return sources, enriched


def enriched_catalogue(layout: SourceLayout, today: date, timings: Timings) -> Enriched:
    """Load, validate and enrich the catalogue; raise InvalidCatalogue on any error."""
    return _loaded(layout, today, timings)[1]


def render_docs(layout: SourceLayout, today: date, timings: Timings | None = None) -> dict[str, str]:
    """Return every docs file of the site (for `render --out` and the preview server); raise InvalidCatalogue first."""
    timings = timings or Timings()
    sources, enriched = _loaded(layout, today, timings)
    started = time.perf_counter()
    docs = render_site(enriched, read_settings(layout.config_file), sources.pages)
    timings.record("render", started)
    return docs


def build_site(layout: SourceLayout, site_dir: Path, today: date, confined: bool = True) -> Timings:
    """Build the production site into `site_dir`, replacing it only on success (`confined`: inside the project)."""
    # write/ (MkDocs, Pagefind) is imported only by a build, so render-only runs never load it.
    from generator.write.publish import Publication

    timings = Timings()
    # Publication refuses a dangerous site_dir before any time is spent loading the catalogue.
    with Publication(layout.root, layout.config_file, site_dir, timings, confined) as publication:
        sources, enriched = _loaded(layout, today, timings)
        settings = read_settings(layout.config_file)
        started = time.perf_counter()
        documents = search_documents(enriched, settings)
        timings.record("render", started)
        publication.index(documents)  # Pagefind indexes them while the pages render and MkDocs builds
        started = time.perf_counter()
        docs = render_site(enriched, settings, sources.pages)
        timings.record("render", started)
        publication.build(docs)
    return timings


def update_preview(layout: SourceLayout, today: date) -> int:
    """Render the preview's docs and search index under `.build/`; return how many docs files changed.

    Raise InvalidCatalogue first, leaving the last good preview in place. Pagefind indexes while
    MkDocs' server rebuilds the pages, so the pages show as soon as they would without search.
    """
    from generator.write.docs import write_docs
    from generator.write.preview import SearchIndex, clear_errors

    build = layout.root / ".build"
    sources, enriched = _loaded(layout, today, Timings())
    settings = read_settings(layout.config_file)
    index = SearchIndex(build)
    indexing = index.start(search_documents(enriched, settings))
    changed = write_docs(render_site(enriched, settings, sources.pages), build / "docs")
    clear_errors(build)
    if indexing:
        index.finish(indexing)
    return changed
