"""Citation metadata in paper pages' heads, the sitemap's dates, and escaping across the whole site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.render.tex import plain_title
from tests.conftest import PAPERS, SITE_URL
from tests.html import attr, one

pytestmark = pytest.mark.slow

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site(edge_site: Path) -> Path:
    """The edge catalogue's site (conftest.PAPERS), built once a session."""
    return edge_site


def head(site: Path, slug: str) -> Tag:
    return one(BeautifulSoup((site / f"papers/{slug}/index.html").read_text(encoding="utf-8"), "html.parser"), "head")


def meta(soup: Tag, name: str, attribute: str = "name") -> list[str]:
    return [attr(tag, "content") for tag in soup.find_all("meta", attrs={attribute: name})]


def test_every_paper_page_has_highwire_citation_tags(site: Path) -> None:
    for slug, fields in PAPERS.items():
        soup = head(site, slug)
        assert meta(soup, "citation_title") == [plain_title(fields["title"])]
        assert meta(soup, "citation_author") == fields.get("authors", [])
        issued = str(fields.get("published", fields["listed"]))
        assert meta(soup, "citation_publication_date") == [issued.replace("-", "/")]
        arxiv = [fields["arxiv"]] if "arxiv" in fields else []
        assert meta(soup, "citation_arxiv_id") == arxiv
        assert meta(soup, "citation_pdf_url") == [f"https://arxiv.org/pdf/{a}" for a in arxiv]
        assert meta(soup, "citation_doi") == ([fields["doi"]] if "doi" in fields else [])


def test_every_paper_page_has_open_graph_and_says_its_title_once_per_vocabulary(site: Path) -> None:
    for slug, fields in PAPERS.items():
        soup = head(site, slug)
        # No JSON-LD: it only repeated what the citation and Open Graph tags say.
        assert soup.find_all("script", type="application/ld+json") == []
        assert meta(soup, "og:title", "property") == [plain_title(fields["title"])]
        assert meta(soup, "og:type", "property") == ["article"]
        # The one address is the canonical link, which link previews read where og:url is missing.
        assert meta(soup, "og:url", "property") == []
        assert attr(one(soup, 'link[rel="canonical"]'), "href") == f"{SITE_URL}papers/{slug}/"
        assert meta(soup, "og:site_name", "property") == ["Paper Catalogue"]
        assert meta(soup, "og:description", "property") == []
        assert len(meta(soup, "description")) == 1
        assert len(soup.find_all("title")) == 1


def test_sitemaps_date_pages_by_listed_date_not_build_time(site: Path) -> None:
    def dates(name: str) -> dict[str | None, str | None]:
        urls = ET.parse(site / name).getroot()
        return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in urls}

    # sitemap.xml is the index of the sitemaps, which list every page.
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [s.findtext(f"{SITEMAP}loc") for s in index] == [f"{SITE_URL}sitemap-1.xml"]
    listed = dates("sitemap-1.xml")
    papers = {
        url: day
        for url, day in listed.items()
        if url and url.startswith(SITE_URL + "papers/") and url != SITE_URL + "papers/"
    }
    others = {url: day for url, day in listed.items() if url not in papers}
    newest = max(str(f["listed"]) for f in PAPERS.values())
    assert papers == {f"{SITE_URL}papers/{slug}/": fields["listed"] for slug, fields in PAPERS.items()}
    assert SITE_URL + "api/" in others and SITE_URL + "papers/" in others and SITE_URL + "tags/saliency/" in others
    assert set(others.values()) == {newest}
    assert (site / "robots.txt").read_text().endswith(f"Sitemap: {SITE_URL}sitemap.xml\n")


def test_no_entry_text_escapes_into_markup_anywhere(site: Path) -> None:
    # The Pagefind index holds page text (where the payload is rightly plain text) in gzip files;
    # the search UI's handling of it is checked in the browser tests.
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".bib"} and "pagefind" not in path.parts:
            text = path.read_text(encoding="utf-8")
            assert "<script>alert" not in text, path
            assert "</script><script>" not in text, path
            assert "<b>" not in text, path
