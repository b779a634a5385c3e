"""What related papers and the map cost at scale (not part of `make test`; run under `nice -n 10`).

python -m tests.eval_scale timings 10000 100000   # CPU seconds of text vectors, related papers, map
python -m tests.eval_scale site 10000             # `make site` on a synthetic catalogue, the map's share
                                                  # of it, and the bytes /map/ loads in headless Chromium
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from generator.enrich.entities import entity_mentions, mentioned_by
from generator.enrich.layout import map_positions
from generator.enrich.related import related_papers
from generator.enrich.text import text_vectors
from generator.load.catalogue import read_catalogue
from generator.load.sources import SourceLayout
from generator.model import Catalogue
from generator.validate.check import valid_catalogue
from tests.synthetic import make_project

T = TypeVar("T")


def cpu(work: Callable[[], T]) -> tuple[T, float]:
    """Return what `work` returns and the CPU seconds it took in this process."""
    started = time.process_time()
    result = work()
    return result, time.process_time() - started


def synthetic_catalogue(count: int, work: Path) -> Catalogue:
    """Return a validated synthetic catalogue of `count` papers, written under `work` and read back."""
    root = make_project(work / f"project-{count}", count)
    return valid_catalogue(read_catalogue(SourceLayout(root)), date(2026, 12, 1))


def stage_seconds(catalogue: Catalogue) -> dict[str, float]:
    """Return the CPU seconds of the text vectors, the related papers and the map, as enrich computes them."""
    papers = catalogue.papers
    vectors, text = cpu(lambda: text_vectors(papers))
    mentions = entity_mentions(papers, catalogue.entities)
    named = mentioned_by(papers)
    _, related = cpu(lambda: related_papers(papers, mentions, named, vectors, taxonomy=catalogue.tags))
    _, layout = cpu(lambda: map_positions(papers, vectors))
    return {"text vectors": text, "related papers": related, "map": layout}


def timings(counts: Sequence[int]) -> str:
    """Return a Markdown table of CPU seconds per stage for each catalogue size."""
    lines = ["| papers | text vectors (s) | related papers (s) | map (s) |", "|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            seconds = stage_seconds(synthetic_catalogue(count, Path(tmp)))
            lines.append(f"| {count:,} | " + " | ".join(f"{s:.1f}" for s in seconds.values()) + " |")
    return "\n".join(lines) + "\n"


def children_cpu() -> float:
    """Return the CPU seconds used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def map_page_bytes(site: Path) -> list[tuple[int, int, int]]:
    """Return (requests, bytes, gzipped bytes) that /map/ fetches in headless Chromium: to load, then to find a title."""
    from tests.bench import counting_server, gzipped_size
    from tests.browser import chromium

    with counting_server(site) as (server, base), chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        server.take()
        page.goto(base + "map/", wait_until="networkidle")
        page.wait_for_selector(".catalogue-map[data-map=ready]")
        page.wait_for_timeout(500)
        loaded = server.take()
        page.fill(".map-find", "saliency")
        page.wait_for_function("document.querySelector('.map-status').textContent.includes('match')")
        page.wait_for_timeout(500)
        found = server.take()
        page.close()
    return [
        (len(sent), sum(n for _, n in sent), sum(gzipped_size(name) for name, _ in sent)) for sent in (loaded, found)
    ]


def site(count: int) -> str:
    """Return a report of one `make site` of a synthetic catalogue: wall and CPU time, the map's share, map bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        catalogue = synthetic_catalogue(count, work)
        root = work / f"project-{count}"
        before, started = children_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, check=True, capture_output=True)
        wall, build_cpu = time.perf_counter() - started, children_cpu() - before
        vectors = text_vectors(catalogue.papers)  # shared with related papers, so not the map's cost
        _, layout = cpu(lambda: map_positions(catalogue.papers, vectors))
        (requests, sent, gzipped), (more, found, found_gzipped) = map_page_bytes(root / "site")
    return (
        f"{count:,} papers: `make site` {wall:.1f} s wall, {build_cpu:.1f} s CPU; the map {layout:.1f} s CPU "
        f"({layout / build_cpu:.1%} of the build's CPU, {layout / wall:.1%} of its wall time); "
        f"/map/ loads {requests} files, {sent / 1e6:.2f} MB ({gzipped / 1e6:.2f} MB gzipped); "
        f"finding a title then fetches {more} files, {found / 1e6:.2f} MB ({found_gzipped / 1e6:.2f} MB gzipped)\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the measurement asked for and print it."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval_scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["timings", "site"])
    parser.add_argument("counts", type=int, nargs="+", metavar="N")
    args = parser.parse_args(argv)
    if args.what == "timings":
        sys.stdout.write(timings(args.counts))
    else:
        for count in args.counts:
            sys.stdout.write(site(count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
