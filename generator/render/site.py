"""Render the whole site's Markdown and data files as {docs path: text}."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import jinja2

from generator.enrich.issues import ISSUE_KINDS
from generator.load.settings import SiteSettings
from generator.model import Enriched, Paper
from generator.render import pages
from generator.render.authors import author_keys_with_pages, author_pages
from generator.render.exports import render_exports
from generator.render.feeds import render_feeds
from generator.render.issues import ARCHIVE, archive_page, issue_pages
from generator.render.kept import KeptPages, Key
from generator.render.map_page import render_map
from generator.render.sitemaps import render_sitemaps, robots_txt
from generator.render.templating import environment
from generator.render.views import page_path


def render_site(
    enriched: Enriched, settings: SiteSettings, static_pages: dict[str, str], kept: KeptPages | None = None
) -> dict[str, str]:
    """Return every generated file of the docs folder, keyed by its path there (with pages `kept` since the last render)."""
    env = environment()

    def each(key: Key, render: Callable[[], dict[str, str]]) -> dict[str, str]:
        return kept.pages(key, render) if kept is not None else render()

    catalogue = enriched.catalogue
    files: dict[str, str] = {
        "papers/index.md": pages.papers_index(env, enriched),
        "tags/index.md": pages.tags_index(env, enriched),
        "entities/index.md": pages.entities_index(env, enriched),
    }
    files.update(pages.papers_table(enriched))
    for paper in catalogue.papers:
        files.update(each(("papers", paper.slug), partial(_paper_files, env, enriched, paper, settings)))
    for key in catalogue.tags:
        files.update(each(("tags", key), partial(pages.tag_pages, env, enriched, key)))
    for key in catalogue.entities:
        files.update(each(("entities", key), partial(pages.entity_pages, env, enriched, key)))
    for kind in ISSUE_KINDS:
        for issue in enriched.issues[kind].values():
            files.update(each((kind, issue.key), partial(issue_pages, env, enriched, issue)))
    files[ARCHIVE] = archive_page(env, enriched)
    for key in author_keys_with_pages(enriched):
        files.update(each(("authors", key), partial(author_pages, env, enriched, key)))
    files.update(render_feeds(enriched, settings))
    files.update(render_exports(enriched, settings))
    files.update(render_map(enriched))
    # The home page names the sitemaps, which list every page, the home page included.
    pages_md = [name for name in (*static_pages, *files, "index.md") if name.endswith(".md")]
    sitemaps = render_sitemaps(enriched, settings, pages_md)
    files.update(sitemaps)
    files["robots.txt"] = robots_txt(settings)
    files["index.md"] = pages.home_page(env, enriched, settings, list(sitemaps))
    return {**static_pages, **files}


def _paper_files(env: jinja2.Environment, enriched: Enriched, paper: Paper, settings: SiteSettings) -> dict[str, str]:
    """Return the one page of a paper, {docs path: Markdown}."""
    return {page_path("papers", paper.slug): pages.paper_page(env, enriched, paper, settings)}
