"""The map page in headless Chromium at desktop and phone widths: points open papers, the tag filter works."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from tests.browser import ARTIFACTS, horizontal_overflow, watch

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def points(base_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(base_url + "map/points.json") as response:  # the local test server only
        data: dict[str, Any] = json.load(response)
    return data


def screen_position(page: Any, i: int) -> tuple[float, float]:
    """Return where point `i` is drawn, in page coordinates, from the view the page itself uses."""
    box = page.locator(".map-canvas").bounding_box()
    data = points(page.url.split("map/")[0])
    scale, ox, oy = (float(v) for v in page.locator(".map-canvas").get_attribute("data-view").split())
    return box["x"] + (data["x"][i] - ox) * scale, box["y"] + (data["y"][i] - oy) * scale


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_a_point_opens_its_paper(base_url: str, browser: Any, width: int, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, has_touch=width < 500)
    page = context.new_page()
    log = watch(page)
    page.goto(base_url + "map/", wait_until="networkidle")
    page.wait_for_selector(".catalogue-map[data-map=ready]")
    page.wait_for_timeout(200)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"map-{width}-{scheme}.png"), full_page=True)
    assert horizontal_overflow(page) <= 0
    with urllib.request.urlopen(base_url + "map/titles-0.json") as response:
        slug = json.load(response)[0][0]
    x, y = screen_position(page, 0)
    if width < 500:
        page.touchscreen.tap(x, y)  # a tap shows the title, as a link
        link = page.locator(".map-tip a")
        link.wait_for()
        link.click()
    else:
        page.mouse.move(x, y)
        page.locator(".map-tip a").wait_for()
        page.mouse.click(x, y)
    page.wait_for_url(f"**/papers/{slug}/")
    assert log.errors == []
    assert log.foreign(base_url) == []
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_tag_filter_greys_out_other_papers_and_keeps_its_choice_in_the_url(
    base_url: str, browser: Any, width: int
) -> None:
    data = points(base_url)
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=width < 500)
    page = context.new_page()
    log = watch(page)
    page.goto(base_url + "map/?tag=medical-imaging", wait_until="networkidle")
    page.wait_for_selector(".catalogue-map[data-map=ready]")
    index = next(n for n, t in enumerate(data["tags"]) if t[0] == "medical-imaging")
    expected = sum(index in tags for tags in data["t"])
    assert 0 < expected < len(data["t"])
    assert page.locator(".map-status").inner_text().startswith(f"{expected} of {len(data['t'])} papers shown")
    page.select_option(".map-tag", "")
    assert page.locator(".map-status").inner_text().startswith(f"{len(data['t'])} of {len(data['t'])} papers shown")
    assert "tag=" not in page.url
    page.select_option(".map-tag", "medical-imaging")
    assert "tag=medical-imaging" in page.url
    outside = next(n for n, tags in enumerate(data["t"]) if index not in tags)
    x, y = screen_position(page, outside)
    if width < 500:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.move(x, y)
    page.wait_for_timeout(300)
    assert page.locator(".map-tip").is_hidden()  # a greyed-out paper is not offered
    page.fill(".map-find", "medical")
    page.wait_for_function("document.querySelector('.map-status').textContent.includes('match')")
    assert log.errors == []
    assert log.foreign(base_url) == []
    context.close()


def test_a_paper_page_links_to_its_place_on_the_map(base_url: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "papers/salun/", wait_until="networkidle")
    page.locator(".paper-meta a", has_text="On the map").click()
    page.wait_for_url("**/map/?p=salun")
    page.wait_for_selector(".catalogue-map[data-map=ready]")
    page.locator(".map-tip a").wait_for()
    assert page.locator(".map-tip a").get_attribute("href").endswith("/papers/salun/")
    page.close()
