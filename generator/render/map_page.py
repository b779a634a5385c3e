"""The map page, `/map/`: every paper as a point, with compact data files the page's script reads.

`map/points.json` holds integer coordinates, each paper's tags as indexes into one tag list, and
nothing else, so it stays small at 10,000 papers; titles and slugs come in `map/titles-<n>.json`
pieces of PIECE papers, fetched only when a point is hovered, opened or searched for.
"""

from __future__ import annotations

from generator.enrich.layout import GRID
from generator.model import Enriched, Tag
from generator.render.tex import plain_title
from generator.render.text import html_text
from generator.render.views import front_matter, json_text

PIECE = 1000
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
    papers = sorted(enriched.catalogue.papers, key=lambda p: p.slug)
    points = {
        "grid": GRID,
        "piece": PIECE,
        "tags": [[key, tags[key].name, index[_root(tags, key)]] for key in keys],
        "x": [enriched.positions.get(p.slug, (0, 0))[0] for p in papers],
        "y": [enriched.positions.get(p.slug, (0, 0))[1] for p in papers],
        "t": [[index[k] for k in p.tags if k in index] for p in papers],
    }
    files = {"map/points.json": json_text(points), "map/index.md": _page(keys, tags)}
    for n, start in enumerate(range(0, len(papers), PIECE)):
        piece = [[p.slug, plain_title(p.title)] for p in papers[start : start + PIECE]]
        files[f"map/titles-{n}.json"] = json_text(piece)
    return files


def _root(tags: dict[str, Tag], key: str) -> str:
    """Return the top-level tag above `key` (itself if it has no parent)."""
    seen = {key}
    while (parent := tags[key].parent) and parent in tags and parent not in seen:
        key = parent
        seen.add(key)
    return key


def _page(keys: list[str], tags: dict[str, Tag]) -> str:
    """Return the map page's Markdown: the controls, with every tag as a filter option."""
    options = "".join(f'<option value="{html_text(key)}">{html_text(tags[key].name)}</option>' for key in keys)
    front = front_matter(
        "Map", "Every paper of the catalogue on one map, placed by the words of its title and abstract."
    )
    return PAGE.format(front=front, options=options)
