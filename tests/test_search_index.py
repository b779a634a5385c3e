"""The Pagefind index: the abstract as body, weighted metadata for the rest, tag/year/published/code filters, ranked sorts."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout
from generator.model import Paper
from generator.pipeline import enriched_catalogue
from generator.render.orders import order_ranks
from generator.render.search_docs import search_documents
from generator.timings import Timings
from generator.write import publish
from generator.write.docs import write_docs
from generator.write.search_index import read_record
from generator.write.search_shards import sharded
from tests.conftest import Project, entry, make_project
from tests.html import one
from tests.test_site_build import digest

pytestmark = pytest.mark.slow

ABSTRACT = "We study salient regions in ImageNet images and segment them."
HOSTILE = 'Saliency "quoted" <script>alert(1)</script> & co'


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built site of three papers, one hostile, one with code, authors, a short name and an entity."""
    project = make_project(tmp_path_factory.mktemp("search") / "project")
    root = project.root
    project.add(
        "plain",
        entry(title="Segmenting Things", tags="[segmentation]", listed='"2024-05-01"', published='"2019-06-01"'),
    )
    project.add(
        "coded",
        entry(
            title="Saliency With Code",
            short_name="SWC",
            authors="[Ada Lovelace, Alan Turing]",
            links="{code: 'https://github.com/example/swc'}",
        ),
    )
    project.add("hostile", entry(title=json.dumps(HOSTILE), abstract=json.dumps(HOSTILE + ". More text follows here.")))
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def documents(small_site: Path) -> dict[str, str]:
    """The search documents the build of `small_site` gave Pagefind."""
    layout = SourceLayout(small_site.parent)
    return search_documents(enriched_catalogue(layout, date.today(), Timings()), read_settings(layout.config_file))


def items(record: object) -> list[Any]:
    """Return a CBOR array of a Pagefind record; fail the test if the record holds something else there."""
    assert isinstance(record, list), record
    return record


def document(documents: dict[str, str], slug: str) -> BeautifulSoup:
    return BeautifulSoup(documents[f"papers/{slug}/index.html"], "html.parser")


def test_pagefind_indexes_one_document_per_paper_and_no_site_page(small_site: Path, documents: dict[str, str]) -> None:
    assert sorted(documents) == ["papers/coded/index.html", "papers/hostile/index.html", "papers/plain/index.html"]
    assert not [p for p in small_site.rglob("*.html") if "data-pagefind" in p.read_text(encoding="utf-8")]


def test_the_index_holds_exactly_the_papers(small_site: Path) -> None:
    bundle = json.loads((small_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [language["page_count"] for language in bundle["languages"].values()] == [3]


def test_the_abstract_is_the_only_body_text(documents: dict[str, str]) -> None:
    body = one(document(documents, "coded"), "[data-pagefind-body]")
    assert body.get_text(" ", strip=True) == ABSTRACT  # so excerpts read as prose
    assert not body.select("[data-pagefind-weight], [data-pagefind-meta]")


def test_title_short_name_authors_tags_and_entities_are_metadata(documents: dict[str, str]) -> None:
    page = document(documents, "coded")
    meta = {el["data-pagefind-meta"]: el.get_text() for el in page.select("[data-pagefind-meta]")}
    assert meta == {
        "title": "Saliency With Code",
        "short_name": "SWC",
        "authors": '[["Ada Lovelace",""],["Alan Turing",""]]',  # [name, key of an author page]
        "tags": "Saliency, Segmentation",
        "entities": "ImageNet",
        "badges": '[["Code","https://github.com/example/swc"]]',
    }
    # Outside the body: Pagefind 1.5 searches metadata and weights it (ui/site.js: META_WEIGHTS).
    assert all(el.find_parent(attrs={"data-pagefind-body": True}) is None for el in page.select("[data-pagefind-meta]"))
    plain = {
        el["data-pagefind-meta"]: el.get_text() for el in document(documents, "plain").select("[data-pagefind-meta]")
    }
    assert plain == {"title": "Segmenting Things", "tags": "Segmentation", "entities": "ImageNet", "facts": "2019"}


def test_search_document_declares_filters_and_ranked_sorts(documents: dict[str, str]) -> None:
    coded = one(document(documents, "coded"), "[data-pagefind-body]")
    assert coded["data-pagefind-filter"] == "year[data-year], code[data-code]"
    assert (coded["data-year"], coded["data-code"]) == ("2025", "yes")
    assert coded["data-pagefind-sort"] == (
        "title[data-rank-title], newest[data-rank-newest], published[data-rank-published]"
    )
    tags = document(documents, "coded").select("li[data-pagefind-filter^='tag:']")
    assert [li["data-pagefind-filter"] for li in tags] == ["tag:saliency", "tag:segmentation"]
    plain = one(document(documents, "plain"), "[data-pagefind-body]")
    assert plain["data-pagefind-filter"] == "year[data-year], code[data-code], published[data-published]"
    assert (plain["data-year"], plain["data-code"], plain["data-published"]) == ("2024", "no", "2019")


def test_orders_rank_papers_with_ties_broken_by_title() -> None:
    day = date(2025, 3, 12)
    papers = [
        Paper("b", "Beta", "A.", day, ("t",), "s"),
        Paper("a", "alpha", "A.", day, ("t",), "s", published=date(2020, 1, 1)),
        Paper("c", "Gamma", "A.", date(2024, 1, 1), ("t",), "s", published=date(2021, 1, 1)),
        Paper("d", "Delta", "A.", date(2024, 1, 1), ("t",), "s", arxiv="2103.01234"),
    ]
    ranks = order_ranks(papers)
    by = {name: sorted(ranks, key=lambda slug: ranks[slug][name]) for name in ("title", "newest", "published")}
    assert by == {
        "title": ["a", "b", "d", "c"],
        "newest": ["a", "b", "d", "c"],
        # Published in March 2021 by its arXiv id, after January 2021; without either date, last.
        "published": ["d", "c", "a", "b"],
    }


def test_entry_text_stays_text_in_search_documents(documents: dict[str, str]) -> None:
    page = document(documents, "hostile")
    assert one(page, "h1[data-pagefind-meta=title]").get_text() == HOSTILE
    assert one(page, "[data-pagefind-body]").get_text(" ", strip=True) == HOSTILE + ". More text follows here."
    assert not page.select("script")


def test_bundle_has_the_filters_the_sorts_and_the_metadata(small_site: Path) -> None:
    bundle = small_site / "pagefind"
    entry_data = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = items(read_record(bundle / f"pagefind.{entry_data['languages']['en']['hash']}.pf_meta"))
    filters = {name: items(read_record(bundle / "filter" / f"{chunk}.pf_filter")) for name, chunk in items(meta[3])}
    values = {name: [value for value, _ in items(record[1])] for name, record in filters.items()}
    assert values == {
        "code": ["no", "yes"],
        "published": ["2019"],
        "tag": ["saliency", "segmentation"],
        "year": ["2024", "2025"],
    }
    assert sorted(name for name, _ in items(meta[4])) == ["newest", "published", "title"]  # oldest: newest backwards
    fields = items(meta[5])
    assert {"title", "short_name", "authors", "tags", "entities", "badges", "facts"} <= set(fields)


def test_without_a_publication_date_there_is_no_published_sort(project: Project) -> None:
    project.add("only", entry())
    layout = SourceLayout(project.root)
    documents = search_documents(enriched_catalogue(layout, date.today(), Timings()), read_settings(layout.config_file))
    body = one(BeautifulSoup(documents["papers/only/index.html"], "html.parser"), "[data-pagefind-body]")
    assert "published" not in body["data-pagefind-sort"]


def test_a_second_pagefind_run_writes_the_same_bundle(
    small_site: Path, documents: dict[str, str], tmp_path: Path
) -> None:
    """Pagefind lists filter values in random order; the build sorts them so rebuilds are identical."""
    write_docs(sharded(documents), tmp_path / "search")
    indexing = publish.Indexing(tmp_path / "search", tmp_path / "again", tmp_path / "pagefind.log")
    indexing.finish()
    assert digest(tmp_path / "again") == digest(small_site / "pagefind")


def test_a_pagefind_failure_keeps_the_previous_site(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project.add("good", entry())
    assert main(["--root", str(project.root), "build"]) == 0
    before = digest(project.root / "site")
    popen = subprocess.Popen
    failing = [sys.executable, "-c", "print('Error: Pagefind was not able to build an index.'); raise SystemExit(1)"]
    monkeypatch.setattr(subprocess, "Popen", lambda command, **options: popen(failing, **options))
    project.add("another", entry(title="Another Saliency Study"))
    assert main(["--root", str(project.root), "build"]) == 1
    assert (
        "Pagefind could not index the site: Error: Pagefind was not able to build an index." in capsys.readouterr().out
    )
    assert digest(project.root / "site") == before


def test_a_catalogue_without_papers_builds_without_an_index(project: Project) -> None:
    assert main(["--root", str(project.root), "build"]) == 0
    assert (project.root / "site" / "search" / "index.html").is_file()
    assert not (project.root / "site" / "pagefind").exists()
