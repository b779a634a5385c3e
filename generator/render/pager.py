"""Split a long list into numbered pages of a fixed size, with stable addresses and a pager.

Any listing page uses it (tags, entities, and later days, weeks, months and authors): page 1 keeps
the list's own address (`tags/calm.md`, served at `/tags/calm/`) and page n > 1 lives below it
(`tags/calm/page/2.md`, served at `/tags/calm/page/2/`). A template prints the items of one
`ListPage` and includes `pager.md.j2` with its `pager`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from markupsafe import Markup

from generator.render.views import href, served

# Papers to a page: cards are read one by one, rows scanned. A page's chrome (about 2.8 KB) is paid
# once per page, so the pages of rows are long: at 100,000 papers, 50 rows to a page made some 15,000
# pages of weeks and tags, a twentieth of the site's files.
CARDS_PER_PAGE = 50
ROWS_PER_PAGE = 200
# The folder name below a list's address that holds its later pages; a reserved path name.
PAGE_SEGMENT = "page"
# How many page numbers the pager shows on each side of the current one (besides first and last).
NEARBY = 2

T = TypeVar("T")


@dataclass(frozen=True)
class PagerLink:
    """One entry of a pager: a page number linked, the current page, or a gap (`href` and `current` unset)."""

    text: Markup
    href: Markup | None = None
    current: bool = False


@dataclass(frozen=True)
class Pager:
    """The links between the pages of one list, as printed on one of them."""

    label: Markup
    previous: Markup | None
    next: Markup | None
    links: tuple[PagerLink, ...]


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a paginated list: its docs path, number, items and pager (None for a single page)."""

    path: str
    number: int
    count: int
    items: Sequence[T]
    pager: Pager | None


def list_page_path(first: str, number: int) -> str:
    """Return the docs path of page `number` of the list whose first page is `first`."""
    return first if number == 1 else f"{served(first)}{PAGE_SEGMENT}/{number}.md"


def page_count(total: int, size: int, first_size: int | None = None) -> int:
    """Return how many pages a list of `total` items takes (at least one, possibly empty)."""
    head = size if first_size is None else first_size
    return 1 + max(0, -(-(total - head) // size))


def paginate(first: str, items: Sequence[T], size: int, first_size: int | None = None) -> list[ListPage[T]]:
    """Return the pages of `items`, `size` to a page (`first_size` on the first), the first at docs path `first`."""
    head = size if first_size is None else first_size
    count = page_count(len(items), size, first_size)
    bounds = [0, *(head + size * n for n in range(count))]
    return [
        ListPage(
            path=list_page_path(first, number),
            number=number,
            count=count,
            items=items[bounds[number - 1] : bounds[number]],
            pager=_pager(first, number, count) if count > 1 else None,
        )
        for number in range(1, count + 1)
    ]


def _shown(number: int, count: int) -> list[int | None]:
    """Return the page numbers a pager shows on page `number`, with None for each gap."""
    keep = sorted({1, count, *range(max(1, number - NEARBY), min(count, number + NEARBY) + 1)})
    shown: list[int | None] = []
    for n in keep:
        if shown and n - (shown[-1] or 0) > 1:
            shown.append(None)
        shown.append(n)
    return shown


def _pager(first: str, number: int, count: int) -> Pager:
    here = list_page_path(first, number)

    def link(n: int) -> Markup:
        return href(here, list_page_path(first, n))

    links = tuple(
        PagerLink(Markup("…")) if n is None else PagerLink(Markup(str(n)), link(n), n == number)
        for n in _shown(number, count)
    )
    return Pager(
        label=Markup(f"Page {number} of {count}"),
        previous=link(number - 1) if number > 1 else None,
        next=link(number + 1) if number < count else None,
        links=links,
    )
