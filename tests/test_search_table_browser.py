"""Search cards, the publication-year facet and sort, and the all-papers table, in headless Chromium.

A small catalogue with authors, publication dates, an arXiv id, a venue and a TeX title, at 1280 and
390 px in both palettes: no sideways overflow, no console errors, no request to another host.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.cli import main
from tests.browser import ARTIFACTS, PageLog, checked_page, horizontal_overflow, serve, watch
from tests.conftest import entry, make_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ABSTRACT = "Sparse neighbour graphs explain which pixels matter. We compare them with dense maps."
PAPERS = {
    "sparse": entry(
        title='"Sparse $k$-NN Saliency"',
        abstract=f'"{ABSTRACT}"',
        authors='["Ada Lovelace", "Charles Babbage", "Grace Hopper", "Alan Turing"]',
        published='"2019-05-01"',
        venue='"NeurIPS 2019"',
        arxiv='"1905.01234"',
        links='{code: "https://github.com/example/sparse"}',
        tags="[saliency]",
    ),
    "beta": entry(
        title="Beta Segmentation Networks", authors='["Grace Hopper"]', published='"2021-02-01"', tags="[segmentation]"
    ),
    "gamma": entry(title="Gamma Saliency Maps", arxiv='"2103.04567"', listed='"2025-01-05"', tags="[saliency]"),
    "delta": entry(
        title="Delta Attention for Saliency",
        authors='["Edsger Dijkstra", "Barbara Liskov"]',
        published='"2019-11-20"',
        listed='"2024-06-30"',
    ),
    "plain": entry(title="An Unpublished Study", listed='"2024-06-30"', tags="[segmentation]"),
}
# The orders of generator/render/orders.py for PAPERS, worked out by hand.
ORDERS = {
    "title": ["plain", "beta", "delta", "gamma", "sparse"],
    "newest": ["beta", "sparse", "gamma", "plain", "delta"],
    "oldest": ["delta", "plain", "gamma", "sparse", "beta"],  # newest backwards, ties too
    "published": ["gamma", "beta", "delta", "sparse", "plain"],
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = make_project(tmp_path_factory.mktemp("search-table") / "project")
    for slug, text in PAPERS.items():
        project.add(slug, text)
    assert main(["--root", str(project.root), "build"]) == 0
    with serve(project.root / "site") as url:
        yield url


@pytest.fixture
def opened(browser: Any, site_url: str) -> Iterator[tuple[Any, PageLog]]:
    """A desktop page whose console errors and requests are checked once the test is done."""
    with checked_page(browser, site_url) as opened:
        yield opened


def slugs(page: Any, selector: str) -> list[str]:
    """Return the paper slugs the links matched by `selector` point to, in order."""
    hrefs: list[str] = page.locator(selector).evaluate_all("(links) => links.map((a) => a.href)")
    return [urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


def search(page: Any, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector("[data-search-page=ready]")


def results(page: Any) -> list[str]:
    return slugs(page, ".search-page__list .paper-card__title")


def table(page: Any, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector("[data-paper-table=ready]")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_search_results_are_the_sites_cards(site_url: str, browser: Any, width: int, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    log = watch(page)
    search(page, site_url + "search/?q=sparse")
    card = page.locator(".search-page__list .paper-card").first
    title = card.locator(".paper-card__title")
    title.locator(".katex").first.wait_for()  # TeX rendered by the site's own KaTeX
    assert title.locator(".katex-error").count() == 0
    assert card.locator(".paper-card__meta").inner_text() == (
        "Ada Lovelace, Charles Babbage, Grace Hopper et al. \u00b7 2019 \u00b7 NeurIPS 2019"
    )
    assert card.locator(".paper-card__foot .tag-chip").all_inner_texts() == ["Saliency"]
    # Grace Hopper wrote two papers, so she has a page, and the card links her there as the site's cards do.
    authors = card.locator(".paper-card__meta a").evaluate_all("(links) => links.map((a) => [a.textContent, a.href])")
    assert authors == [["Grace Hopper", site_url + "authors/grace-hopper/"]]
    assert card.locator(".paper-card__badge").all_inner_texts() == ["arXiv", "PDF", "Code"]
    assert card.locator(".paper-card__excerpt mark").first.inner_text().lower() == "sparse"
    lines = card.locator(".paper-card__excerpt").evaluate(
        "(p) => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))"
    )
    assert lines <= 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-cards-{width}-{scheme}.png"), full_page=True)
    assert horizontal_overflow(page) <= 0
    context.close()
    assert log.errors == []
    assert log.foreign(site_url) == []


def test_a_match_in_metadata_shows_the_abstract_as_the_excerpt(site_url: str, opened: tuple[Any, PageLog]) -> None:
    page, _ = opened
    search(page, site_url + "search/?q=lovelace")
    assert results(page) == ["sparse"]  # an author, found though not in the body
    excerpt = page.locator(".paper-card__excerpt").first.inner_text()
    assert excerpt.startswith("Sparse neighbour graphs") and "Lovelace" not in excerpt


def test_the_published_facet_keeps_papers_of_that_year_and_back_undoes_it(
    site_url: str, opened: tuple[Any, PageLog]
) -> None:
    page, _ = opened
    search(page, site_url + "search/")
    facet = page.locator(".search-page__facet", has=page.locator("legend", has_text="Published"))
    assert facet.locator("input[name=published]").evaluate_all("(boxes) => boxes.map((b) => b.value)") == [
        "",
        "2021",
        "2019",
    ]
    facet.locator("label", has_text="2019").click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query) == {"published": ["2019"]})
    page.wait_for_selector("[data-search-page=ready]")
    assert sorted(results(page)) == ["delta", "sparse"]
    assert facet.locator("label", has_text="2021").locator(".search-page__count").inner_text() == "2"
    page.go_back()
    page.wait_for_url(lambda url: urlsplit(url).query == "")
    page.wait_for_selector("[data-search-page=ready]")
    assert results(page) == []  # the page asks for nothing again, so it waits for a query or a filter


@pytest.mark.parametrize("order", list(ORDERS))
def test_search_and_the_table_list_papers_in_the_same_order(
    site_url: str, opened: tuple[Any, PageLog], order: str
) -> None:
    page, _ = opened
    search(page, site_url + f"search/?sort={order}")
    assert page.input_value(".search-page__form select") == order
    assert results(page) == ORDERS[order]
    table(page, site_url + f"papers/?sort={order}")
    assert page.input_value(".paper-table__controls select[aria-label='Order of papers']") == order
    assert slugs(page, ".paper-table tbody .paper-table__title a") == ORDERS[order]


def test_the_tables_column_headers_choose_orders_and_old_links_are_rewritten(
    site_url: str, opened: tuple[Any, PageLog]
) -> None:
    page, _ = opened
    table(page, site_url + "papers/?sort=listed&dir=asc&tag=segmentation")
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query) == {"tag": ["segmentation"], "sort": ["oldest"]})
    assert slugs(page, ".paper-table tbody .paper-table__title a") == ["delta", "plain", "beta"]  # ORDERS["oldest"]
    page.locator("th.paper-table__authors button").click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("sort") == ["published"])
    assert page.get_attribute("th.paper-table__authors", "aria-sort") == "descending"
    assert page.get_attribute("th.paper-table__listed", "aria-sort") is None
    page.locator("th.paper-table__title button").click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("sort") == ["title"])
    assert slugs(page, ".paper-table tbody .paper-table__title a") == ["plain", "beta", "delta"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_table_has_an_authors_and_year_column_and_cards_on_a_phone(
    site_url: str, browser: Any, width: int, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    log = watch(page)
    table(page, site_url + "papers/")
    row = page.locator(".paper-table tbody tr", has=page.locator("a[href='sparse/']"))
    row.locator(".paper-table__title .katex").first.wait_for()
    assert row.locator(".paper-table__authors").inner_text() == (
        "Ada Lovelace, Charles Babbage, Grace Hopper et al. \u00b7 2019"
    )
    assert row.locator(".paper-table__tags .tag-chip").all_inner_texts() == ["Saliency"]
    if width == 1280:
        assert page.locator("th.paper-table__authors").inner_text().startswith("Authors")
        # Balanced: the title column is not squeezed to a few words beside a wide empty one.
        widths = row.locator("td").evaluate_all("(cells) => cells.map((c) => c.getBoundingClientRect().width)")
        assert widths[0] > max(widths[1:])
    else:
        assert not page.locator(".paper-table thead").is_visible()
        assert row.evaluate("(tr) => getComputedStyle(tr).display") == "block"  # a card, not a table row
        card, authors = (row.evaluate(f"(tr) => {js}") for js in ("tr.clientWidth", "tr.cells[1].clientWidth"))
        assert authors > 0.8 * card  # each line of the card runs across it
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"table-{width}-{scheme}.png"), full_page=True)
    assert horizontal_overflow(page) <= 0
    context.close()
    assert log.errors == []
    assert log.foreign(site_url) == []
