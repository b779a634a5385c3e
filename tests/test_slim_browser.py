"""The slim pages' chrome as a reader uses it, in headless Chromium: at 1280 and 390 px, light and dark.

The search box, the palette toggle, the phone drawer and the back-to-top button are put in by the
cached scripts (theme/assets/chrome.js, search.js, ui/drawer.js), so each is checked by using it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import ARTIFACTS, PageLog, horizontal_overflow, watch

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A page of each slim kind, with the tab of its section (generator/write/tabs.py).
SLIM_PAGES = {
    "paper": ("papers/wico/", "Papers"),
    "tag": ("tags/segmentation/", "Tags"),
    "entity": ("entities/imagenet/", "Entities"),
    "day": ("days/2025-03-12/", "Home"),
    "day-page-2": ("days/2025-03-12/page/2/", "Home"),
    "week": ("weeks/2025-W11/", "Home"),
    "month": ("months/2025-03/", "Home"),
}
PAPER = SLIM_PAGES["paper"][0]
TAG = SLIM_PAGES["tag"][0]
WIDTHS = [1280, 390]
SCHEMES = ["light", "dark"]
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


@pytest.fixture
def context(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context with the viewport and colour scheme of the test's parameters."""
    params = request.node.callspec.params if hasattr(request.node, "callspec") else {}
    width, scheme = params.get("width", 1280), params.get("scheme", "light")
    made = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme, has_touch=width < 600)
    yield made
    made.close()


def opened(context: Any, url: str) -> tuple[Any, PageLog]:
    page = context.new_page()
    page.set_default_timeout(10_000)
    log = watch(page)
    page.goto(url, wait_until="networkidle")
    return page, log


def assert_clean(log: PageLog, base_url: str) -> None:
    assert log.errors == []
    assert log.foreign(base_url) == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(SLIM_PAGES))
def test_slim_page_renders_cleanly(base_url: str, context: Any, name: str, width: int, scheme: str) -> None:
    path, section = SLIM_PAGES[name]
    page, log = opened(context, base_url + path)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"slim-{name}-{width}-{scheme}.png"))
    assert page.get_attribute("body", "data-md-color-scheme") == MATERIAL_SCHEME[scheme]
    assert page.locator("h1").first.is_visible()
    assert horizontal_overflow(page) <= 0
    # The tabs navigate at every width (on a phone they scroll sideways); the page's section is marked.
    assert page.locator(".md-tabs").is_visible()
    assert page.locator(".md-tabs a[aria-current]").all_inner_texts() == [section]
    assert page.locator(".md-sidebar").count() == 0  # no hidden navigation until the menu is used
    # What chrome.js put in: the menu button on a phone only, the palette toggle, the back-to-top button.
    assert page.locator(".md-header__button[for=__drawer]").is_visible() == (width < 1220)
    assert page.locator("[data-catalogue-palette]").is_visible()
    assert page.locator(".md-top").count() == 1
    source = page.locator(".md-header a.md-source")  # the repository link; on a phone, its icon named by its title
    assert source.is_visible() and source.get_attribute("title") == "Go to repository"
    assert page.locator(".md-skip").get_attribute("href") == "#" + page.locator("h1").first.get_attribute("id")
    assert_clean(log, base_url)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_palette_toggles_and_persists_across_page_kinds(base_url: str, context: Any, width: int, scheme: str) -> None:
    other = MATERIAL_SCHEME["dark" if scheme == "light" else "light"]
    page, log = opened(context, base_url + PAPER)
    toggle = page.locator("[data-catalogue-palette]")
    label = toggle.get_attribute("aria-label")
    assert label == ("Switch to dark mode" if scheme == "light" else "Switch to light mode")
    toggle.click()
    assert page.get_attribute("body", "data-md-color-scheme") == other
    assert toggle.get_attribute("aria-label") != label
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert page.locator("meta[name=theme-color]").get_attribute("content") is not None and header
    for path in (TAG, "", PAPER):  # a list page, a nav page (Material's own), back
        page.goto(base_url + path, wait_until="networkidle")
        assert page.get_attribute("body", "data-md-color-scheme") == other, path
    page.locator("[data-catalogue-palette]").click()
    page.reload(wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == MATERIAL_SCHEME[scheme]
    assert_clean(log, base_url)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_header_search_box_is_built_on_first_use_and_searches(
    base_url: str, context: Any, width: int, scheme: str
) -> None:
    page, log = opened(context, base_url + TAG)
    assert page.locator("[data-catalogue-search]").count() == 0
    assert not [url for url in log.requests if "/pagefind/" in url]
    page.locator(".md-header .cat-search").click()
    assert page.is_checked("#__search")
    assert page.evaluate("document.activeElement.id") == "__catalogue-search"
    page.keyboard.type("unlearning")
    page.wait_for_selector(".md-search-result__item")
    assert any(t.startswith("SalUn:") for t in page.locator(".md-search-result__item h1").all_inner_texts())
    assert page.locator(".md-search-result__item").first.is_visible()
    # Laid out as Material lays out its own box: its icons inside the field.
    field = page.locator(".md-search__form").bounding_box()
    for icon in (".md-search__icon[for=__search]", ".md-search__options button"):
        box = page.locator(icon).bounding_box()
        assert field["x"] <= box["x"] and box["x"] + box["width"] <= field["x"] + field["width"], icon
    # The page behind is covered: by the overlay on a wide screen, by the box itself on a phone.
    page.wait_for_timeout(500)  # Material's overlay grows for 250 ms
    assert page.evaluate("document.elementFromPoint(5, innerHeight - 5).closest('[data-catalogue-search]') !== null")
    if width >= 1220:
        page.screenshot(path=str(ARTIFACTS / f"slim-search-{width}-{scheme}.png"))
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("/")  # the box is built once; the search key opens it again
    assert page.is_checked("#__search") and page.locator("[data-catalogue-search]").count() == 1
    page.keyboard.press("Escape")
    assert horizontal_overflow(page) <= 0
    assert_clean(log, base_url)


def test_tabbing_out_of_the_header_search_on_a_paper_page_closes_it(base_url: str, context: Any) -> None:
    page, log = opened(context, base_url + PAPER)
    page.keyboard.press("/")
    page.keyboard.type("saliency")
    page.wait_for_selector(".md-search-result__item")
    for _ in range(40):  # past the results and out of the box, wherever the focus goes next
        page.keyboard.press("Tab")
        if not page.evaluate("document.activeElement.closest('[data-catalogue-search]') !== null"):
            break
    assert not page.evaluate("document.activeElement.closest('[data-catalogue-search]') !== null")
    assert not page.is_checked("#__search")
    assert_clean(log, base_url)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [390])
def test_phone_menu_opens_a_drawer_of_the_tabs(base_url: str, context: Any, width: int, scheme: str) -> None:
    page, log = opened(context, base_url + PAPER)
    tabs = page.locator(".md-tabs a").evaluate_all("links => links.map(a => [a.textContent, a.href])")
    page.locator(".md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary")
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    assert drawer.is_visible()
    links = drawer.locator("a.md-nav__link").evaluate_all("links => links.map(a => [a.textContent, a.href])")
    assert links == tabs
    assert drawer.locator("a[aria-current]").inner_text() == "Papers"
    page.screenshot(path=str(ARTIFACTS / f"slim-drawer-{width}-{scheme}.png"))
    drawer.locator("a.md-nav__link", has_text="Tags").click()
    page.wait_for_url("**/tags/")
    assert horizontal_overflow(page) <= 0
    # A page in the nav keeps Material's own drawer; the menu button chrome.js puts in opens it too.
    page.goto(base_url, wait_until="networkidle")
    page.locator(".md-header__button[for=__drawer]").click()
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    assert page.locator(".md-sidebar--primary a", has_text="Tags").first.is_visible()
    assert_clean(log, base_url)


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_a_reader_sees_the_paper_and_navigates(browser: Any, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    log = watch(page)
    page.goto(base_url + PAPER, wait_until="networkidle")
    assert page.locator("h1").first.is_visible()
    assert page.locator("#abstract + p").is_visible()
    assert page.locator("ul.related > li > a").count() == 5
    assert page.locator("ul.related > li > a").first.is_visible()
    assert page.locator(".paper-tags a.tag-chip").first.is_visible()
    assert page.locator(".cite pre code").inner_text().startswith("@")
    # The tabs are the navigation (they scroll sideways on a phone); search is a link to the search page.
    tabs = page.locator(".md-tabs ul")
    assert tabs.is_visible() and tabs.locator("a").count() == 8
    if width < 600:
        assert tabs.evaluate("list => list.scrollWidth > list.clientWidth")
    search = page.locator(".md-header .cat-search")
    assert search.is_visible() and search.get_attribute("href") == "../../search/"
    assert page.get_by_role("link", name="Search papers").count() == 1
    assert page.locator("[data-catalogue-palette], .md-header__button[for=__drawer]").count() == 0
    page.screenshot(path=str(ARTIFACTS / f"slim-no-js-{width}.png"))
    search.click()
    page.wait_for_url("**/search/")
    context.close()
    assert log.foreign(base_url) == []
