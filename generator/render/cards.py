"""Paper cards and rows: how lists show a paper.

A card (title, first authors, year and venue, tags, excerpt, badges) is for what a reader reads paper by
paper: the home page, a day, and the first page (the newest papers) of a tag or an entity. A row (title,
first authors, year and venue) is for what a reader scans: a week, an author's papers and the later pages
of a tag or an entity. A paper is on a dozen lists, and the site has 10 KB per paper in all: a row costs
a third of a card.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.enrich.authors import author_key
from generator.model import Enriched, Paper
from generator.render.bibtex import issued_month
from generator.render.text import html_text, url
from generator.render.views import Link, excerpt, href, page_path, paper_link, tag_link

AUTHORS_ON_CARD = 3
# An author gets a page from this many papers on; the others are found by search (budgets at 100k papers).
AUTHOR_PAGE_PAPERS = 2
CARD_EXCERPT = 160


@dataclass(frozen=True)
class Card:
    """A paper in a list, every value escaped and linked from the list's page."""

    title: Link
    authors: tuple[Link, ...]  # an author without a page has an empty href
    et_al: bool
    facts: Markup  # `2024 · CVPR 2024`
    tags: tuple[Link, ...]
    excerpt: Markup
    badges: tuple[Link, ...]


@dataclass(frozen=True)
class Row:
    """A paper in a compact list: its linked title, then its first authors, year and venue as plain text."""

    title: Link
    note: Markup  # `Ada Lovelace, Grace Hopper et al. · 2024 · CVPR 2024`


def has_author_page(enriched: Enriched, key: str) -> bool:
    """Return whether the author `key` has a page of their own."""
    author = enriched.authors.get(key)
    return author is not None and len(author.papers) >= AUTHOR_PAGE_PAPERS


def author_links(from_page: str, enriched: Enriched, names: tuple[str, ...]) -> tuple[Link, ...]:
    """Return each name, linked to its author's page where there is one."""
    links = []
    for name in names:
        key = author_key(name)
        target = href(from_page, page_path("authors", key)) if has_author_page(enriched, key) else Markup("")
        links.append(Link(html_text(name), target))
    return tuple(links)


def badges(paper: Paper) -> tuple[Link, ...]:
    """Return the card's outside links: arXiv, PDF, Code and Project, where the entry has them."""
    found = []
    if paper.arxiv:
        found.append(Link(Markup("arXiv"), url(f"https://arxiv.org/abs/{paper.arxiv}")))
        found.append(Link(Markup("PDF"), url(f"https://arxiv.org/pdf/{paper.arxiv}")))
    for kind, label in (("code", "Code"), ("project", "Project")):
        if kind in paper.links:
            found.append(Link(Markup(label), url(paper.links[kind])))
    return tuple(found)


def paper_facts(paper: Paper) -> list[str]:
    """Return the year the paper is cited with (if known) and its venue."""
    month = issued_month(paper)
    facts = [str(month[0])] if month else []
    return [*facts, paper.venue] if paper.venue else facts


def paper_card(from_page: str, enriched: Enriched, paper: Paper, page_tag: str | None = None) -> Card:
    """Return the card of `paper` as the page `from_page` lists it; a tag's own page leaves out its chip."""
    facts = paper_facts(paper)
    return Card(
        title=paper_link(from_page, paper),
        authors=author_links(from_page, enriched, paper.authors[:AUTHORS_ON_CARD]),
        et_al=len(paper.authors) > AUTHORS_ON_CARD,
        facts=html_text(" · ".join(facts)),
        tags=tuple(tag_link(from_page, enriched, key) for key in paper.tags if key != page_tag),
        excerpt=html_text(excerpt(paper.abstract, CARD_EXCERPT)),
        badges=badges(paper),
    )


def paper_row(from_page: str, paper: Paper) -> Row:
    """Return the row of `paper` as the page `from_page` lists it."""
    names = ", ".join(paper.authors[:AUTHORS_ON_CARD]) + (" et al." if len(paper.authors) > AUTHORS_ON_CARD else "")
    return Row(
        title=paper_link(from_page, paper), note=html_text(" · ".join([names] * bool(names) + paper_facts(paper)))
    )
