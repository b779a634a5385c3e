"""The one orchestrator: load -> validate -> enrich -> render -> write/publish."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from generator.enrich import enrich
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout, read_static_pages
from generator.render.site import render_site
from generator.validate.check import load_catalogue
from generator.write.publish import Timings, publish


def render_docs(layout: SourceLayout, today: date, timings: Timings | None = None) -> dict[str, str]:
    """Return every docs file of the site; raise InvalidCatalogue before rendering anything."""
    timings = timings or Timings()
    started = time.perf_counter()
    catalogue = load_catalogue(layout, today)
    timings.record("load and validate", started)
    started = time.perf_counter()
    enriched = enrich(catalogue)
    timings.record("enrich", started)
    started = time.perf_counter()
    files = render_site(enriched, read_settings(layout.config_file), read_static_pages(layout))
    timings.record("render", started)
    return files


def build_site(layout: SourceLayout, site_dir: Path, today: date) -> Timings:
    """Build the production site into `site_dir`, replacing it only on success."""
    timings = Timings()
    files = render_docs(layout, today, timings)
    publish(files, layout.root, layout.config_file, site_dir, timings)
    return timings
