"""The orders a reader can sort papers in, shared by search (Pagefind's sorts) and the all-papers table.

Each order is a rank per paper, ties broken by title, so search and the table list papers alike:
`title` (A to Z), `newest` (listed), and `published` (newest publication first, from `published`,
else the arXiv id's month; papers with neither come last). `oldest` is `newest` read backwards
(ties by title Z to A): Pagefind sorts a rank either way, and every rank it holds is sent to each
reader's browser, about 2.3 bytes a paper, so no rank is kept for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Paper
from generator.render.bibtex import issued_month
from generator.render.tex import plain_title

ORDERS = ("title", "newest", "published")


def issued(paper: Paper) -> tuple[int, int, int] | None:
    """Return when `paper` was published, as (year, month, day); the day is 0 when only the month is known."""
    month = issued_month(paper)
    if month is None:
        return None
    return month[0], month[1], paper.published.day if paper.published else 0


def has_issued(papers: Sequence[Paper]) -> bool:
    """Return whether any paper says when it was published, so that the `published` order means something."""
    return any(issued_month(paper) for paper in papers)


def order_ranks(papers: Sequence[Paper]) -> dict[str, dict[str, int]]:
    """Return {slug: {order: rank}}: each paper's place (0 first) in every order of ORDERS."""
    by_title = sorted(papers, key=lambda p: (plain_title(p.title).casefold(), p.slug))
    place = {paper.slug: rank for rank, paper in enumerate(by_title)}

    def newest_issued(paper: Paper) -> tuple[int, int, int, int]:
        when = issued(paper)
        return (0, -when[0], -when[1], -when[2]) if when else (1, 0, 0, 0)

    orders = {
        "title": by_title,
        "newest": sorted(by_title, key=lambda p: -p.listed.toordinal()),
        "published": sorted(by_title, key=newest_issued),
    }
    ranks: dict[str, dict[str, int]] = {slug: {} for slug in place}
    for name, order in orders.items():
        for rank, paper in enumerate(order):
            ranks[paper.slug][name] = rank
    return ranks
