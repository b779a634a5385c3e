"""The one orchestrator: load -> validate -> enrich -> render -> write/publish."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic
from generator.enrich import enrich
from generator.enrich.enrichment import Enrichment, enrich_again, enrich_fully
from generator.load.catalogue import SourceFiles, read_catalogue
from generator.load.settings import SiteSettings, read_settings
from generator.load.sources import ParseCache, SourceLayout
from generator.model import Catalogue, Enriched
from generator.render.kept import KeptPages, reached
from generator.render.search_docs import search_documents
from generator.render.site import render_site
from generator.shares import ShareLost, run_shared
from generator.timings import Timings
from generator.validate.check import EntryChecks, valid_catalogue, validate_catalogue

if TYPE_CHECKING:
    from generator.write.docs import DocsFolder
    from generator.write.publish import Publication

# The preview unfreezes and collects its heap after every this many runs, to free what was left in cycles.
FROZEN_RUNS = 100


class Reuse:
    """What a long-lived pipeline (the preview) keeps between runs: parses and validations of unchanged files, the
    enrichment and the pages of the last render, the docs."""

    def __init__(self, docs: DocsFolder) -> None:
        self.parses = ParseCache()
        self.checks = EntryChecks()
        self.docs = docs
        self.pages = KeptPages()
        self._last: tuple[SourceFiles, SiteSettings, date] | None = None
        self._rendered: tuple[Enrichment, SiteSettings] | None = None  # what `pages` were rendered from
        self._runs = 0

    def enrichment(self, catalogue: Catalogue) -> Enrichment:
        """Return the catalogue enriched, redoing only what its changes since the last render reach."""
        return enrich_again(self._rendered[0], catalogue) if self._rendered else enrich_fully(catalogue)

    def render(self, enrichment: Enrichment, settings: SiteSettings, static_pages: dict[str, str]) -> dict[str, str]:
        """Return every docs file, rendering again only the pages the changes since the last render reach."""
        last = self._rendered
        self.pages.begin(reached(last[0].enriched, enrichment.enriched) if last and last[1] == settings else None)
        return render_site(enrichment.enriched, settings, static_pages, self.pages)

    def rendered(self, enrichment: Enrichment, settings: SiteSettings) -> None:
        """Keep the render begun last, now that its docs are written."""
        self.pages.keep()
        self._rendered = enrichment, settings
        self._runs += 1
        # What the preview keeps (parses, enrichment, pages, MkDocs' site) is most of the heap; frozen, it is
        # left out of the next runs' collections: at 10k papers a full one took 0.7 s of every edit.
        if self._runs % FROZEN_RUNS:
            gc.freeze()
        else:  # once in a while, a full collection frees what was left in cycles meanwhile (a second or two)
            gc.unfreeze()
            gc.collect()

    def changed(self, sources: SourceFiles, settings: SiteSettings, today: date) -> bool:
        """Return whether the sources read (their parses, kept by `parses`), settings or day differ from the last run's."""
        last, self._last = self._last, (sources, settings, today)
        if last is None or (last[1], last[2]) != (settings, today):
            return True
        before = last[0]
        same_entries = len(before.entries) == len(sources.entries) and all(
            a is b for a, b in zip(before.entries, sources.entries, strict=True)
        )
        same_rest = (before.tags, before.entities, before.pages, before.problems, before.entry_names) == (
            sources.tags,
            sources.entities,
            sources.pages,
            sources.problems,
            sources.entry_names,
        )
        return not (same_entries and same_rest)


def checked_catalogue(layout: SourceLayout, today: date) -> tuple[Catalogue, list[Diagnostic]]:
    """Read and validate the catalogue; return what is valid, with every problem found."""
    return validate_catalogue(read_catalogue(layout), today)


def _loaded(layout: SourceLayout, today: date, timings: Timings) -> tuple[SourceFiles, Enriched]:
    """Read, validate and enrich the catalogue; raise InvalidCatalogue on any error."""
    started = time.perf_counter()
    sources = read_catalogue(layout)
    return sources, _enriched(sources, today, timings, started)


def _enriched(sources: SourceFiles, today: date, timings: Timings, started: float) -> Enriched:
    """Validate and enrich what was read (since `started`); raise InvalidCatalogue on any error."""
    catalogue = valid_catalogue(sources, today)
    timings.record("load and validate", started)
    started = time.perf_counter()
    enriched = enrich(catalogue)
    timings.record("enrich", started)
    return enriched


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
        # Only the docs outlive _site_docs, so neither this process nor MkDocs' forked ones hold the
        # catalogue or the search documents while MkDocs builds beside Pagefind.
        publication.build(_site_docs(layout, today, timings, publication))
    return timings


def _site_docs(layout: SourceLayout, today: date, timings: Timings, publication: Publication) -> dict[str, str]:
    """Load, enrich and render the catalogue, handing its search documents to `publication`; return every docs file."""
    sources, enriched = _loaded(layout, today, timings)
    settings = read_settings(layout.config_file)
    started = time.perf_counter()
    documents = search_documents(enriched, settings)
    timings.record("render", started)
    publication.index(documents)  # Pagefind indexes them while the pages render and MkDocs builds
    del documents  # on disk for Pagefind now: the pages render without them
    started = time.perf_counter()
    try:
        docs = render_site(enriched, settings, sources.pages, run=run_shared)  # a process per core
    except ShareLost as exc:
        from generator.write.errors import BuildFailed

        raise BuildFailed(str(exc)) from None
    timings.record("render", started)
    return docs


def update_preview(
    layout: SourceLayout, today: date, reuse: Reuse, timings: Timings
) -> tuple[list[str], Callable[[], dict[str, str]]] | None:
    """Render the preview's docs into `reuse.docs`; return the files written or removed, and the search documents.

    Return None when no source changed since the last call. Raise InvalidCatalogue first, leaving
    the last good docs in place. The search documents are made only when asked for, so the preview
    can rebuild the pages first.
    """
    started = time.perf_counter()
    sources = read_catalogue(layout, reuse.parses)
    settings = read_settings(layout.config_file)
    if not reuse.changed(sources, settings, today):
        return None
    catalogue = valid_catalogue(sources, today, reuse.checks)
    timings.record("load and validate", started)
    started = time.perf_counter()
    enrichment = reuse.enrichment(catalogue)
    timings.record("enrich", started)
    started = time.perf_counter()
    docs = reuse.render(enrichment, settings, sources.pages)
    timings.record("render", started)
    started = time.perf_counter()
    changed = reuse.docs.write(docs)
    reuse.rendered(enrichment, settings)
    timings.record("write docs", started)
    return changed, lambda: search_documents(enrichment.enriched, settings)
