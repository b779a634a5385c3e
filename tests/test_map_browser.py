"""The map page in headless Chromium at desktop and phone widths: points open papers, the tag filter works."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from generator.render.map_page import title_words
from tests.browser import ARTIFACTS, horizontal_overflow, watch
from tests.test_map import undone, unpacked

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def fetched(base_url: str, name: str) -> Any:
    with urllib.request.urlopen(base_url + "map/" + name) as response:  # the local test server only
        return json.load(response)


def points(base_url: str) -> dict[str, Any]:
    data: dict[str, Any] = fetched(base_url, "points.json")
    return data


def screen_position(page: Any, i: int) -> tuple[float, float]:
    """Return where point `i` is drawn, in page coordinates, from the view the page itself uses."""
    box = page.locator(".map-canvas").bounding_box()
    x, y = unpacked(points(page.url.split("map/")[0]))[i]
    scale, ox, oy = (float(v) for v in page.locator(".map-canvas").get_attribute("data-view").split())
    return box["x"] + (x - ox) * scale, box["y"] + (y - oy) * scale


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
    slug = fetched(base_url, "titles-0.json")[0][0]
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
    count = len(unpacked(data))
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=width < 500)
    page = context.new_page()
    log = watch(page)
    page.goto(base_url + "map/?tag=medical-imaging", wait_until="networkidle")
    page.wait_for_selector(".catalogue-map[data-map=ready]")
    index = next(n for n, t in enumerate(data["tags"]) if t[0] == "medical-imaging")
    tagged = undone(fetched(base_url, f"tagged-{index}.json"))
    assert 0 < len(tagged) < count
    assert page.locator(".map-status").inner_text().startswith(f"{len(tagged)} of {count} papers shown")
    page.select_option(".map-tag", "")
    page.wait_for_function(f"document.querySelector('.map-status').textContent.startsWith('{count} of {count}')")
    assert "tag=" not in page.url
    page.select_option(".map-tag", "medical-imaging")
    assert "tag=medical-imaging" in page.url
    page.wait_for_function(f"document.querySelector('.map-status').textContent.startsWith('{len(tagged)} of')")
    outside = next(n for n in range(count) if n not in tagged)
    x, y = screen_position(page, outside)
    if width < 500:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.move(x, y)
    page.wait_for_timeout(300)
    assert page.locator(".map-tip").is_hidden()  # a greyed-out paper is not offered
    page.fill(".map-find", "Medical")
    page.wait_for_function("document.querySelector('.map-status').textContent.includes('match')")
    titles = [row[1] for n in range(-(-count // data["piece"])) for row in fetched(base_url, f"titles-{n}.json")]
    found = [i for i in tagged if any(w.startswith("medical") for w in title_words(titles[i]))]
    assert f"; {len(found)} match “Medical”" in page.locator(".map-status").inner_text()
    assert len(found) > 0
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
