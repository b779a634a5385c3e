"""Render what Pagefind indexes: one small HTML document per paper, at the address of its page.

Indexing these instead of the built site lets Pagefind run while MkDocs builds, reads a tenth of
the bytes, and keeps navigation, related papers and citations out of the index by construction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from markupsafe import Markup

from generator.load.settings import SiteSettings
from generator.model import Enriched, Paper
from generator.render.templating import environment
from generator.render.tex import plain_title
from generator.render.text import html_text, paragraphs
from generator.render.views import excerpt, page_path, served


def search_documents(enriched: Enriched, settings: SiteSettings) -> dict[str, str]:
    """Return {path under the site: HTML} for every paper, e.g. `papers/calm/index.html`."""
    template = environment().get_template("search.html.j2")
    language = html_text(settings.language)
    ranks = sort_ranks(enriched.catalogue.papers)
    return {
        served(page_path("papers", paper.slug)) + "index.html": template.render(
            _fields(enriched, paper), language=language, ranks=ranks[paper.slug]
        )
        for paper in enriched.catalogue.papers
    }


def sort_ranks(papers: Iterable[Paper]) -> dict[str, dict[str, Markup]]:
    """Return each paper's place in every order the search page sorts by, ties broken by title.

    Pagefind sorts by one value and leaves ties in no set order, and every paper of a day shares
    its date; so each order is a rank (`0000001` first), newest and oldest each by title.
    """
    ordered = sorted(papers, key=lambda p: (p.title.casefold(), p.slug))
    orders = {
        "newest": sorted(ordered, key=lambda p: -p.listed.toordinal()),
        "oldest": sorted(ordered, key=lambda p: p.listed.toordinal()),
        "published": sorted(ordered, key=lambda p: -(p.published or date.min).toordinal()),
    }
    ranks: dict[str, dict[str, Markup]] = {p.slug: {} for p in ordered}
    for name, order in orders.items():
        for rank, paper in enumerate(order):
            ranks[paper.slug][name] = Markup(f"{rank:07d}")
    return ranks


def _fields(enriched: Enriched, paper: Paper) -> dict[str, object]:
    """Return the escaped values search.html.j2 prints for `paper`."""
    entities = [enriched.catalogue.entities[key].name for key in enriched.mentions.get(paper.slug, ())]
    return {
        "title": html_text(plain_title(paper.title)),
        "short_name": html_text(paper.short_name) if paper.short_name else None,
        "authors": html_text(", ".join(paper.authors)) if paper.authors else None,
        "tags": [(html_text(key), html_text(enriched.catalogue.tags[key].name)) for key in paper.tags],
        "entities": html_text(", ".join(entities)) if entities else None,
        "abstract": [html_text(block) for block in paragraphs(paper.abstract)],
        "listed": html_text(paper.listed.isoformat()),
        "year": html_text(str(paper.listed.year)),
        "published": html_text(str(paper.published.year)) if paper.published else None,
        "code": html_text("yes" if "code" in paper.links else "no"),
        "summary": html_text(excerpt(paper.abstract)),
    }
