"""A reader's view: home, paper and tag pages at desktop and phone widths, in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.load.yaml_strict import parse_yaml
from tests.browser import ARTIFACTS, horizontal_overflow, serve, watch
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {"home": "", "paper": "papers/salun/", "tag": "tags/visual-saliency/", "all-papers": "papers/", "tags": "tags/"}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_cleanly(base_url: str, browser: Any, name: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    log = watch(page)
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    assert log.errors == []
    assert log.foreign(base_url) == []
    assert horizontal_overflow(page) <= 0
    assert page.locator("h1").first.is_visible()
    page.close()


def seed_papers_matching(word: str) -> int:
    """Return how many seed papers the table's filter should keep: `word` in title, short name or a tag's name."""
    tags = parse_yaml((REPO / "site_src/tags.yaml").read_text(encoding="utf-8")).data
    count = 0
    for path in (REPO / "site_src/papers").glob("*.yaml"):
        fields = parse_yaml(path.read_text(encoding="utf-8")).data
        text = [fields["title"], fields.get("short_name", ""), *(tags[key]["name"] for key in fields["tags"])]
        count += word in " ".join(text).lower()
    return count


def test_all_papers_table_paginates_and_filters(base_url: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(base_url + "papers/?q=saliency", wait_until="networkidle")
    rows = page.locator(".paper-table tbody tr")
    expected = seed_papers_matching("saliency")
    assert 0 < expected < 79
    assert rows.count() == min(expected, 50)
    assert all("saliency" in text.lower() for text in rows.all_inner_texts())
    page.goto(base_url + "papers/", wait_until="networkidle")
    assert page.locator(".paper-table tbody tr").count() == 50
    page.close()


def test_tex_renders_with_the_sites_own_katex(edge_site: Path, browser: Any) -> None:
    with serve(edge_site) as url:
        page = browser.new_page()
        log = watch(page)
        page.goto(url + "papers/plain/", wait_until="networkidle")
        page.wait_for_selector("p > .arithmatex .katex", timeout=5000)  # the abstract's TeX
        assert page.locator(".arithmatex").count() == page.locator(".arithmatex .katex").count() == 2
        assert page.locator(".arithmatex .katex-error").count() == 0
        assert "\u2207" in page.locator("p > .arithmatex .katex-html").first.inner_text()  # the nabla
        assert log.errors == [] and log.foreign(url) == []
        page.close()


# TeX the validator would refuse still reaches KaTeX with the site's options if it slips through:
# sizes are capped at 10em (lib/katex-options.js) and trust is off, so nothing links or loads.
PROBE = (
    '<p id="tex-probe"><span class="arithmatex">\\(\\rule{300em}{300em}\\)</span> '
    '<span class="arithmatex">\\(\\href{https://evil.example/}{x}\\includegraphics{https://evil.example/a.png}\\)</span> '
    '<span class="arithmatex">\\(\\frac{1}{\\sqrt{d_k}} QK^\\top\\)</span></p>'
)


def test_katex_caps_sizes_and_trusts_no_tex_on_a_real_page(base_url: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log = watch(page)

    def with_probe(route: Any) -> None:
        response = route.fetch()
        html = response.text()
        assert "</h1>" in html
        route.fulfill(response=response, body=html.replace("</h1>", "</h1>" + PROBE, 1))

    page.route(base_url + "papers/salun/", with_probe)
    page.goto(base_url + "papers/salun/", wait_until="networkidle")
    page.wait_for_function("document.querySelectorAll('#tex-probe .katex').length === 3")
    width, height, em = page.eval_on_selector(
        "#tex-probe .rule",
        "e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).fontSize)]",
    )
    assert 0 < width <= 10 * em + 1 and 0 < height <= 10 * em + 1
    assert horizontal_overflow(page) <= 0
    assert page.locator("#tex-probe a, #tex-probe img").count() == 0
    assert page.locator("#tex-probe .katex-error").count() == 0  # the fraction rendered, the rest shows as text
    assert not [url for url in log.requests if "evil.example" in url]
    assert log.errors == [] and log.foreign(base_url) == []
    page.close()
