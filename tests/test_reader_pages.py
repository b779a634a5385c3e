"""A reader's pages in headless Chromium: cards, rows, a day, a week, a month and an author, at two widths and in both palettes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from generator.cli import main
from tests.browser import ARTIFACTS, horizontal_overflow, serve, watch
from tests.conftest import entry, make_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TEX_TITLE = "Sparse $k$-NN Graphs with $L^2$ Loss"
PLAIN_TITLE = "Sparse k-NN Graphs with L² Loss"
ADA = "Ada Lovelace"


def _papers() -> dict[str, str]:
    """Five papers over two months and three ISO weeks; Ada Lovelace wrote three, one with a TeX title."""
    authors = f'["{ADA}", "Charles Babbage", "Grace Hopper", "Alan Turing"]'
    return {
        "sparse-knn": entry(
            title=f'"{TEX_TITLE}"',
            authors=authors,
            listed='"2025-03-12"',
            arxiv='"2403.01234"',
            venue='"CVPR 2025"',
            links='{code: "https://github.com/example/sparse-knn"}',
        ),
        "salient-maps": entry(title="Salient Maps of Everything", authors=f'["{ADA}"]', listed='"2025-03-12"'),
        "older-study": entry(
            title="An Older Saliency Study", authors=f'["{ADA}", "Grace Hopper"]', listed='"2025-03-05"'
        ),
        "february": entry(title="Segmenting in February", authors='["Grace Hopper"]', listed='"2025-02-20"'),
        "one-author": entry(title="Saliency by One Author", authors='["Edsger Dijkstra"]', listed='"2025-02-20"'),
    }


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The five-paper catalogue's production site, built once and served on 127.0.0.1."""
    project = make_project(tmp_path_factory.mktemp("reader") / "project")
    for slug, text in _papers().items():
        project.add(slug, text)
    assert main(["--root", str(project.root), "build"]) == 0
    with serve(project.root / "site") as url:
        yield url


PAGES = {
    "home": "",
    "day": "days/2025-03-12/",
    "week": "weeks/2025-W11/",
    "month": "months/2025-03/",
    "author": "authors/ada-lovelace/",
}
CARD = "ol.cards > li"
ROW = "ul.rows > li"
# How each page lists papers: cards, rows, or (a month) a calendar of its days.
LISTS = {"home": CARD, "day": CARD, "week": ROW, "month": ".archive-month a.tag-chip", "author": ROW}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", list(PAGES))
def test_reader_page_shows_its_list_cleanly(reader_site: str, browser: Any, name: str, width: int, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    log = watch(page)
    page.goto(reader_site + PAGES[name], wait_until="networkidle")
    if name != "month":
        page.wait_for_selector(
            f"{LISTS[name]} > a:first-child .katex"
        )  # the TeX title is rendered once the page settles
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reader-{name}-{width}-{scheme}.png"), full_page=True)
    assert log.errors == []
    assert log.foreign(reader_site) == []
    assert horizontal_overflow(page) <= 0
    items = page.locator(LISTS[name])
    assert items.count() >= 2
    for item in items.all():  # nothing in a card, row or day is wider than its box
        assert item.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    if LISTS[name] == CARD:
        first = items.filter(has=page.locator(".katex")).first
        meta = first.locator("p").nth(0).inner_text()
        assert meta.startswith(f"{ADA}, Charles Babbage, Grace Hopper et al.")
        assert "2024 · CVPR 2025" in meta  # the year comes from the arXiv id
        assert first.locator("p").nth(1).inner_text().startswith("We study salient regions")  # the excerpt
        assert [b.strip() for b in first.locator(".badge").all_inner_texts()] == ["arXiv", "PDF", "Code"]
        assert first.locator("p").nth(2).locator("a:not(.badge)").all_inner_texts() != []  # tag chips
    if LISTS[name] == ROW:
        first = items.filter(has=page.locator(".katex")).first
        assert first.inner_text().endswith(f"· {ADA}, Charles Babbage, Grace Hopper et al. · 2024 · CVPR 2025")
    context.close()


def test_days_weeks_and_months_link_to_each_other_and_any_date(reader_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(reader_site + "days/2025-03-05/", wait_until="networkidle")
    assert page.locator("h1").inner_text() == "5 Mar 2025"
    page.locator(".issue-nav a[rel=next]").click()
    page.wait_for_url("**/days/2025-03-12/")
    assert page.locator(f"{CARD} > a:first-child").all_inner_texts()[0] == "Salient Maps of Everything"  # ties by title
    page.locator(".breadcrumbs a", has_text="Week 11").click()
    page.wait_for_url("**/weeks/2025-W11/")
    assert page.locator(".issue-day a").all_inner_texts() == ["12 Mar 2025"]  # a week's rows sit under their day
    assert page.locator(ROW).count() == 2
    page.locator(".breadcrumbs a", has_text="March 2025").click()
    page.wait_for_url("**/months/2025-03/")
    assert [chip.split()[:3] for chip in page.locator(".archive-month").all_inner_texts()] == [
        ["Week", "10", "of"],
        ["Week", "11", "of"],
    ]
    page.locator(".archive-month a.tag-chip", has_text="12 Mar").click()
    page.wait_for_url("**/days/2025-03-12/")
    page.locator(".breadcrumbs a", has_text="Week 11").click()
    page.wait_for_url("**/weeks/2025-W11/")
    page.locator(".issue-nav a[rel=prev]").click()
    page.wait_for_url("**/weeks/2025-W10/")
    page.locator(".issue-nav a", has_text="Any date").click()
    page.wait_for_url("**/days/")
    page.locator(".archive-month a", has_text="20 Feb").click()
    page.wait_for_url("**/days/2025-02-20/")
    assert page.locator(CARD).count() == 2
    page.close()


def test_the_home_page_opens_on_the_newest_day(reader_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(reader_site, wait_until="networkidle")
    assert "Papers of 12 Mar 2025" in page.locator("h2").all_inner_texts()
    assert page.locator(CARD).count() == 2
    assert page.locator(".issue-nav a[rel=prev]").inner_text() == "‹ 5 Mar 2025"
    page.close()


def test_an_author_page_lists_papers_co_authors_and_tags_and_authors_link_there(reader_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(reader_site + "papers/older-study/", wait_until="networkidle")
    page.locator(".paper-authors a", has_text=ADA).click()
    page.wait_for_url("**/authors/ada-lovelace/")
    assert page.locator("h1").inner_text() == ADA
    assert page.locator(ROW).count() == 3
    assert "Grace Hopper (2)" in page.locator(".author-coauthors").inner_text()
    assert page.locator(".tag-chip", has_text="Saliency").count() >= 1
    # An author with one paper has no page (budgets at 100,000 papers) and their name is plain text.
    page.goto(reader_site + "papers/one-author/", wait_until="networkidle")
    assert page.locator(".paper-authors a").count() == 0
    page.close()


def test_a_tex_title_renders_with_katex_and_reads_as_plain_text_where_it_cannot(reader_site: str, browser: Any) -> None:
    page = browser.new_page()
    log = watch(page)
    page.goto(reader_site + "papers/sparse-knn/", wait_until="networkidle")
    heading = page.locator("h1")
    heading.locator(".katex").first.wait_for()
    assert heading.locator(".katex").count() == 2  # $k$ and $L^2$, rendered
    assert "$" not in heading.inner_text()
    assert page.title() == f"{PLAIN_TITLE} - Paper Catalogue"
    assert page.locator('meta[property="og:title"]').get_attribute("content") == PLAIN_TITLE
    assert page.locator('meta[name="citation_title"]').get_attribute("content") == PLAIN_TITLE
    assert TEX_TITLE in page.locator(".cite").inner_text()  # BibTeX keeps the TeX
    assert log.errors == []
    page.close()
