"""Render each kind of page from its template: paper, tag, entity, their indexes, and home."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial

import jinja2
from markupsafe import Markup

from generator.enrich.tags import child_tags, newest_first
from generator.load.settings import SiteSettings
from generator.model import Enriched, Paper, Related
from generator.render.bibtex import bibtex_html, issued_month
from generator.render.cards import AUTHORS_ON_CARD, author_links, paper_card, paper_row
from generator.render.feeds import feed_paths
from generator.render.issues import issue_title
from generator.render.kept import MadeFrom, fresh
from generator.render.orders import order_ranks
from generator.render.pager import CARDS_PER_PAGE, ROWS_PER_PAGE, ListPage, paginate
from generator.render.tex import plain_title, title_parts
from generator.render.text import html_paragraphs, html_text, html_with_math, md_inline, url
from generator.render.views import (
    LIST_TEMPLATE,
    Link,
    entity_link,
    excerpt,
    external_buttons,
    front_matter,
    href,
    human_date,
    json_text,
    page_path,
    paper_head,
    paper_link,
    shows_short_name,
    tag_link,
)

# theme/paper.html: the slim page template of a paper (see its opening comment).
PAPER_TEMPLATE = "paper.html"
NEWEST_ON_HOME = 20
TOP_TAGS_ON_HOME = 12
FALLBACK_ROWS = 50
# Rows per piece of the all-papers table's data: the table shows the first piece while the rest load.
TABLE_PIECE = 2000


def _listing(page: str, paper: Paper) -> dict[str, object]:
    """A paper as one line of a list: link, date and a one-line excerpt."""
    return {
        "link": paper_link(page, paper),
        "listed": human_date(paper.listed),
        "excerpt": html_text(excerpt(paper.abstract)),
    }


def _meta_line(paper: Paper) -> Markup:
    """Return `<strong>SHORT</strong> · Listed 12 Mar 2025 · Published ... · Venue` as HTML."""
    parts = [Markup("<strong>%s</strong>") % html_text(paper.short_name or "")] if shows_short_name(paper) else []
    parts.append(Markup("Listed ") + human_date(paper.listed))
    if paper.published:
        parts.append(Markup("Published ") + human_date(paper.published))
    if paper.venue:
        parts.append(html_text(paper.venue))
    return Markup(" · ").join(parts)


def _feeds(page: str, folder: str) -> dict[str, Markup]:
    """Link targets from a page to the Atom and JSON feeds in `folder`."""
    atom, json_feed = feed_paths(folder)
    return {"atom": href(page, atom), "json": href(page, json_feed)}


def related_reason(enriched: Enriched, paper: Paper, related: Related) -> str:
    """Return why `related` is listed on `paper`'s page: every signal that counted, in plain words."""
    other = enriched.paper[related.slug]
    parts = []
    if related.shared_authors:
        parts.append(f"same authors: {', '.join(related.shared_authors)}")
    if related.names_it and other.short_name:
        parts.append(f"mentions {other.short_name}")
    if related.named_by_it and paper.short_name:
        parts.append(f"its abstract mentions {paper.short_name}")
    named = [enriched.catalogue.entities[key] for key in related.shared_entities[:3]]
    if named:
        parts.append(f"both use {', '.join(e.name for e in named)}")
    said = {alias.casefold() for e in named for alias in (e.name, *e.aliases)}
    if related.shared_tags:
        parts.append(f"shares: {', '.join(enriched.catalogue.tags[key].name for key in related.shared_tags)}")
    terms = [term for term in related.shared_terms if term.casefold() not in said]  # "both use ImageNet" said it
    if terms:
        parts.append(f"both say: {', '.join(terms)}")
    return "; ".join(parts)


def paper_page(env: jinja2.Environment, enriched: Enriched, paper: Paper, settings: SiteSettings) -> str:
    """Return the Markdown page of one paper: front matter, then HTML blocks only."""
    page = page_path("papers", paper.slug)
    papers = enriched.paper
    related = [
        {"link": paper_link(page, papers[r.slug]), "reason": html_text(related_reason(enriched, paper, r))}
        for r in enriched.related.get(paper.slug, ())
    ]
    return env.get_template("paper.md.j2").render(
        front=front_matter(
            plain_title(paper.title),
            excerpt(paper.abstract),
            {**paper_head(paper, settings), "template": PAPER_TEMPLATE},
        ),
        title=html_with_math(paper.title),
        meta_line=_meta_line(paper),
        authors=author_links(page, enriched, paper.authors),
        index=href(page, "papers/index.md"),
        buttons=external_buttons(paper),
        tags=[tag_link(page, enriched, key) for key in paper.tags],
        map_href=Markup(f"{href(page, 'map/index.md')}?p={paper.slug}"),  # slugs are [a-z0-9-], safe in a URL
        abstract=html_paragraphs(paper.abstract),
        related=related,
        mentions=[entity_link(page, enriched, key) for key in enriched.mentions.get(paper.slug, ())],
        mentioned_by=[paper_link(page, papers[s]) for s in enriched.mentioned_by.get(paper.slug, ())],
        bibtex=bibtex_html(paper),
        edit_url=url(settings.edit_url(paper.source)),
    )


def _titled(name: str, number: int, count: int) -> str:
    """Return a list page's title: the list's name, then `(page 2 of 5)` after the first."""
    return name if number == 1 else f"{name} (page {number} of {count})"


def tag_pages(env: jinja2.Environment, enriched: Enriched, key: str, made_from: MadeFrom = fresh) -> dict[str, str]:
    """Return the pages of one tag, {docs path: Markdown}: its place in the hierarchy and its papers, paginated.

    A page after the first shows rows, which show their papers alone: `made_from` may keep it while they,
    the page count and the total are the same.
    """
    listed = enriched.papers_under_tag[key]
    pages: dict[str, str] = {}
    for page in paginate(page_path("tags", key), listed, ROWS_PER_PAGE, CARDS_PER_PAGE):
        render = partial(_tag_page, env, enriched, key, page)
        if page.number == 1:
            pages.update(render())
        else:
            shown = (tuple(enriched.paper[s] for s in page.items), page.count, len(listed))
            pages.update(made_from(("tag pages", page.path), shown, render))
    return pages


def _tag_page(env: jinja2.Environment, enriched: Enriched, key: str, page: ListPage[str]) -> dict[str, str]:
    """Return one page of a tag's papers, {docs path: Markdown}."""
    tags = enriched.catalogue.tags
    listed = enriched.papers_under_tag[key]
    trail: list[Link] = []
    parent = tags[key].parent
    while parent:
        trail.insert(0, tag_link(page.path, enriched, parent))
        parent = tags[parent].parent
    children = child_tags(tags)[key]
    text = env.get_template("tag.md.j2").render(
        front=front_matter(_titled(tags[key].name, page.number, page.count), tags[key].description, LIST_TEMPLATE),
        page=page,
        pager=page.pager,
        total=len(listed),
        name=html_text(tags[key].name),
        description=html_text(tags[key].description),
        feeds=_feeds(page.path, f"tags/{key}/"),
        index=href(page.path, "tags/index.md"),
        trail=trail,
        children=[tag_link(page.path, enriched, c, len(enriched.papers_under_tag[c])) for c in children],
        together=[tag_link(page.path, enriched, k, n) for k, n in enriched.tag_cooccurrence.get(key, ())[:12]],
        cards=[paper_card(page.path, enriched, enriched.paper[s], key) for s in page.items] if page.number == 1 else [],
        rows=[paper_row(page.path, enriched.paper[s]) for s in page.items] if page.number > 1 else [],
    )
    return {page.path: text}


def tags_index(env: jinja2.Environment, enriched: Enriched) -> str:
    """Return the tags overview: the hierarchy as nested lists with paper counts."""
    page = "tags/index.md"
    tags = enriched.catalogue.tags
    children = child_tags(tags)

    def rows(keys: list[str], depth: int) -> Iterator[dict[str, object]]:
        for key in keys:
            # A Markdown list item whose link is inline HTML: Python-Markdown parses the link text, so it is Markdown-escaped.
            link = tag_link(page, enriched, key, len(enriched.papers_under_tag[key]))
            yield {"indent": Markup("    " * depth), "link": replace(link, text=md_inline(tags[key].name))}
            yield from rows(list(children[key]), depth + 1)

    roots = sorted((k for k, t in tags.items() if t.parent is None), key=lambda k: tags[k].name.casefold())
    return env.get_template("tags.md.j2").render(front=front_matter("Tags"), rows=list(rows(roots, 0)), count=len(tags))


def entity_pages(env: jinja2.Environment, enriched: Enriched, key: str) -> dict[str, str]:
    """Return the pages of one dataset, model or method, {docs path: Markdown}, with the papers that name it."""
    first = page_path("entities", key)
    entity = enriched.catalogue.entities[key]
    mentioning = newest_first(enriched.paper[s] for s in enriched.papers_by_entity.get(key, ()))
    pages: dict[str, str] = {}
    for page in paginate(first, mentioning, ROWS_PER_PAGE, CARDS_PER_PAGE):
        pages[page.path] = env.get_template("entity.md.j2").render(
            front=front_matter(_titled(entity.name, page.number, page.count), entity.description, LIST_TEMPLATE),
            page=page,
            pager=page.pager,
            total=len(mentioning),
            name=html_text(entity.name),
            kind=html_text(entity.kind),
            description=html_text(entity.description),
            homepage=url(entity.url) if entity.url else None,
            aliases=html_text(", ".join(entity.aliases)),
            index=href(page.path, "entities/index.md"),
            cards=[paper_card(page.path, enriched, p) for p in page.items] if page.number == 1 else [],
            rows=[paper_row(page.path, p) for p in page.items] if page.number > 1 else [],
        )
    return pages


def entities_index(env: jinja2.Environment, enriched: Enriched) -> str:
    """Return the index of entities, grouped by kind, with paper counts."""
    page = "entities/index.md"
    entities = enriched.catalogue.entities
    groups = []
    for kind, heading in (("dataset", "Datasets"), ("model", "Models"), ("method", "Methods")):
        keys = sorted((k for k, e in entities.items() if e.kind == kind), key=lambda k: entities[k].name.casefold())
        links = [
            replace(entity_link(page, enriched, k), note=Markup(str(len(enriched.papers_by_entity.get(k, ())))))
            for k in keys
        ]
        if links:
            groups.append({"heading": Markup(heading), "links": links})
    return env.get_template("entities.md.j2").render(front=front_matter("Datasets, models and methods"), groups=groups)


def home_page(env: jinja2.Environment, enriched: Enriched, settings: SiteSettings, sitemaps: list[str]) -> str:
    """Return the home page: what this is, counts, newest papers, top tags, how to contribute.

    Its front matter names the `sitemaps`, which theme/sitemap.xml lists as the sitemap index.
    """
    page = "index.md"
    catalogue = enriched.catalogue
    counts = {k: len(v) for k, v in enriched.papers_under_tag.items() if v}
    top = sorted(counts, key=lambda k: (-counts[k], k))[:TOP_TAGS_ON_HOME]
    return env.get_template("home.md.j2").render(
        front=front_matter(settings.site_name, extra={"sitemaps": sitemaps}),
        site_name=md_inline(settings.site_name),
        feeds=_feeds(page, ""),
        papers=len(catalogue.papers),
        tags=len(catalogue.tags),  # as the tags page counts them
        entities=sum(1 for v in enriched.papers_by_entity.values() if v),
        day=_newest_day(page, enriched),
        top_tags=[tag_link(page, enriched, k, counts[k]) for k in top],
    )


def _newest_day(page: str, enriched: Enriched) -> dict[str, object] | None:
    """Return the newest day's issue as the home page opens on it: its first papers as cards, and links on."""
    days = enriched.issues["days"]
    if not days:
        return None
    issue = days[max(days)]
    previous = days[issue.previous] if issue.previous else None
    return {
        "title": html_text(issue_title(issue)),
        "href": href(page, page_path("days", issue.key)),
        "total": len(issue.papers),
        "more": len(issue.papers) > NEWEST_ON_HOME,
        "previous": Link(html_text(issue_title(previous)), href(page, page_path("days", previous.key)))
        if previous
        else None,
        "archive": href(page, "days/index.md"),
        "cards": [paper_card(page, enriched, enriched.paper[slug]) for slug in issue.papers[:NEWEST_ON_HOME]],
    }


def papers_index(env: jinja2.Environment, enriched: Enriched) -> str:
    """Return the all-papers page: a sortable, filterable table fed by `table.json`."""
    page = "papers/index.md"
    newest = newest_first(enriched.catalogue.papers)
    return env.get_template("papers.md.j2").render(
        front=front_matter("All papers", extra={"hide": ["navigation", "toc"]}),
        count=len(newest),
        fallback=[_listing(page, p) for p in newest[:FALLBACK_ROWS]],
    )


def papers_table(enriched: Enriched) -> dict[str, str]:
    """Return the data behind the all-papers table: `papers/table.json` names the pieces of rows, newest first."""
    catalogue = enriched.catalogue
    size = TABLE_PIECE
    ranks = order_ranks(catalogue.papers)
    rows = [_table_row(p, ranks[p.slug]) for p in newest_first(catalogue.papers)]
    files: dict[str, str] = {}
    for start in range(0, len(rows), size):
        files[f"papers/table-{start // size + 1}.json"] = json_text({"rows": rows[start : start + size]}) + "\n"
    manifest = {
        "tags": {key: tag.name for key, tag in sorted(catalogue.tags.items())},
        "count": len(rows),
        "pieces": [name.removeprefix("papers/") for name in files],
    }
    return {"papers/table.json": json_text(manifest) + "\n", **files}


def _table_row(paper: Paper, ranks: dict[str, int]) -> list[object]:
    """Return a paper's row (theme/assets/lib/table-rows.js reads it): its title (TeX as parts), the card's authors and year, ranks."""
    month = issued_month(paper)
    authors = ", ".join(paper.authors[:AUTHORS_ON_CARD]) + (" et al." if len(paper.authors) > AUTHORS_ON_CARD else "")
    return [
        paper.slug,
        title_parts(paper.title) or plain_title(paper.title),
        paper.short_name if shows_short_name(paper) else "",
        paper.listed.isoformat(),
        list(paper.tags),
        authors,
        str(month[0]) if month else "",
        [ranks["title"], ranks["published"]],
    ]
