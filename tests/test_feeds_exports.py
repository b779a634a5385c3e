"""Feeds and data exports, read back by real feed, JSON and BibTeX clients."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import feedparser
import pybtex.database
import pytest
from bibtexparser.entrypoint import parse_string
from bs4 import BeautifulSoup
from markupsafe import Markup

from generator.load.settings import SiteSettings
from generator.model import Catalogue, Enriched, Paper, Tag
from generator.render.bibtex import bibtex_entry, bibtex_html
from generator.render.feeds import FEED_SIZE, feed_files, site_feeds
from generator.render.tex import plain_title
from generator.render.views import excerpt
from tests.conftest import HOSTILE, PAPERS, REPO, SITE_URL
from tests.html import attr, one

pytestmark = pytest.mark.slow


@pytest.fixture
def site(edge_site: Path) -> Path:
    """The edge catalogue's site (conftest.PAPERS), built once a session."""
    return edge_site


def tag_papers(key: str) -> set[str]:
    return {slug for slug, fields in PAPERS.items() if key in fields["tags"]}


def atom_feeds(site: Path) -> dict[str, Path]:
    """Return each Atom feed by the tag it follows ("" for the whole site)."""
    feeds = {"": site / "feed.xml"}
    feeds.update({path.parent.name: path for path in sorted((site / "tags").glob("*/feed.xml"))})
    return feeds


def test_atom_feeds_parse_cleanly_and_keep_every_field_as_written(site: Path) -> None:
    feeds = atom_feeds(site)
    assert set(feeds) == {"", "vision", "saliency", "segmentation"}
    for key, path in feeds.items():
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        expected = set(PAPERS) if not key else tag_papers(key)
        by_link = {entry.link: entry for entry in parsed.entries}
        assert set(by_link) == {f"{SITE_URL}papers/{slug}/" for slug in expected}
        for slug in expected:
            entry, fields = by_link[f"{SITE_URL}papers/{slug}/"], PAPERS[slug]
            assert entry.title == plain_title(fields["title"])  # TeX as readable text
            assert entry.title_detail.type == "text/plain"
            # The site feed has the abstract; a tag's feed its first sentence, as the lists show it.
            assert entry.summary == (fields["abstract"] if not key else excerpt(fields["abstract"]))
            assert entry.updated == entry.published == f"{fields['listed']}T00:00:00Z"
            assert [a.name for a in entry.get("authors", [])] == fields.get("authors", [])
            assert [(t.term, t.label) for t in entry.tags] == [(k, k.capitalize()) for k in fields["tags"]]


def test_feed_updated_is_the_newest_listed_date_so_rebuilds_match(site: Path) -> None:
    assert feedparser.parse((site / "feed.xml").read_bytes()).feed.updated == "2025-03-12T00:00:00Z"
    segmentation = feedparser.parse((site / "tags/segmentation/feed.xml").read_bytes())
    assert segmentation.feed.updated == "2025-03-12T00:00:00Z"
    assert segmentation.feed.title == "Paper Catalogue: Segmentation"


def test_json_feeds_are_json_feed_1_1_with_text_content(site: Path) -> None:
    for path in [site / "feed.json", *sorted((site / "tags").glob("*/feed.json"))]:
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["feed_url"] == SITE_URL + path.relative_to(site).as_posix()
        key = path.parent.name if path.parent != site else ""
        expected = set(PAPERS) if not key else tag_papers(key)
        assert {item["id"] for item in feed["items"]} == {f"{SITE_URL}papers/{slug}/" for slug in expected}
        for item in feed["items"]:
            fields = PAPERS[item["id"].split("/")[-2]]
            summary = fields["abstract"] if not key else excerpt(fields["abstract"])
            assert (item["title"], item["content_text"]) == (plain_title(fields["title"]), summary)
            assert "content_html" not in item


def _paper(i: int) -> Paper:
    return Paper(
        slug=f"p{i:02d}",
        title=f"Paper {i}",
        abstract="A.",
        listed=date(2024, 1, 1) + timedelta(days=i),
        tags=("t",),
        source=f"site_src/papers/p{i:02d}.yaml",
    )


def test_feed_holds_only_the_newest_fifty_papers() -> None:
    papers = tuple(_paper(i) for i in range(FEED_SIZE + 5))
    enriched = Enriched(
        catalogue=Catalogue(papers=papers, tags={"t": Tag("t", "T", "Tee.")}, entities={}),
        related={},
        mentions={},
        mentioned_by={},
        papers_by_tag={"t": tuple(p.slug for p in reversed(papers))},
        papers_under_tag={"t": tuple(p.slug for p in reversed(papers))},
        authors={},
        issues={},
        papers_by_entity={},
        tag_cooccurrence={},
    )
    settings = SiteSettings("Cat", SITE_URL, "https://github.com/o/r", "edit/main/site_src/")
    files = {
        path: text
        for feed in site_feeds(enriched, settings)
        for path, text in feed_files(feed, enriched, settings).items()
    }
    for path in ("feed.xml", "tags/t/feed.xml"):
        parsed = feedparser.parse(files[path])
        assert [e.title for e in parsed.entries] == [f"Paper {i}" for i in range(FEED_SIZE + 4, 4, -1)]
        assert parsed.feed.updated == "2024-02-24T00:00:00Z"


@pytest.mark.parametrize(
    "title",
    [
        HOSTILE,
        "Unbalanced } { braces",
        r"Back\slash and \} escaped brace",
        r"Math $\frac{a}{b}$, broken math $a}$ and $\}\{$, math with $100%#&$",
        r"Dangerous $\input{/etc/passwd}$ and $^^5cinput x$",
        "@misc{evil, title={x}} % comment",
        "Costs $5 and $10, one $ sign, Ünïcödé – “quotes” 日本",
    ],
)
def test_bibtex_entry_parses_in_both_clients(title: str) -> None:
    paper = Paper(
        slug="p",
        title=title,
        abstract="A.",
        listed=date(2025, 1, 1),
        tags=("t",),
        source="s",
        authors=(title, "Smith, Jr., John, Extra", "Rock and Roll Band"),
        venue=title,
    )
    text = bibtex_entry(paper)
    library = parse_string(text)
    assert library.failed_blocks == [] and [e.key for e in library.entries] == ["p"]
    entry = pybtex.database.parse_string(text, "bibtex").entries["p"]
    assert len(entry.persons["author"]) == 3
    assert "\\input" not in text and "^^" not in text
    shown = one(BeautifulSoup(Markup("<pre>") + bibtex_html(paper) + Markup("</pre>"), "html.parser"), "pre")
    assert shown.get_text() == text  # the page's entry is the same text, and only text
    assert shown.find_all() == []


def test_bibtex_exports_parse_with_one_entry_per_paper(site: Path) -> None:
    files = {"": site / "api/papers.bib"}
    files.update({path.parent.name: path for path in sorted((site / "tags").glob("*/papers.bib"))})
    assert set(files) == {"", "vision", "saliency", "segmentation"}
    for key, path in files.items():
        text = path.read_text(encoding="utf-8")
        library = parse_string(text)
        assert library.failed_blocks == []
        expected = sorted(PAPERS) if not key else sorted(tag_papers(key))
        assert [e.key for e in library.entries] == expected
        assert sorted(pybtex.database.parse_string(text, "bibtex").entries) == expected


def test_json_exports_hold_the_whole_catalogue(site: Path) -> None:
    papers = json.loads((site / "api/papers.json").read_text(encoding="utf-8"))
    assert papers["schema_version"] == 3
    assert [p["slug"] for p in papers["papers"]] == sorted(PAPERS)
    hostile = next(p for p in papers["papers"] if p["slug"] == "hostile")
    # A paper's page and entry file come from the document's templates, not from each record.
    assert papers["paper_url"].format(slug="hostile") == SITE_URL + "papers/hostile/"
    assert (site / "papers/hostile/index.html").is_file()
    assert (site.parent / papers["paper_source"].format(slug="hostile")).is_file()  # the project's entry file
    assert "url" not in hostile and "source" not in hostile
    for paper in papers["papers"]:
        text = plain_title(PAPERS[paper["slug"]]["title"])
        assert paper.get("title_text") == (text if text != paper["title"] else None)
        # A field the paper does not have is left out, never null or empty.
        assert all(value not in (None, [], {}, "") for value in paper.values()), paper["slug"]
        assert {"slug", "title", "abstract", "listed", "tags"} <= set(paper)
        assert paper.get("authors", []) == PAPERS[paper["slug"]].get("authors", [])
    for field in ("title", "abstract", "authors", "listed", "published", "arxiv", "doi", "venue", "tags"):
        assert hostile[field] == PAPERS["hostile"][field]
    assert all(set(p.get("related", [])) <= set(PAPERS) - {p["slug"]} for p in papers["papers"])
    tags = json.loads((site / "api/tags.json").read_text(encoding="utf-8"))
    counts = {t["key"]: t["count"] for t in tags["tags"]}
    assert counts == {key: len(tag_papers(key)) for key in ("saliency", "segmentation", "vision")}
    assert [t["url"] for t in tags["tags"]] == [f"{SITE_URL}tags/{k}/" for k in sorted(counts)]


def test_api_page_documents_every_export_and_field(site: Path) -> None:
    doc = (REPO / "site_src/pages/api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", doc, flags=re.MULTILINE))
    papers = json.loads((site / "api/papers.json").read_text(encoding="utf-8"))
    tags = json.loads((site / "api/tags.json").read_text(encoding="utf-8"))
    assert set(papers) | set(papers["papers"][0]) | set(tags) | set(tags["tags"][0]) <= documented
    for name in (
        "feed.xml",
        "feed.json",
        "tags/<key>/feed.xml",
        "api/papers.json",
        "api/tags.json",
        "api/papers.bib",
        "tags/<key>/papers.bib",
    ):
        assert f"`{name}`" in doc
    assert "api.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_page_heads_the_site_feeds_and_home_and_tag_pages_offer_a_follow_line(site: Path) -> None:
    for page in sorted(site.rglob("index.html")):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        alternates = one(html, "head").find_all("link", rel="alternate")
        heads = {attr(link, "type"): (page.parent / attr(link, "href")).resolve() for link in alternates}
        assert heads == {"application/atom+xml": site / "feed.xml", "application/feed+json": site / "feed.json"}, page
    for name, folder in (("index.html", site), ("tags/saliency/index.html", site / "tags/saliency")):
        html = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        follow = next(p for p in html.find_all("p") if p.get_text().startswith("Follow:"))
        links = [
            (attr(a, "rel"), attr(a, "type"), ((site / name).parent / attr(a, "href")).resolve())
            for a in follow.find_all("a")
        ]
        assert links == [
            ("alternate", "application/atom+xml", folder / "feed.xml"),
            ("alternate", "application/feed+json", folder / "feed.json"),
        ]
