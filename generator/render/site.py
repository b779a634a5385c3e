"""Render the whole site's Markdown and data files as {docs path: text}."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import jinja2

from generator.enrich.issues import ISSUE_KINDS
from generator.load.settings import SiteSettings
from generator.model import Enriched, Paper
from generator.render import pages
from generator.render.authors import author_keys_with_pages, author_pages
from generator.render.exports import render_exports
from generator.render.feeds import feed_files, site_feeds
from generator.render.issues import ARCHIVE, archive_page, issue_pages
from generator.render.kept import KeptPages, Key, MadeFrom, fresh
from generator.render.map_page import render_map
from generator.render.sitemaps import render_sitemaps, robots_txt
from generator.render.templating import environment
from generator.render.views import page_path
from generator.shares import run_here

Job = Callable[[], dict[str, str]]
Runner = Callable[[Sequence[Job]], list[dict[str, str]]]


def render_site(
    enriched: Enriched,
    settings: SiteSettings,
    static_pages: dict[str, str],
    kept: KeptPages | None = None,
    run: Runner = run_here,
) -> dict[str, str]:
    """Return every generated file of the docs folder, keyed by its path there (with pages `kept` since the last render).

    `run` runs the jobs that render the pages of papers, tags, entities, dates and authors (most of the
    time spent here; generator/shares.py runs them in several processes for a build), returning what each
    made. `kept` keeps pages in this process, so it goes with the default `run`, here.
    """
    env = environment()

    def each(key: Key | None, render: Job) -> dict[str, str]:
        return kept.pages(key, render) if kept is not None and key is not None else render()

    files: dict[str, str] = {
        "papers/index.md": pages.papers_index(env, enriched),
        "tags/index.md": pages.tags_index(env, enriched),
        "entities/index.md": pages.entities_index(env, enriched),
    }
    files.update(pages.papers_table(enriched))
    made_from = kept.made_from if kept is not None else fresh
    for rendered in run([partial(each, key, render) for key, render in _page_jobs(env, enriched, settings, made_from)]):
        files.update(rendered)
    for feed in site_feeds(enriched, settings):  # a tag's feed is kept; the site's, of the newest papers, is not
        files.update(
            each(("feeds", feed.folder) if feed.folder else None, partial(feed_files, feed, enriched, settings))
        )
    files.update(render_exports(enriched, settings, made_from))
    files.update(render_map(enriched))
    # The home page names the sitemaps, which list every page, the home page included.
    pages_md = [name for name in (*static_pages, *files, "index.md") if name.endswith(".md")]
    make_sitemaps = partial(render_sitemaps, enriched, settings, pages_md)
    if kept is None:
        sitemaps = make_sitemaps()
    else:  # they list the pages, with the papers' listed dates
        listed = tuple((p.slug, p.listed) for p in enriched.catalogue.papers)
        sitemaps = kept.made_from(("sitemaps", ""), (tuple(pages_md), listed), make_sitemaps)
    files.update(sitemaps)
    files["robots.txt"] = robots_txt(settings)
    files["index.md"] = pages.home_page(env, enriched, settings, list(sitemaps))
    return {**static_pages, **files}


def _page_jobs(
    env: jinja2.Environment, enriched: Enriched, settings: SiteSettings, made_from: MadeFrom
) -> list[tuple[Key | None, Job]]:
    """Return what renders the pages of each paper, tag, entity, date and author, keyed for KeptPages (the
    date archive is rendered every time), each a job returning {docs path: Markdown}."""
    catalogue = enriched.catalogue
    jobs: list[tuple[Key | None, Job]] = [
        (("papers", paper.slug), partial(_paper_files, env, enriched, paper, settings)) for paper in catalogue.papers
    ]
    jobs += [(("tags", key), partial(pages.tag_pages, env, enriched, key, made_from)) for key in catalogue.tags]
    jobs += [(("entities", key), partial(pages.entity_pages, env, enriched, key)) for key in catalogue.entities]
    for kind in ISSUE_KINDS:
        jobs += [((kind, i.key), partial(issue_pages, env, enriched, i)) for i in enriched.issues[kind].values()]
    jobs.append((None, partial(_archive_files, env, enriched)))
    jobs += [(("authors", key), partial(author_pages, env, enriched, key)) for key in author_keys_with_pages(enriched)]
    return jobs


def _paper_files(env: jinja2.Environment, enriched: Enriched, paper: Paper, settings: SiteSettings) -> dict[str, str]:
    """Return the one page of a paper, {docs path: Markdown}."""
    return {page_path("papers", paper.slug): pages.paper_page(env, enriched, paper, settings)}


def _archive_files(env: jinja2.Environment, enriched: Enriched) -> dict[str, str]:
    """Return the date archive's page, {docs path: Markdown}."""
    return {ARCHIVE: archive_page(env, enriched)}
