"""Paginated lists, the split API, the table's pieces and the sitemaps cover every paper exactly once."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from generator.load.settings import read_settings
from generator.load.sources import SourceLayout
from generator.model import Enriched
from generator.pipeline import enriched_catalogue, render_docs
from generator.render import exports, pages
from generator.render.pager import CARDS_PER_PAGE, ROWS_PER_PAGE, list_page_path, page_count, paginate
from generator.render.sitemaps import render_sitemaps
from generator.render.views import served
from generator.timings import Timings
from tests.synthetic import make_project

TODAY = date(2026, 1, 1)
PAPERS = 600
SITE = "https://example.org/"
# A list of papers is cards (`<ol class="cards">`) or rows (`<ul class="rows">`); each item opens with its paper's link.
LISTING = re.compile(r'<(?:ol class="cards"|ul class="rows")>(.*?)</(?:ol|ul)>', re.DOTALL)
LIST_LINK = re.compile(r'^<li><a href="([^"]+)">', re.MULTILINE)
DAY_CHIP = re.compile(r'<a class="tag-chip" href="([^"]+)">[^<]* <span class="tag-chip__count">(\d+)</span>')
BUSY_DAY = "2025-06-11"
PROLIFIC = "Ada Prolific"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[SourceLayout, dict[str, str]]:
    layout = SourceLayout(make_project(tmp_path_factory.mktemp("paged"), PAPERS))
    # One busy day and one prolific author (300 papers each), so a day, its week and month and an author
    # list span pages, of cards and of rows.
    for number, source in enumerate(sorted(layout.papers_dir.glob("*.yaml"))):
        if number % 2 == 0:
            entry = yaml.safe_load(source.read_text(encoding="utf-8"))
            entry["listed"] = BUSY_DAY
            entry["authors"] = [PROLIFIC, *entry["authors"]]
            source.write_text(yaml.safe_dump(entry, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        # Small pieces, so a 600-paper catalogue is split the way a large one is.
        patch.setattr(exports, "JSON_PIECE", 128)
        patch.setattr(exports, "BIBTEX_PIECE", 30)
        patch.setattr(pages, "TABLE_PIECE", 70)
        docs = render_docs(layout, TODAY)
    return layout, docs


@pytest.fixture(scope="module")
def enriched(catalogue: tuple[SourceLayout, dict[str, str]]) -> Enriched:
    """The 600-paper catalogue enriched once for the module (render_docs enriches it again, inside)."""
    return enriched_catalogue(catalogue[0], TODAY, Timings())


def listed_on(docs: dict[str, str], first: str) -> tuple[list[str], list[str]]:
    """Return the pages of the list whose first page is `first`, and the papers linked from their lists, in order."""
    found, papers = [], []
    number = 1
    while (path := list_page_path(first, number)) in docs:
        found.append(path)
        for link in (link for listing in LISTING.findall(docs[path]) for link in LIST_LINK.findall(listing)):
            target = urljoin(SITE + served(path), link).removeprefix(SITE)
            papers.append(target.removeprefix("papers/").removesuffix("/"))
        number += 1
    return found, papers


def test_pager_numbers_pages_and_links_neighbours() -> None:
    pages_ = paginate("tags/calm.md", list(range(230)), size=50)
    assert [len(p.items) for p in paginate("tags/calm.md", list(range(451)), 200, first_size=50)] == [50, 200, 200, 1]
    assert [p.path for p in pages_] == ["tags/calm.md"] + [f"tags/calm/page/{n}.md" for n in (2, 3, 4, 5)]
    assert [len(p.items) for p in pages_] == [50, 50, 50, 50, 30]
    third = pages_[2].pager
    assert third is not None and third.label == "Page 3 of 5"
    assert (third.previous, third.next) == ("../2/", "../4/")
    assert pages_[1].pager is not None and pages_[1].pager.previous == "../../"
    assert [(link.text, link.current) for link in third.links if link.current] == [("3", True)]
    assert pages_[0].pager is not None and pages_[0].pager.previous is None
    assert paginate("tags/calm.md", [], 50)[0].pager is None
    assert list_page_path("index.md", 2) == "page/2.md" and list_page_path("days/index.md", 3) == "days/page/3.md"


def test_tag_and_entity_lists_show_every_paper_exactly_once(
    catalogue: tuple[SourceLayout, dict[str, str]], enriched: Enriched
) -> None:
    _, docs = catalogue
    longest = 0
    for kind, members in (("tags", enriched.papers_under_tag), ("entities", enriched.papers_by_entity)):
        for key in enriched.catalogue.tags if kind == "tags" else enriched.catalogue.entities:
            expected = members.get(key, ())
            found, papers = listed_on(docs, f"{kind}/{key}.md")
            assert len(found) == page_count(len(expected), ROWS_PER_PAGE, CARDS_PER_PAGE), key
            assert Counter(papers) == Counter(expected), f"{kind}/{key}"
            longest = max(longest, len(found))
            if len(found) > 1:
                assert 'class="pager"' in docs[found[-1]] and 'rel="prev"' in docs[found[-1]]
            # The newest papers are cards on the first page; the later pages list rows.
            assert all(('<ol class="cards">' in docs[path]) == (n == 0) for n, path in enumerate(found) if expected)
    assert longest > 2  # the catalogue is large enough to page


def test_date_and_author_lists_show_every_paper_exactly_once(
    catalogue: tuple[SourceLayout, dict[str, str]], enriched: Enriched
) -> None:
    _, docs = catalogue
    lists = [
        (f"{kind}/{key}.md", issue.papers) for kind in ("days", "weeks") for key, issue in enriched.issues[kind].items()
    ]
    lists += [
        (f"authors/{key}.md", author.papers) for key, author in enriched.authors.items() if f"authors/{key}.md" in docs
    ]
    paged = 0
    for first, expected in lists:
        size = CARDS_PER_PAGE if first.startswith("days/") else ROWS_PER_PAGE
        found, papers = listed_on(docs, first)
        assert len(found) == page_count(len(expected), size), first
        assert Counter(papers) == Counter(expected), first
        for path in found:
            assert len(LIST_LINK.findall("".join(LISTING.findall(docs[path])))) <= size, path
            # A paper is a card on its day's page, a row on its week's and its authors'.
            assert ('<ol class="cards">' in docs[path]) == first.startswith("days/"), path
        paged += len(found) > 1
    by_kind = Counter(
        first.split("/")[0]
        for first, expected in lists
        if len(expected) > (CARDS_PER_PAGE if first.startswith("days/") else ROWS_PER_PAGE)
    )
    assert {kind: by_kind[kind] > 0 for kind in ("days", "weeks", "authors")} == dict.fromkeys(
        ("days", "weeks", "authors"), True
    )
    assert paged >= 3
    home = "".join(LISTING.findall(docs["index.md"]))
    assert 0 < len(LIST_LINK.findall(home)) <= CARDS_PER_PAGE


def test_a_month_is_a_calendar_of_its_days_with_their_counts(
    catalogue: tuple[SourceLayout, dict[str, str]], enriched: Enriched
) -> None:
    _, docs = catalogue
    days = enriched.issues["days"]
    for key, month in enriched.issues["months"].items():
        path = f"months/{key}.md"
        chips = [
            (urljoin(SITE + served(path), link).removeprefix(SITE + "days/").removesuffix("/"), int(count))
            for link, count in DAY_CHIP.findall(
                docs[path].split("<strong>Topics:</strong>", 1)[-1].split("</p>", 1)[-1]
            )
        ]
        assert [day for day, _ in chips] == sorted(d for d in days if d.startswith(key + "-")), key
        assert all(count == len(days[day].papers) for day, count in chips)
        assert sum(count for _, count in chips) == len(month.papers), key
        assert list_page_path(path, 2) not in docs and "<li><a" not in docs[path]  # no paper listed twice


def test_split_api_and_table_pieces_hold_every_paper_exactly_once(
    catalogue: tuple[SourceLayout, dict[str, str]],
) -> None:
    _, docs = catalogue
    slugs = {
        name.removeprefix("papers/").removesuffix(".md") for name in docs if re.fullmatch(r"papers/[^/]+\.md", name)
    }
    slugs.discard("index")
    assert len(slugs) == PAPERS
    manifest = json.loads(docs["api/index.json"])
    assert manifest["count"] == PAPERS and manifest["one_file"] is None and "api/papers.json" not in docs
    in_json = [p["slug"] for piece in manifest["papers"] for p in json.loads(docs[piece["path"]])["papers"]]
    assert len(manifest["papers"]) == 5 and Counter(in_json) == Counter(slugs)
    for piece in manifest["papers"]:
        held = [p["slug"] for p in json.loads(docs[piece["path"]])["papers"]]
        assert (piece["count"], piece["first"], piece["last"]) == (len(held), held[0], held[-1])
    in_bibtex = [
        key for piece in manifest["bibtex"] for key in re.findall(r"^@\w+\{([^,]+),", docs[piece["path"]], re.M)
    ]
    assert len(manifest["bibtex"]) == 20 and Counter(in_bibtex) == Counter(slugs)
    table = json.loads(docs["papers/table.json"])
    rows = [row[0] for piece in table["pieces"] for row in json.loads(docs["papers/" + piece])["rows"]]
    assert table["count"] == PAPERS and len(table["pieces"]) == 9 and Counter(rows) == Counter(slugs)


def test_seed_sized_catalogue_keeps_the_one_file_downloads(tmp_path: Path) -> None:
    docs = render_docs(SourceLayout(make_project(tmp_path, 40)), TODAY)
    manifest = json.loads(docs["api/index.json"])
    assert manifest["one_file"] == {"papers": "api/papers.json", "bibtex": "api/papers.bib"}
    assert len(json.loads(docs["api/papers.json"])["papers"]) == 40


def test_sitemaps_list_every_page_once_at_most_limit_to_a_file(
    catalogue: tuple[SourceLayout, dict[str, str]], enriched: Enriched
) -> None:
    layout, docs = catalogue
    md = [name for name in docs if name.endswith(".md")]
    files = render_sitemaps(enriched, read_settings(layout.config_file), md, limit=500)
    assert len(files) == -(-len(md) // 500) > 1
    urls = [loc.text for text in files.values() for loc in ET.fromstring(text).iter(f"{SITEMAP}loc")]
    assert all(len(list(ET.fromstring(text).iter(f"{SITEMAP}url"))) <= 500 for text in files.values())
    assert Counter(urls) == Counter(read_settings(layout.config_file).site_url + served(name) for name in md)
    assert json.loads(docs["index.md"].split("sitemaps: ", 1)[1].split("\n", 1)[0]) == ["sitemap-1.xml"]
