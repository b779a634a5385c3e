"""The Pagefind index: only paper content is indexed, weighted, with tag/year/code filters and a date sort."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.write import publish
from generator.write.search_index import read_record
from tests.conftest import REPO, Project, entry, make_project
from tests.test_site_build import digest

pytestmark = pytest.mark.slow

HOSTILE = 'Saliency "quoted" <script>alert(1)</script> & co'


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built site of three papers, one hostile, one with code, authors, a short name and an entity."""
    project = make_project(tmp_path_factory.mktemp("search") / "project")
    root = project.root
    project.add("plain", entry(title="Segmenting Things", tags="[segmentation]", listed='"2024-05-01"'))
    project.add(
        "coded",
        entry(title="Saliency With Code", short_name="SWC", authors="[Ada Lovelace, Alan Turing]",
              links="{code: 'https://github.com/example/swc'}"),
    )
    project.add("hostile", entry(title=json.dumps(HOSTILE), abstract=json.dumps(HOSTILE + ". More text follows here.")))
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_only_paper_pages_have_an_index_body(small_site: Path) -> None:
    with_body = sorted(
        p.relative_to(small_site).as_posix() for p in small_site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")
    )
    assert with_body == ["papers/coded/index.html", "papers/hostile/index.html", "papers/plain/index.html"]


def test_the_index_holds_exactly_the_papers(small_site: Path) -> None:
    bundle = json.loads((small_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [language["page_count"] for language in bundle["languages"].values()] == [3]


def test_paper_page_weights_title_short_name_authors_tags_and_entities(small_site: Path) -> None:
    page = soup(small_site, "papers/coded/index.html")
    body = page.select_one("[data-pagefind-body]")
    weight = {el.get_text(" ", strip=True): el["data-pagefind-weight"] for el in body.select("[data-pagefind-weight]")}
    assert weight["Saliency With Code"] == "10"
    assert weight["SWC"] == "8"
    assert weight["Ada Lovelace, Alan Turing"] == "5"
    assert weight["Saliency"] == "4"
    assert weight["ImageNet"] == "3"
    assert body.select_one("h1")["data-pagefind-meta"] == "title"
    assert body.select_one("strong[data-pagefind-meta=short_name]").get_text() == "SWC"


def test_paper_page_declares_filters_sort_and_metadata(small_site: Path) -> None:
    coded = soup(small_site, "papers/coded/index.html").select_one("[data-pagefind-body]")
    assert coded["data-pagefind-filter"] == "year[data-year], code[data-code]"
    assert (coded["data-year"], coded["data-code"], coded["data-listed"]) == ("2025", "yes", "2025-03-12")
    assert coded["data-pagefind-sort"] == "listed[data-listed]"
    assert coded["data-tags"] == "Saliency, Segmentation"
    assert [a.get_text() for a in coded.select("a.tag-chip[data-pagefind-filter=tag]")] == ["Saliency", "Segmentation"]
    plain = soup(small_site, "papers/plain/index.html").select_one("[data-pagefind-body]")
    assert (plain["data-year"], plain["data-code"]) == ("2024", "no")


def test_related_papers_mentions_headings_bibtex_and_dates_are_left_out(small_site: Path) -> None:
    body = soup(small_site, "papers/coded/index.html").select_one("[data-pagefind-body]")
    ignored = body.select("[data-pagefind-ignore]")
    assert {"related", "cite"} <= {c for el in ignored for c in el.get("class", [])}
    assert body.select_one(".cite pre") and body.select_one(".cite").get("data-pagefind-ignore") == "all"
    assert body.select_one(".related").get("data-pagefind-ignore") == "all"
    assert all(h.find_parent(attrs={"data-pagefind-ignore": True}) or h.get("data-pagefind-ignore") for h in body.select("h2"))
    meta = body.select_one(".paper-meta")
    assert meta.select_one("[data-pagefind-ignore]").get_text() == "Listed 12 Mar 2025"
    assert all(b.get("data-pagefind-ignore") == "all" for b in body.select("a.md-button"))


def test_entry_text_stays_text_in_index_attributes(small_site: Path) -> None:
    page = soup(small_site, "papers/hostile/index.html")
    body = page.select_one("[data-pagefind-body]")
    assert body.select_one("h1").get_text() == HOSTILE
    assert body["data-summary"] == HOSTILE + "."
    assert not page.select("article script")


def test_bundle_has_the_tag_year_and_code_filters_and_the_listed_sort(small_site: Path) -> None:
    bundle = small_site / "pagefind"
    entry_data = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read_record(bundle / f"pagefind.{entry_data['languages']['en']['hash']}.pf_meta")
    filters = {name: read_record(bundle / "filter" / f"{chunk}.pf_filter") for name, chunk in meta[3]}
    values = {name: [value for value, _ in record[1]] for name, record in filters.items()}
    assert values == {"code": ["no", "yes"], "tag": ["Saliency", "Segmentation"], "year": ["2024", "2025"]}
    assert [name for name, _ in meta[4]] == ["listed"]
    assert {"title", "short_name", "tags", "listed", "summary"} <= set(meta[5])


def test_a_second_pagefind_run_writes_the_same_bundle(tmp_path: Path) -> None:
    """Pagefind lists filter values in random order; the build sorts them so rebuilds are identical."""
    site = tmp_path / "site"
    assert main(["--root", str(REPO), "build", "--site-dir", str(site)]) == 0
    again = tmp_path / "again"
    shutil.copytree(site, again, ignore=shutil.ignore_patterns("pagefind"))
    publish.run_pagefind(again)
    assert digest(again / "pagefind") == digest(site / "pagefind")


def test_a_pagefind_failure_keeps_the_previous_site(project: Project, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    project.add("good", entry())
    assert main(["--root", str(project.root), "build"]) == 0
    before = digest(project.root / "site")

    def failing(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 1, "", "Error: Pagefind was not able to build an index.")

    monkeypatch.setattr(publish.subprocess, "run", failing)
    project.add("another", entry(title="Another Saliency Study"))
    assert main(["--root", str(project.root), "build"]) == 1
    assert "Pagefind could not index the site: Error: Pagefind was not able to build an index." in capsys.readouterr().out
    assert digest(project.root / "site") == before


def test_a_catalogue_without_papers_builds_without_an_index(project: Project) -> None:
    assert main(["--root", str(project.root), "build"]) == 0
    assert (project.root / "site" / "search" / "index.html").is_file()
    assert not (project.root / "site" / "pagefind").exists()
