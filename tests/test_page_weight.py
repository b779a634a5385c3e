"""Slim pages: the paper and listing pages' weight on the seed site, and what their chrome is made of."""

from __future__ import annotations

import importlib.resources
import re
import statistics
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.load.sources import SourceLayout
from generator.pipeline import render_docs
from tests.conftest import REPO
from tests.synthetic import make_project

PAGE_BUDGET = 8_000  # bytes: the median paper page (issue 13, target 3; tests/bench.py's TARGET_PAGE_BYTES)
LIST_CHROME_BUDGET = 3_200  # bytes a listing page weighs beyond its article: measured 2,800 to 2,950 on the seed
# Listing page kinds, by their first folder; tags/index.md and entities/index.md are nav pages.
LIST_KINDS = ("tags", "entities", "days", "weeks", "months", "authors")
NAV_PAGES = {"tags/index.md", "entities/index.md"}
MATERIAL_ASSET = re.compile(r"assets/(?:stylesheets|javascripts)/[a-z]+\.[0-9a-f]{8}\.min\.(?:css|js)")


def article_bytes(html: str) -> int:
    """Return the bytes inside the page's <article>: what the page says, as opposed to its chrome."""
    inner = re.search(r"<article[^>]*>(.*)</article>", html, re.DOTALL)
    assert inner, "no <article>"
    return len(inner.group(1).encode())


def list_pages(site: Path) -> list[Path]:
    """Return every built listing page, /page/n/ pages included."""
    return [
        path
        for kind in LIST_KINDS
        for path in sorted((site / kind).rglob("index.html"))
        if path.relative_to(site).as_posix() not in {"tags/index.html", "entities/index.html"}
    ]


@pytest.mark.slow
def test_median_seed_paper_page_is_at_most_8_kb(seed_site: Path) -> None:
    sizes = [path.stat().st_size for path in (seed_site / "papers").glob("*/index.html")]
    assert len(sizes) == 79
    assert statistics.median(sizes) <= PAGE_BUDGET, f"median paper page {statistics.median(sizes):,.0f} bytes"


@pytest.mark.slow
def test_every_listing_page_kind_of_the_seed_has_the_slim_chrome(seed_site: Path) -> None:
    pages = list_pages(seed_site)
    kinds = {path.relative_to(seed_site).parts[0] for path in pages}
    assert kinds == {"tags", "entities", "days", "weeks", "months"}  # the seed has no author with two papers
    assert any("page" in path.relative_to(seed_site).parts for path in pages)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        chrome = len(html.encode()) - article_bytes(html)
        assert chrome <= LIST_CHROME_BUDGET, f"{path.relative_to(seed_site)}: {chrome:,} bytes of chrome"
        assert "md-sidebar" not in html and "md-nav" not in html, path  # no hidden navigation or table of contents


@pytest.mark.slow
def test_slim_pages_carry_no_inline_script_and_each_asset_once(seed_site: Path) -> None:
    paths = [*sorted((seed_site / "papers").glob("*/index.html")), *list_pages(seed_site)]
    for path in paths:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        inline = [s for s in page.find_all("script") if not s.get("src")]
        assert inline == [], path  # Material's globals, config and palette come from the cached assets/chrome.js
        stylesheets = [str(link["href"]) for link in page.select("link[rel=stylesheet]")]
        modules = [str(s["src"]) for s in page.select("script[type=module]")]
        assert [s.rsplit("/", 1)[-1] for s in stylesheets][-1:] == ["site.css"] and len(stylesheets) == 3, path
        assert [m.rsplit("/", 1)[-1] for m in modules] == ["site.js"], path
        for address in [*stylesheets, *(str(s["src"]) for s in page.select("script[src]"))]:
            assert (path.parent / address).resolve().is_file(), f"{path}: {address} is not in the site"


def test_the_slim_template_names_the_installed_materials_assets() -> None:
    base = (importlib.resources.files("material") / "templates" / "base.html").read_text(encoding="utf-8")
    slim = (REPO / "theme" / "slim.html").read_text(encoding="utf-8")
    assert len(MATERIAL_ASSET.findall(slim)) == 3  # main and palette stylesheets, the bundle
    assert set(MATERIAL_ASSET.findall(slim)) == set(MATERIAL_ASSET.findall(base))


def test_every_listing_page_and_paper_page_names_its_slim_template(tmp_path: Path) -> None:
    docs = render_docs(SourceLayout(make_project(tmp_path, 120)), date(2026, 1, 1))
    templates: dict[str, set[str]] = {}
    for path, text in docs.items():
        kind = path.split("/", 1)[0]
        if path.endswith(".md") and path not in NAV_PAGES and kind in (*LIST_KINDS, "papers"):
            found = re.search(r'^template: "([^"]+)"$', text.split("---\n", 2)[1], re.MULTILINE)
            templates.setdefault("papers" if kind == "papers" else "lists", set()).add(
                found.group(1) if found else f"none ({path})"
            )
    # papers/index.md is the all-papers table, a nav page with Material's own chrome.
    assert templates == {"papers": {"paper.html", "none (papers/index.md)"}, "lists": {"list.html"}}
    assert any(path.startswith("authors/") for path in docs)
