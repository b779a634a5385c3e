"""Author pages, `/authors/<key>/`: an author's papers as rows, with co-authors and tags.

Rows, not cards: a paper is on the pages of three authors on average, and rows cost a third of a card.
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from generator.model import Enriched
from generator.render.cards import has_author_page, paper_row
from generator.render.pager import ROWS_PER_PAGE, paginate
from generator.render.text import html_text
from generator.render.views import LIST_TEMPLATE, Link, front_matter, href, page_path, tag_link

# Few, as every author page repeats them: at 100,000 papers a third of the papers have an author page.
CO_AUTHORS_SHOWN = 10
TAGS_SHOWN = 6


def author_keys_with_pages(enriched: Enriched) -> list[str]:
    """Return the keys of the authors who have a page."""
    return [key for key in enriched.authors if has_author_page(enriched, key)]


def author_pages(env: jinja2.Environment, enriched: Enriched, key: str) -> dict[str, str]:
    """Return the pages of one author, {docs path: Markdown}: papers as rows, co-authors and tags."""
    author = enriched.authors[key]
    pages: dict[str, str] = {}
    for page in paginate(page_path("authors", key), author.papers, ROWS_PER_PAGE):
        coauthors = [
            Link(
                html_text(enriched.authors[other].name),
                href(page.path, page_path("authors", other)) if has_author_page(enriched, other) else Markup(""),
                Markup(str(count)),
            )
            for other, count in author.coauthors[:CO_AUTHORS_SHOWN]
        ]
        heading = author.name if page.number == 1 else f"{author.name} (page {page.number} of {page.count})"
        pages[page.path] = env.get_template("author.md.j2").render(
            front=front_matter(
                heading, f"{len(author.papers)} papers by {author.name} in the catalogue.", LIST_TEMPLATE
            ),
            name=html_text(heading),
            total=len(author.papers),
            coauthors=coauthors if page.number == 1 else [],
            tags=[tag_link(page.path, enriched, k, n) for k, n in author.tags[:TAGS_SHOWN]] if page.number == 1 else [],
            rows=[paper_row(page.path, enriched.paper[slug]) for slug in page.items],
            index=href(page.path, "papers/index.md"),
            pager=page.pager,
        )
    return pages
