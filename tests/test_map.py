"""The map: a deterministic, stable layout; compact data files; a link from every paper page."""

from __future__ import annotations

import base64
import itertools
import json
from datetime import date
from types import SimpleNamespace
from typing import Any

import numpy as np

from generator.enrich import enrich
from generator.enrich.layout import GRID, map_positions
from generator.enrich.text import text_vectors
from generator.load.catalogue import read_catalogue
from generator.load.sources import SourceLayout
from generator.model import Paper, Tag
from generator.render.map_page import PIECE, WORDS_PER_FILE, place_bucket, render_map, title_words
from generator.render.site import render_site
from generator.render.tex import plain_title
from generator.validate.check import valid_catalogue
from tests.conftest import REPO
from tests.synthetic import synthetic_entries


def synthetic_papers(count: int, seed: int = 7, prefix: str = "") -> list[Paper]:
    return [
        Paper(
            slug=prefix + slug,
            title=e["title"],
            abstract=e["abstract"],
            listed=date.fromisoformat(e["listed"]),
            tags=tuple(e["tags"]),
            source=slug,
        )
        for slug, e in synthetic_entries(count, seed)
    ]


def test_the_layout_is_deterministic_and_stays_recognisable_when_papers_are_added() -> None:
    papers = synthetic_papers(800)
    first = map_positions(papers, text_vectors(papers))
    assert first == map_positions(papers, text_vectors(papers))
    assert all(0 <= x <= GRID and 0 <= y <= GRID for x, y in first.values())
    grown = papers + synthetic_papers(5, seed=99, prefix="added-")
    after = map_positions(grown, text_vectors(grown))
    moved = np.array(
        [np.hypot(first[p.slug][0] - after[p.slug][0], first[p.slug][1] - after[p.slug][1]) for p in papers]
    )
    assert np.median(moved) < 0.04 * GRID  # measured: 3.9% at 800 papers (1.4-1.8% on three other draws), 0.1% at 2,000
    assert np.percentile(moved, 90) < 0.1 * GRID


def unpacked(points: dict[str, Any]) -> list[tuple[int, int]]:
    """Return the positions packed in points.json, three bytes a point (x high, y low), as the page unpacks them."""
    data = base64.b64decode(points["xy"])
    values = [int.from_bytes(data[n : n + 3], "big") for n in range(0, len(data), 3)]
    return [(v >> 12, v & 4095) for v in values]


def undone(deltas: list[int]) -> list[int]:
    return list(itertools.accumulate(deltas))


def test_map_files_are_compact_and_cover_every_paper_in_pieces() -> None:
    enriched = enrich(valid_catalogue(read_catalogue(SourceLayout(REPO)), date(2026, 12, 1)))
    files = render_map(enriched)
    points = json.loads(files["map/points.json"])
    assert set(points) == {"grid", "piece", "tags", "groups", "xy", "words", "places"}  # nothing per paper but xy
    pieces = [json.loads(files[f"map/titles-{n}.json"]) for n in range(-(-len(enriched.catalogue.papers) // PIECE))]
    slugs = [row[0] for piece in pieces for row in piece]
    assert sorted(slugs) == sorted(p.slug for p in enriched.catalogue.papers)
    assert unpacked(points) == [enriched.positions[slug] for slug in slugs]
    tag_keys = [t[0] for t in points["tags"]]
    roots = {t[0]: tag_keys[t[2]] for t in points["tags"]}
    assert all(enriched.catalogue.tags[root].parent is None for root in roots.values())
    # Colour groups: runs of points, each coloured by the top-level tag above its paper's first tag.
    colours = [g for g, size in points["groups"] for _ in range(size)]
    assert [tag_keys[g] for g in colours] == [roots[enriched.paper[slug].tags[0]] for slug in slugs]
    for n, key in enumerate(tag_keys):
        tagged = undone(json.loads(files[f"map/tagged-{n}.json"]))
        assert tagged == [i for i, slug in enumerate(slugs) if key in enriched.paper[slug].tags]
    for i, slug in enumerate(slugs):
        assert json.loads(files[f"map/places-{place_bucket(slug, points['places'])}.json"])[slug] == i
    assert [place_bucket(s, b) for s, b in (("salun", 1000003), ("calm", 2**32))] == [379958, 3002172182]  # tests/js
    assert all(f'<option value="{key}">' in files["map/index.md"] for key in enriched.catalogue.tags)


def seed_tags() -> dict[str, Tag]:
    return valid_catalogue(read_catalogue(SourceLayout(REPO)), date(2026, 12, 1)).tags


def test_the_title_word_index_finds_every_word_in_the_file_of_its_longest_prefix() -> None:
    papers = synthetic_papers(3000)
    positions = map_positions(papers, text_vectors(papers))
    enriched = SimpleNamespace(catalogue=SimpleNamespace(papers=papers, tags=seed_tags()), positions=positions)
    files = render_map(enriched)  # type: ignore[arg-type]
    points = json.loads(files["map/points.json"])
    prefixes = points["words"]
    assert len(prefixes) == len(set(prefixes)) > 10  # split, since 3,000 titles hold more than WORDS_PER_FILE
    words = [json.loads(files[f"map/words-{n}.json"]) for n in range(len(prefixes))]
    slugs = [row[0] for n in range(-(-len(papers) // PIECE)) for row in json.loads(files[f"map/titles-{n}.json"])]
    by_slug = {p.slug: p for p in papers}
    for i, slug in enumerate(slugs):
        for word in title_words(plain_title(by_slug[slug].title)):
            home = max((n for n, p in enumerate(prefixes) if word.startswith(p)), key=lambda n: len(prefixes[n]))
            assert i in undone(words[home][word])
    for found in words:
        postings = sum(len(v) for v in found.values())
        assert postings <= WORDS_PER_FILE or len(found) == 1  # only a single word can overflow its file


def test_every_paper_page_links_to_its_place_on_the_map() -> None:
    enriched = enrich(valid_catalogue(read_catalogue(SourceLayout(REPO)), date(2026, 12, 1)))
    from generator.load.settings import read_settings

    docs = render_site(enriched, read_settings(REPO / "mkdocs.yml"), {})
    for paper in enriched.catalogue.papers:
        assert f'<a href="../../map/?p={paper.slug}">On the map</a>' in docs[f"papers/{paper.slug}.md"]
