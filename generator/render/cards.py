"""Paper cards: how every list shows a paper (title, first authors, year and venue, tags, excerpt, badges)."""

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


def paper_card(from_page: str, enriched: Enriched, paper: Paper) -> Card:
    """Return the card of `paper` as the page `from_page` lists it."""
    month = issued_month(paper)
    facts = [str(month[0])] if month else []
    facts += [paper.venue] if paper.venue else []
    return Card(
        title=paper_link(from_page, paper),
        authors=author_links(from_page, enriched, paper.authors[:AUTHORS_ON_CARD]),
        et_al=len(paper.authors) > AUTHORS_ON_CARD,
        facts=html_text(" · ".join(facts)),
        tags=tuple(tag_link(from_page, enriched, key) for key in paper.tags),
        excerpt=html_text(excerpt(paper.abstract, CARD_EXCERPT)),
        badges=badges(paper),
    )
