"""The map page, `/map/`: every paper as a point, with compact data files the page's script reads.

`map/points.json` is all the page loads: the tags, the colour groups as runs of points, and every
point's coordinates packed in base64 (three bytes a point), so it stays small at 100,000 papers.
Points are listed by colour group, then along a Z-order curve, so that neighbours on the map are
mostly neighbours in the list. Everything else comes in pieces, fetched only when needed:
- `map/titles-<n>.json`: slugs and titles of PIECE consecutive points (a hover needs one piece);
- `map/words-<n>.json`: the title-word index, for the page's Find box, one file per word prefix
  that `points.json` lists (a prefix holding more than WORDS_PER_FILE postings is split further);
- `map/tagged-<n>.json`: the points of tag n, for the tag filter;
- `map/places-<n>.json`: the point of each slug, in buckets by slug hash, for `?p=<slug>`.
Point lists are ascending point numbers, each given as its difference from the one before.
"""

from __future__ import annotations

import base64
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from generator.enrich.layout import GRID
from generator.model import Enriched, Paper, Tag
from generator.render.tex import plain_title
from generator.render.text import html_text
from generator.render.views import front_matter, json_text

PIECE = 250
WORDS_PER_FILE = 4000
UNTAGGED = -1  # the colour group of papers without a tag
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as the page's script splits a search (lib/map-data.js)
PAGE = """{front}
# Map of the catalogue

<div class="catalogue-map" id="catalogue-map" data-points="points.json" data-papers="../papers/">
<div class="map-controls">
<label>Tag <select class="map-tag"><option value="">All tags</option>{options}</select></label>
<label>Find <input class="map-find" type="search" placeholder="Words of a title" autocomplete="off"></label>
<span class="map-zoom"><button type="button" class="md-button" data-zoom="in" aria-label="Zoom in">+</button><button type="button" class="md-button" data-zoom="out" aria-label="Zoom out">&minus;</button><button type="button" class="md-button" data-zoom="reset">Reset</button></span>
</div>
<p class="map-status" aria-live="polite">Each point is a paper, placed near papers whose titles and abstracts use the same words, and coloured by its top-level tag.</p>
<div class="map-frame"><canvas class="map-canvas" role="img" aria-label="Map of the catalogue's papers"></canvas><div class="map-tip" hidden></div></div>
<ul class="map-legend"></ul>
</div>
<noscript>The map needs JavaScript; the <a href="../papers/">list of all papers</a> does not.</noscript>
"""


def render_map(enriched: Enriched) -> dict[str, str]:
    """Return the map page and its data files, keyed by docs path."""
    tags = enriched.catalogue.tags
    keys = sorted(tags, key=lambda k: (tags[k].name.casefold(), k))
    index = {key: n for n, key in enumerate(keys)}
    positions = {p.slug: enriched.positions.get(p.slug, (0, 0)) for p in enriched.catalogue.papers}
    group_of = {p.slug: _group(p, tags, index) for p in enriched.catalogue.papers}
    # Groups in the legend's order: top-level tags by name, untagged papers last.
    groups = sorted(set(group_of.values()), key=lambda g: (g == UNTAGGED, g))
    rank = {g: n for n, g in enumerate(groups)}
    papers = sorted(
        enriched.catalogue.papers, key=lambda p: (rank[group_of[p.slug]], _z_order(*positions[p.slug]), p.slug)
    )
    sizes = Counter(group_of.values())
    runs = [[g, sizes[g]] for g in groups]
    titles = [plain_title(p.title) for p in papers]
    prefixes, word_files = _word_files(titles)
    places = max(1, -(-len(papers) // PIECE))
    points = {
        "grid": GRID,
        "piece": PIECE,
        "tags": [[key, tags[key].name, index[_root(tags, key)]] for key in keys],
        "groups": runs,
        "xy": _packed(positions[p.slug] for p in papers),
        "words": prefixes,
        "places": places,
    }
    files = {"map/points.json": json_text(points), "map/index.md": _page(keys, tags)}
    for n, start in enumerate(range(0, len(papers), PIECE)):
        piece = [
            [p.slug, title]
            for p, title in zip(papers[start : start + PIECE], titles[start : start + PIECE], strict=True)
        ]
        files[f"map/titles-{n}.json"] = json_text(piece)
    for n, words in enumerate(word_files):
        files[f"map/words-{n}.json"] = json_text({word: _deltas(found) for word, found in sorted(words.items())})
    tagged: dict[str, list[int]] = {key: [] for key in keys}
    for i, paper in enumerate(papers):
        for key in paper.tags:
            if key in tagged:
                tagged[key].append(i)
    for key in keys:
        files[f"map/tagged-{index[key]}.json"] = json_text(_deltas(tagged[key]))
    buckets: list[dict[str, int]] = [{} for _ in range(places)]
    for i, paper in enumerate(papers):
        buckets[place_bucket(paper.slug, places)][paper.slug] = i
    for n, bucket in enumerate(buckets):
        files[f"map/places-{n}.json"] = json_text(dict(sorted(bucket.items())))
    return files


def _group(paper: Paper, tags: dict[str, Tag], index: dict[str, int]) -> int:
    """Return the colour group of `paper`: the tag index of the top-level tag above its first tag."""
    first = next((key for key in paper.tags if key in tags), None)
    return UNTAGGED if first is None else index[_root(tags, first)]


def _root(tags: dict[str, Tag], key: str) -> str:
    """Return the top-level tag above `key` (itself if it has no parent)."""
    seen = {key}
    while (parent := tags[key].parent) and parent in tags and parent not in seen:
        key = parent
        seen.add(key)
    return key


def _z_order(x: int, y: int) -> int:
    """Return the place of grid point (x, y) along a Z-order curve: the bits of x and y interleaved."""
    code = 0
    for bit in range(GRID.bit_length()):
        code |= ((x >> bit) & 1) << (2 * bit) | ((y >> bit) & 1) << (2 * bit + 1)
    return code


def _packed(positions: Iterable[tuple[int, int]]) -> str:
    """Return the positions as base64 of three bytes each: x in the high 12 bits, y in the low 12."""
    data = bytearray()
    for x, y in positions:
        data += (x << 12 | y).to_bytes(3, "big")
    return base64.b64encode(bytes(data)).decode("ascii")


def _deltas(points: Sequence[int]) -> list[int]:
    """Return ascending point numbers as differences from the one before (the first from 0)."""
    return [b - a for a, b in zip([0, *points], points, strict=False)]


def title_words(title: str) -> set[str]:
    """Return the words of a title the map's Find box matches: runs of letters and digits, lower-cased."""
    return set(_WORD.findall(title.lower()))


def _word_files(titles: Sequence[str]) -> tuple[list[str], list[dict[str, list[int]]]]:
    """Return the word index cut into files by word prefix: the prefixes, and each file's {word: points}.

    A word goes to the file of the longest prefix it starts with. The whole index starts as one file
    (prefix ""); a prefix holding more than WORDS_PER_FILE postings is split by one more character,
    so no file is much larger than that unless one word alone is.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, title in enumerate(titles):
        for word in title_words(title):
            postings[word].append(i)
    files: list[tuple[str, dict[str, list[int]]]] = []

    def split(prefix: str, words: list[str]) -> None:
        longer: dict[str, list[str]] = defaultdict(list)
        here = [w for w in words if len(w) == len(prefix)]
        if sum(len(postings[w]) for w in words) <= WORDS_PER_FILE or len(here) == len(words):
            files.append((prefix, {w: postings[w] for w in words}))
            return
        for word in words:
            if len(word) > len(prefix):
                longer[word[: len(prefix) + 1]].append(word)
        if here:
            files.append((prefix, {w: postings[w] for w in here}))
        for key in sorted(longer):
            split(key, longer[key])

    split("", sorted(postings))
    return [prefix for prefix, _ in files], [words for _, words in files]


def place_bucket(slug: str, buckets: int) -> int:
    """Return which `places-<n>.json` holds `slug`: its 32-bit FNV-1a hash (of UTF-8 bytes) modulo `buckets`."""
    value = 0x811C9DC5
    for byte in slug.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % buckets


def _page(keys: list[str], tags: dict[str, Tag]) -> str:
    """Return the map page's Markdown: the controls, with every tag as a filter option."""
    options = "".join(f'<option value="{html_text(key)}">{html_text(tags[key].name)}</option>' for key in keys)
    front = front_matter(
        "Map", "Every paper of the catalogue on one map, placed by the words of its title and abstract."
    )
    return PAGE.format(front=front, options=options)
