"""Split the search index into shards that Pagefind builds one at a time, and merge their sort orders.

One Pagefind run holds its whole index in memory: 1.3 GB at 10,000 papers and 12.5 GB at 100,000,
where the smallest GitHub runner has 7 GB. Above PAPERS_PER_SHARD papers the search documents are
cut into balanced slices; each is indexed by its own run, one after the other, into its own bundle
(`pagefind/` for the first, `pagefind/shard-<n>/` for the others), and the browser merges them with
Pagefind's `mergeIndex`, reading their folders from `pagefind/shards.json` (theme/assets/ui/site.js).

Merged results are ordered by score, and a sorted search scores each page by its position in its own
bundle's sort list; so every shard's sort lists are rewritten to hold each page at its position in
the whole catalogue's order, with a page number no shard has in the gaps, and sorted searches over
the merged shards come out in the catalogue's order.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path

PAPERS_PER_SHARD = 12_500  # about 1.6 GB for one Pagefind run, beside the render or MkDocs, within a 7 GB runner
SHARDS_FILE = "shards.json"
# What the other shards need: the first one's Pagefind script and WebAssembly serve them all.
SHARD_PARTS = ("pagefind-entry.json", "index", "fragment", "filter")
_SORT_SPEC = re.compile(r'data-pagefind-sort="([^"]*)"')
_SORT_PART = re.compile(r"\s*([\w-]+)\[([\w-]+)\]\s*")


class ShardMismatch(Exception):
    """A shard's bundle does not hold the pages its search documents said it would."""


def slices(paths: Iterable[str], per_shard: int | None = None) -> list[list[str]]:
    """Return `paths` in order, cut into the fewest slices of at most `per_shard`, sizes differing by one at most."""
    ordered = sorted(paths)
    count = max(1, math.ceil(len(ordered) / (per_shard or PAPERS_PER_SHARD)))
    return [ordered[n * len(ordered) // count : (n + 1) * len(ordered) // count] for n in range(count)]


def sharded(documents: dict[str, str], per_shard: int | None = None) -> dict[str, str]:
    """Return the search documents, each under the folder of its shard: `0/papers/calm/index.html`."""
    return {f"{n}/{path}": documents[path] for n, part in enumerate(slices(documents, per_shard)) for path in part}


def shard_folder(n: int) -> str:
    """Return where shard `n` goes inside the first shard's bundle (the first is the bundle itself)."""
    return "" if n == 0 else f"shard-{n}"


def sort_values(document: str) -> dict[str, str]:
    """Return a search document's sort values by sort name, as its `data-pagefind-sort` declares them."""
    spec = _SORT_SPEC.search(document)
    values = {}
    for part in spec.group(1).split(",") if spec else ():
        declared = _SORT_PART.fullmatch(part)
        value = re.search(rf'\s{declared.group(2)}="([^"]*)"', document) if declared else None
        if declared and value:
            values[declared.group(1)] = html.unescape(value.group(1))
    return values


def read_sort_values(folder: Path) -> list[dict[str, str]]:
    """Return the sort values of every search document in a shard's folder."""
    return [sort_values(path.read_text(encoding="utf-8")) for path in sorted(folder.rglob("*.html"))]


def catalogue_positions(shards: list[list[dict[str, str]]]) -> list[dict[str, list[int]]]:
    """Return, for each shard and sort, the catalogue-wide positions of its pages, in ascending order.

    `shards[n]` holds the sort values of shard n's documents. Values that all read as numbers sort as
    numbers, as Pagefind sorts them; others sort as text.
    """
    names = sorted({name for shard in shards for values in shard for name in values})
    result: list[dict[str, list[int]]] = [{} for _ in shards]
    for name in names:
        keyed = [(values[name], n) for n, shard in enumerate(shards) for values in shard if name in values]
        numeric = all(_is_number(value) for value, _ in keyed)
        keyed.sort(key=lambda pair: (float(pair[0]), pair[0]) if numeric else (0.0, pair[0]))
        for position, (_, n) in enumerate(keyed):
            result[n].setdefault(name, []).append(position)
    return result


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def spread_sorts(sorts: list[list[object]], positions: dict[str, list[int]], gap: int) -> list[list[object]]:
    """Return a bundle's `[name, [page, ...]]` sort lists with each page moved to its catalogue-wide position.

    Pagefind lists a shard's pages in the order of its sort; `positions[name]` holds their positions
    in the catalogue's order, ascending, so the j-th page listed goes to the j-th position. `gap`, a
    page number the shard does not have, fills the positions of other shards' pages.
    """
    spread: list[list[object]] = []
    for name, pages in sorts:
        wanted = positions.get(str(name), [])
        if not isinstance(pages, list) or len(pages) != len(wanted):
            raise ShardMismatch(
                f"sort {name!r}: the bundle lists {len(pages) if isinstance(pages, list) else 0} pages, the documents {len(wanted)}"
            )
        placed: list[object] = [gap] * (wanted[-1] + 1 if wanted else 0)
        for page, position in zip(pages, wanted, strict=True):
            placed[position] = page
        spread.append([name, placed])
    return spread


def write_manifest(bundle: Path, shards: int) -> None:
    """Write `shards.json`: the folders of the shards the browser merges into the first one."""
    folders = [shard_folder(n) + "/" for n in range(1, shards)]
    (bundle / SHARDS_FILE).write_text(json.dumps({"merge": folders}) + "\n", encoding="utf-8")


def prune_shard(bundle: Path) -> None:
    """Remove from a merged shard's bundle what only the first shard's serves (scripts, styles, WebAssembly)."""
    for path in bundle.iterdir():
        if path.name not in SHARD_PARTS and not path.name.endswith(".pf_meta"):
            path.unlink()
