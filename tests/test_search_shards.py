"""A sharded search index: slices cover every paper once, and the browser merges the shards into one search."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.write import search_shards
from generator.write.search_shards import catalogue_positions, sharded, slices, sort_values, spread_sorts
from tests.conftest import entry, make_project
from tests.test_site_build import digest

# Seven papers, each with a word of its own, listed on days out of title order.
PAPERS = {
    f"paper-{n}": (f"Saliency Study {word.capitalize()}", f'"2024-0{1 + (n * 5) % 7}-1{n}"')
    for n, word in enumerate(["amber", "birch", "cedar", "dune", "ember", "fjord", "grove"])
}
PER_SHARD = 3  # three shards, of 2, 2 and 3 papers


@pytest.mark.parametrize("count", [0, 1, 2, 3, 7, 8, 100])
@pytest.mark.parametrize("per_shard", [1, 3, 25])
def test_slices_cover_every_paper_exactly_once_and_each_fits(count: int, per_shard: int) -> None:
    paths = [f"papers/p{n:03d}/index.html" for n in reversed(range(count))]
    parts = slices(paths, per_shard)
    assert [path for part in parts for path in part] == sorted(paths)
    assert all(len(part) <= per_shard for part in parts)
    assert max(map(len, parts)) - min(map(len, parts)) <= 1
    assert len(parts) == max(1, -(-count // per_shard))


def test_sharded_documents_keep_their_paths_under_their_shard() -> None:
    documents = {f"papers/p{n}/index.html": f"doc {n}" for n in range(5)}
    assert sharded(documents, 2) == {
        "0/papers/p0/index.html": "doc 0",
        "1/papers/p1/index.html": "doc 1",
        "1/papers/p2/index.html": "doc 2",
        "2/papers/p3/index.html": "doc 3",
        "2/papers/p4/index.html": "doc 4",
    }


def test_sort_values_are_read_as_the_document_declares_them() -> None:
    document = (
        '<main data-pagefind-sort="newest[data-newest], oldest[data-old]" data-newest="0000004" data-old="a&amp;b">'
    )
    assert sort_values(document) == {"newest": "0000004", "oldest": "a&b"}


def test_each_shard_gets_the_catalogue_positions_of_its_pages() -> None:
    shards = [[{"newest": "3"}, {"newest": "0"}], [{"newest": "10"}, {"newest": "2"}, {"newest": "1"}]]
    assert catalogue_positions(shards) == [{"newest": [0, 3]}, {"newest": [1, 2, 4]}]


def test_spread_sorts_puts_each_page_at_its_catalogue_position() -> None:
    assert spread_sorts([["newest", [5, 2]]], {"newest": [1, 3]}, gap=9) == [["newest", [9, 5, 9, 2]]]


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A built site of seven papers whose index is cut into shards of at most three."""
    project = make_project(tmp_path_factory.mktemp("shards") / "project")
    for slug, (title, listed) in PAPERS.items():
        project.add(slug, entry(title=title, listed=listed))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_shards, "PAPERS_PER_SHARD", PER_SHARD)
        assert main(["--root", str(project.root), "build"]) == 0
        yield project.root / "site"


@pytest.mark.slow
def test_the_bundle_has_one_index_per_shard_and_names_the_others(sharded_site: Path) -> None:
    bundle = sharded_site / "pagefind"
    manifest = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    assert manifest == {"merge": ["shard-1/", "shard-2/"]}
    counts = [
        json.loads((bundle / folder / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"][
            "page_count"
        ]
        for folder in ["", *manifest["merge"]]
    ]
    assert counts == [2, 2, 3]
    assert sorted(p.name for p in (bundle / "shard-1").iterdir() if not p.name.endswith(".pf_meta")) == sorted(
        search_shards.SHARD_PARTS
    )


@pytest.mark.slow
def test_a_rebuild_of_the_sharded_site_is_byte_identical(sharded_site: Path) -> None:
    before = digest(sharded_site / "pagefind")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_shards, "PAPERS_PER_SHARD", PER_SHARD)
        assert main(["--root", str(sharded_site.parent), "build"]) == 0
    assert digest(sharded_site / "pagefind") == before


@pytest.fixture
def served(sharded_site: Path, browser: Any) -> Iterator[tuple[Any, str]]:
    from tests.browser import checked_page, serve

    with serve(sharded_site) as base, checked_page(browser, base) as (page, _):
        yield page, base


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("slug", sorted(PAPERS))
def test_the_search_page_finds_a_paper_of_every_shard_by_its_own_word(slug: str, served: tuple[Any, str]) -> None:
    page, base = served
    title = PAPERS[slug][0]
    page.goto(base + "search/?q=" + title.split()[-1].lower(), wait_until="networkidle")
    page.wait_for_selector("[data-search-page=ready]")
    assert page.locator(".search-page__list .paper-card__title").all_inner_texts() == [title]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_sorted_results_across_shards_follow_the_catalogue_order(order: str, served: tuple[Any, str]) -> None:
    page, base = served
    page.goto(base + f"search/?q=saliency&sort={order}", wait_until="networkidle")
    page.wait_for_selector("[data-search-page=ready]")
    shown = page.locator(".search-page__list .paper-card__title").all_inner_texts()
    by_date = [title for title, _ in sorted(PAPERS.values(), key=lambda paper: paper[1])]  # no two share a day
    assert shown == (by_date[::-1] if order == "newest" else by_date)


@pytest.mark.browser
@pytest.mark.slow
def test_the_header_search_merges_the_shards(served: tuple[Any, str]) -> None:
    page, base = served
    page.goto(base, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("saliency")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 7")
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert sorted(titles) == sorted(title for title, _ in PAPERS.values())
