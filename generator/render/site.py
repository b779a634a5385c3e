"""Render the whole site's Markdown and data files as {docs path: text}."""

from __future__ import annotations

from generator.load.settings import SiteSettings
from generator.model import Enriched
from generator.render import pages
from generator.render.exports import render_exports
from generator.render.feeds import render_feeds
from generator.render.sitemaps import render_sitemaps
from generator.render.templating import environment
from generator.render.views import page_path


def render_site(enriched: Enriched, settings: SiteSettings, static_pages: dict[str, str]) -> dict[str, str]:
    """Return every generated file of the docs folder, keyed by its path there."""
    env = environment()
    catalogue = enriched.catalogue
    files: dict[str, str] = {
        "index.md": pages.home_page(env, enriched, settings),
        "papers/index.md": pages.papers_index(env, enriched),
        "papers/table.json": pages.papers_table(enriched),
        "tags/index.md": pages.tags_index(env, enriched),
        "entities/index.md": pages.entities_index(env, enriched),
    }
    for paper in catalogue.papers:
        files[page_path("papers", paper.slug)] = pages.paper_page(env, enriched, paper, settings)
    for key in catalogue.tags:
        files[page_path("tags", key)] = pages.tag_page(env, enriched, key)
    for key in catalogue.entities:
        files[page_path("entities", key)] = pages.entity_page(env, enriched, key)
    files.update(render_feeds(enriched, settings))
    files.update(render_exports(enriched, settings))
    files.update(render_sitemaps(enriched, settings))
    return {**static_pages, **files}
