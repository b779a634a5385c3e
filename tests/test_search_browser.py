"""Search as a reader uses it: the header box on every page and the search page, in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from generator.load.yaml_strict import parse_yaml
from generator.render.tex import plain_title
from tests.browser import PageLog, checked_page, horizontal_overflow, watch
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TAG_KEY = "vision-transformers"


@pytest.fixture
def opened(browser: Any, base_url: str) -> Iterator[tuple[Any, PageLog]]:
    """A fresh page whose console errors and requests are checked once the test is done."""
    with checked_page(browser, base_url) as opened:
        yield opened


def tagged(key: str) -> int:
    """Return how many seed papers carry the tag `key`."""
    return sum(
        key in parse_yaml(p.read_text(encoding="utf-8")).data["tags"] for p in (REPO / "site_src/papers").glob("*.yaml")
    )


def tag_name(key: str) -> str:
    name: str = parse_yaml((REPO / "site_src/tags.yaml").read_text(encoding="utf-8")).data[key]["name"]
    return name


def header_titles(page: Any) -> list[str]:
    page.wait_for_selector(".md-search-result__item")
    titles: list[str] = page.locator(".md-search-result__item h1").all_inner_texts()
    return titles


def newest_first(slugs: list[str]) -> list[str]:
    """Return seed slugs newest listed first, ties broken by title as the ranks are (oldest first is this backwards)."""
    papers = {p.stem: parse_yaml(p.read_text(encoding="utf-8")).data for p in (REPO / "site_src/papers").glob("*.yaml")}

    def key(slug: str) -> tuple[int, str, str]:
        listed = date.fromisoformat(papers[slug]["listed"]).toordinal()
        return -listed, plain_title(papers[slug]["title"]).casefold(), slug

    return sorted(slugs, key=key)


def result_slugs(page: Any) -> list[str]:
    """Return the slugs of the papers the search page lists, in order."""
    hrefs: list[str] = page.locator(".search-page__list .paper-card__title").evaluate_all(
        "(as) => as.map((a) => a.href)"
    )
    return [urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


def wait_ready(page: Any) -> None:
    page.wait_for_selector("[data-search-page=ready]")


def wait_for_query(page: Any, path: str, query: dict[str, list[str]]) -> None:
    """Wait until the page is at `path` with exactly the query parameters `query`."""
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(path) and parse_qs(urlsplit(url).query) == query)


def test_header_search_finds_unlearning_papers_and_loads_pagefind_only_when_used(
    base_url: str, opened: tuple[Any, PageLog]
) -> None:
    page, log = opened
    page.goto(base_url + "papers/volo/", wait_until="networkidle")
    assert not [url for url in log.requests if "/pagefind/" in url]
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "__catalogue-search"
    page.keyboard.type("unlearning")
    titles = header_titles(page)
    assert any(t.startswith("SalUn:") for t in titles)
    assert not any("VOLO" in t for t in titles)
    first = page.locator(".md-search-result__item").first
    assert first.locator(".catalogue-search__short").inner_text() == "SalUn"
    assert first.locator(".catalogue-search__tag").count() == 3
    assert first.locator(".catalogue-search__excerpt mark").count() >= 1


def test_header_search_arrow_keys_and_enter_open_a_result_and_escape_closes(
    base_url: str, opened: tuple[Any, PageLog]
) -> None:
    page, _ = opened
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("s")
    page.keyboard.type("SalUn")
    header_titles(page)
    page.keyboard.press("ArrowDown")
    selected = page.locator(".md-search-result__link[aria-selected=true]")
    assert selected.count() == 1
    assert page.get_attribute("#__catalogue-search", "aria-activedescendant") == selected.get_attribute("id")
    page.keyboard.press("Enter")
    page.wait_for_url("**/papers/salun/")
    assert page.locator("h1").first.inner_text().startswith("SalUn")
    assert not page.is_checked("#__search")
    page.keyboard.press("/")
    assert page.is_checked("#__search")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    assert page.evaluate("document.activeElement.id") != "__catalogue-search"


def test_header_search_links_to_all_results_on_the_search_page(base_url: str, opened: tuple[Any, PageLog]) -> None:
    page, _ = opened
    page.goto(base_url + "tags/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("saliency")
    header_titles(page)
    page.locator(".catalogue-search__all").click()
    wait_for_query(page, "/search/", {"q": ["saliency"]})
    wait_ready(page)
    assert page.input_value(".search-page__form input") == "saliency"
    assert page.locator(".search-page__list > li").count() >= 8


def test_search_page_tag_facet_keeps_only_papers_with_that_tag_and_back_undoes_it(
    base_url: str, opened: tuple[Any, PageLog]
) -> None:
    page, _ = opened
    name = tag_name(TAG_KEY)
    page.goto(base_url + "search/", wait_until="networkidle")
    wait_ready(page)
    everything = page.locator(".search-page__status").inner_text()
    page.locator(".search-page__facet label", has_text=name).first.click()
    wait_for_query(page, "/search/", {"tag": [TAG_KEY]})
    wait_ready(page)
    results = page.locator(".search-page__list > li")
    assert results.count() == tagged(TAG_KEY)
    for i in range(results.count()):
        assert name in results.nth(i).locator(".paper-card__foot .tag-chip").all_inner_texts()
    assert page.locator(".search-page__status").inner_text() == f"{tagged(TAG_KEY)} papers with these filters"
    page.go_back()
    wait_for_query(page, "/search/", {})
    wait_ready(page)
    assert page.locator(".search-page__status").inner_text() == everything
    assert not page.is_checked(f".search-page__facet input[value='{TAG_KEY}']")


def test_tag_means_a_tag_key_in_the_table_and_in_search_and_old_name_links_still_work(
    base_url: str, opened: tuple[Any, PageLog]
) -> None:
    page, _ = opened
    page.goto(base_url + f"papers/?tag={TAG_KEY}", wait_until="networkidle")
    page.wait_for_selector("[data-paper-table=ready]")
    assert page.input_value(".paper-table select") == TAG_KEY
    assert page.locator(".paper-table tbody tr").count() == tagged(TAG_KEY)
    page.goto(base_url + f"search/?tag={TAG_KEY}", wait_until="networkidle")
    wait_ready(page)
    assert page.locator(".search-page__list > li").count() == tagged(TAG_KEY)
    assert page.is_checked(f".search-page__facet input[value='{TAG_KEY}']")
    # A link from before keys were used everywhere names the tag; both pages read it as the key.
    page.goto(base_url + f"papers/?tag={quote(tag_name(TAG_KEY))}", wait_until="networkidle")
    wait_for_query(page, "/papers/", {"tag": [TAG_KEY]})
    assert page.locator(".paper-table tbody tr").count() == tagged(TAG_KEY)
    page.goto(base_url + f"search/?tag={quote(tag_name(TAG_KEY))}", wait_until="networkidle")
    wait_for_query(page, "/search/", {"tag": [TAG_KEY]})
    wait_ready(page)
    assert page.locator(".search-page__list > li").count() == tagged(TAG_KEY)


def test_search_page_reads_query_filters_sort_and_page_from_the_url(base_url: str, opened: tuple[Any, PageLog]) -> None:
    page, _ = opened
    page.goto(base_url + "search/?q=learning&sort=oldest&code=yes", wait_until="networkidle")
    wait_ready(page)
    assert page.input_value(".search-page__form input") == "learning"
    assert page.input_value(".search-page__form select") == "oldest"
    assert page.is_checked(".search-page__facet input[name=code]")
    shown = result_slugs(page)
    assert len(shown) > 1 and shown == newest_first(shown)[::-1]
    page.select_option(".search-page__form select", "newest")
    wait_for_query(page, "/search/", {"q": ["learning"], "code": ["yes"], "sort": ["newest"]})
    wait_ready(page)
    shown = result_slugs(page)
    assert len(shown) > 1 and shown == newest_first(shown)


def test_search_page_paginates_twenty_results_and_loads_only_their_data(
    base_url: str, opened: tuple[Any, PageLog]
) -> None:
    page, log = opened
    page.goto(base_url + "search/?year=2025", wait_until="networkidle")  # every seed paper was listed in 2025
    wait_ready(page)
    assert page.locator(".search-page__list > li").count() == 20
    assert len([url for url in log.requests if "/pagefind/fragment/" in url]) == 20
    page.locator(".search-page__pager button", has_text="Next").click()
    wait_for_query(page, "/search/", {"year": ["2025"], "page": ["2"]})
    wait_ready(page)
    assert page.locator(".search-page__page").inner_text() == "Page 2 of 4"


def test_opening_a_search_page_result_lands_on_its_page(base_url: str, opened: tuple[Any, PageLog]) -> None:
    page, _ = opened
    page.goto(base_url + "search/?q=SalUn", wait_until="networkidle")
    wait_ready(page)
    page.locator(".paper-card__title").first.click()
    page.wait_for_url("**/papers/salun/")
    assert page.locator("h1").first.inner_text().startswith("SalUn")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_works_on_a_phone_in_both_palettes(base_url: str, browser: Any, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, has_touch=True)
    page = context.new_page()
    log = watch(page)
    page.goto(base_url + "papers/salun/", wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    page.locator(".md-header .cat-search").click()  # the search link, which the box replaces only on a wide screen
    assert page.evaluate("document.activeElement.id") == "__catalogue-search"
    page.keyboard.type("unlearning")
    header_titles(page)
    assert page.locator(".md-search-result__item").first.is_visible()
    # Material's opening animation scales a circle far past the screen until it locks the page's scrolling.
    page.wait_for_selector("body[data-md-scrolllock]", state="attached")
    assert horizontal_overflow(page) <= 0
    page.goto(base_url + "search/?q=saliency", wait_until="networkidle")
    page.wait_for_selector("[data-search-page=ready]")
    assert page.locator(".search-page__list > li").first.is_visible()
    assert horizontal_overflow(page) <= 0
    context.close()
    assert log.errors == []
    assert log.foreign(base_url) == []


def test_tabbing_out_of_the_header_search_closes_it(base_url: str, opened: tuple[Any, PageLog]) -> None:
    page, _ = opened
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    assert page.is_checked("#__search")
    page.keyboard.type("saliency")
    header_titles(page)
    for _ in range(40):  # past the results and out of the box, wherever the focus goes next
        page.keyboard.press("Tab")
        if not page.evaluate("document.activeElement.closest('[data-catalogue-search]') !== null"):
            break
    assert not page.evaluate("document.activeElement.closest('[data-catalogue-search]') !== null")
    assert not page.is_checked("#__search")  # no overlay left over the page


def test_the_empty_search_page_shows_facets_and_loads_no_index_chunk_until_a_query(base_url: str, browser: Any) -> None:
    # A search with no words makes Pagefind load every chunk of its index, which grows with the catalogue.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    fetched: list[str] = []
    context.on("response", lambda r: fetched.append(urlsplit(r.url).path))
    page = context.new_page()
    page.goto(base_url + "search/", wait_until="networkidle")
    wait_ready(page)
    papers = len(list((REPO / "site_src" / "papers").glob("*.yaml")))
    assert page.locator(".search-page__status").inner_text() == (
        f"{papers} papers in the catalogue. Type to search them, or choose a tag or a year."
    )
    assert page.locator(".search-page__list > li").count() == 0
    assert page.locator(".search-page__facet input[name=tag]").count() > 0
    assert [path for path in fetched if "/pagefind/index/" in path] == []
    page.fill(".search-page__form input", "saliency")
    wait_for_query(page, "/search/", {"q": ["saliency"]})
    wait_ready(page)
    assert page.locator(".search-page__list > li").count() > 0
    assert [path for path in fetched if "/pagefind/index/" in path] != []
    context.close()


def test_search_page_load_and_first_query_transfer_under_a_megabyte(base_url: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    sizes: list[int] = []  # every response, Pagefind's worker's included (the page's timing entries miss those)
    context.on("response", lambda r: sizes.append(int(r.headers.get("content-length", "0"))))
    page = context.new_page()
    page.goto(base_url + "search/?q=saliency", wait_until="networkidle")
    wait_ready(page)
    assert 0 < sum(sizes) <= 1_000_000
    # No seed paper says when it was published, so there is no order by it and no facet of its years.
    assert page.locator(".search-page__form option[value=published]").evaluate("(o) => o.hidden")
    assert page.locator(".search-page__facet", has=page.locator("legend", has_text="Published")).is_hidden()
    context.close()
