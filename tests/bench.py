"""Scale benchmark (`make bench`): synthetic catalogues of 1,000 and 10,000 papers, built and searched.

For each size it times `python -m generator build` by stage, measures the site, and measures search
in headless Chromium against a local server that counts every byte it sends (the page's own
requests and its workers'): Pagefind on the search page and in the header, and, as the baseline,
Material's built-in search over a bare MkDocs Material site of the same titles and abstracts.
It also builds that bare site without plugins and runs a bare Pagefind over it, the yardstick for
the generator's build time. Prints the results and writes them to tests/bench_results.md.
`make bench SCALE=100000` (or `SCALE=200 python -m tests.bench`) benchmarks other sizes; SCALE takes a
comma-separated list. It also reports the build's peak memory over all its processes (their PSS summed,
sampled every 0.2 s: a page that forked processes share counts once, as it does in the runner's RAM), the site's
size and file count, bytes per paper by kind, and how long the preview takes to show an edit.
"""

from __future__ import annotations

import functools
import gzip
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import chromium
from tests.conftest import REPO
from tests.synthetic import make_project, synthetic_entries

SIZES = tuple(int(n) for n in os.environ.get("SCALE", os.environ.get("BENCH_SIZES", "1000,10000")).split(","))
PREVIEW_TIMEOUT_S = 300.0
# Targets of issue #13, reported side by side with the figures.
TARGET_PEAK_BYTES = 7 * 1024**3
TARGET_SITE_BYTES = 1_000_000_000
TARGET_FILES = 250_000
TARGET_BYTES_PER_PAPER = 10_000
TARGET_PAGE_BYTES = 8_000
QUERY = "unlearning"
TARGET_BYTES = 1_000_000
TARGET_MS = 1_000
TARGET_RATIO = 1.25
TARGET_SEARCH_RATIO = 1.15  # time to the first result, against the seed catalogue's in the same run
RESULTS = Path(__file__).parent / "bench_results.md"
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
)
TIMEOUT_MS = 180_000
REPEATS = 3  # each search is timed this many times, in fresh browser contexts; the median is reported
# Records, relative to navigation start, when the first element matching the selector appears.
FIRST_RESULT = """(() => {
  const check = () => {
    if (window.__firstResult === undefined && document.querySelector(%r)) window.__firstResult = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();"""


@dataclass(frozen=True)
class SearchRun:
    """What one search cost a fresh browser: requests, bytes and time to the first result."""

    label: str
    requests: int
    served: int
    gzipped: int
    ms: float | None
    timed_from: str


@dataclass
class PreviewTimes:
    """Seconds the preview took: to serve at all, to show an edit, to refresh search after it, to show a new entry."""

    start: float | None = None
    edit: float | None = None
    search: float | None = None
    new: float | None = None


@dataclass
class SizeReport:
    """Every figure measured for one catalogue size."""

    papers: int
    stages: dict[str, float] = field(default_factory=dict)
    site_seconds: float = 0.0
    bare_mkdocs_seconds: float = 0.0
    bare_pagefind_seconds: float = 0.0
    material_build_seconds: float = 0.0
    site_bytes: int = 0
    pagefind_bytes: int = 0
    median_page_bytes: int = 0
    material_index_bytes: int = 0
    sitemap_bytes: int = 0
    searches: list[SearchRun] = field(default_factory=list)
    peak_pss_bytes: int = 0
    site_files: int = 0
    bytes_by_kind: dict[str, int] = field(default_factory=dict)
    preview: PreviewTimes = field(default_factory=lambda: PreviewTimes())

    @property
    def ratio(self) -> float:
        """`make site` time over a bare MkDocs Material build plus a bare Pagefind run."""
        return self.site_seconds / (self.bare_mkdocs_seconds + self.bare_pagefind_seconds)


class _CountingServer(ThreadingHTTPServer):
    """A static file server that remembers which files it sent and how many bytes."""

    daemon_threads = True

    def __init__(self, directory: Path) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(_CountingHandler, directory=str(directory)))
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []

    def take(self) -> list[tuple[str, int]]:
        """Return what was sent since the last call, and start counting afresh."""
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


class _CountingHandler(SimpleHTTPRequestHandler):
    server: _CountingServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        with self.server.lock:
            self.server.sent.append((source.name, len(data)))


@contextmanager
def counting_server(directory: Path) -> Iterator[tuple[_CountingServer, str]]:
    """Serve `directory` on an ephemeral 127.0.0.1 port; yield the server and its base URL."""
    server = _CountingServer(directory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@functools.cache
def gzipped_size(path: str) -> int:
    """Return a file's size as a host that compresses responses (gzip -6) would send it."""
    data = Path(path).read_bytes()
    return min(len(data), len(gzip.compress(data, compresslevel=6)))  # Pagefind's files are gzipped already


def tree_pss(root: int) -> int:
    """Return the proportional memory (PSS) of process `root` and all its descendants, in bytes (Linux /proc).

    PSS, not RSS: the render's forked processes share most of their pages with the build's own, and
    summing RSS counts each shared page once per process (0.19 GB too much at the peak of a 20k build).
    """
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss(pid)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def _pss(pid: int) -> int:
    """Return a process's PSS in bytes, or 0 once it has ended."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    pss = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
    return int(pss.group(1)) * 1024 if pss else 0


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, str, int]:
    """Run `command`; return its wall-clock seconds, its output and the peak memory of its process tree."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, text=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_pss(process.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - started
        out.seek(0)
        output = out.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-4000:]}")
    return seconds, output, peak


KINDS = (
    ("paper pages", re.compile(r"papers/(?!index\.html)[^/]+/index\.html")),
    ("search", re.compile(r"pagefind/.*")),
    ("assets", re.compile(r"assets/.*")),
    ("exports", re.compile(r"api/(?!index\.html).*|.*\.(xml|xml\.gz|json|bib|txt)")),
    ("lists", re.compile(r".*\.html")),
)


def bytes_by_kind(site: Path) -> tuple[dict[str, int], int]:
    """Return the site's bytes per kind of file and its file count; `lists` holds every other page."""
    sizes = dict.fromkeys([name for name, _ in KINDS] + ["other"], 0)
    files = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        files += 1
        relative = path.relative_to(site).as_posix()
        kind = next((name for name, pattern in KINDS if pattern.fullmatch(relative)), "other")
        sizes[kind] += path.stat().st_size
    return sizes, files


def preview_latency(project: Path) -> PreviewTimes:
    """Start `generator serve`; time an edited entry's page showing the edit, the search index following it, and a
    new entry's page showing with its related papers (None when not within PREVIEW_TIMEOUT_S)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "generator", "--root", str(project), "serve", "--port", str(port)]
    log = project / "preview.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    times = PreviewTimes()

    def fetch(path: str) -> str:
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                return str(response.read().decode("utf-8", "replace"))
        except OSError:
            return ""

    def shows(path: str, found: Callable[[str], bool], deadline: float) -> float | None:
        started = time.perf_counter()
        while time.perf_counter() - started < deadline:
            if found(fetch(path)):
                return time.perf_counter() - started
            time.sleep(0.1)
        return None

    try:
        times.start = shows("", lambda page: "<html" in page, 1800)
        if times.start is None:
            return times
        shows("pagefind/pagefind-entry.json", bool, 600)  # the first index, so the edit's is told apart
        index = fetch("pagefind/pagefind-entry.json")
        papers = sorted((project / "site_src" / "papers").glob("*.yaml"))
        edited = papers[len(papers) // 2]
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
        saved = time.perf_counter()
        times.edit = shows(f"papers/{edited.stem}/", lambda page: "Edited " in page, PREVIEW_TIMEOUT_S)
        if shows("pagefind/pagefind-entry.json", lambda entry: entry not in ("", index), PREVIEW_TIMEOUT_S):
            times.search = time.perf_counter() - saved
        new_entry = edited.parent / "bench-new-entry.yaml"
        new_entry.write_text(text.replace("title: ", "title: Brand new ", 1), encoding="utf-8")
        times.new = shows("papers/bench-new-entry/", lambda page: 'class="related"' in page, PREVIEW_TIMEOUT_S)
        return times
    finally:
        server.terminate()
        server.wait(30)
        # The preview's own account of each update: its stages and how many pages MkDocs rebuilt.
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(("re-rendered docs", "rebuilt ")):
                print(f"  preview: {line}", flush=True)


def build_stages(output: str) -> dict[str, float]:
    """Parse `built site (load and validate 1.00s, enrich 2.00s, ...)` from the generator's output."""
    match = re.search(r"^built \S+ \((.*)\)$", output, re.MULTILINE)
    if not match:
        raise RuntimeError(f"no stage timings in the build output:\n{output[-2000:]}")
    pairs = (part.rsplit(" ", 1) for part in match.group(1).split(", "))
    return {name: float(seconds.removesuffix("s")) for name, seconds in pairs}


def write_bare_project(root: Path, count: int, plugins: list[str]) -> Path:
    """Write a bare MkDocs Material project whose pages are the synthetic papers' titles and abstracts."""
    docs = root / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Papers\n\nA bare catalogue.\n", encoding="utf-8")
    for slug, entry in synthetic_entries(count):
        (docs / "p" / f"{slug}.md").write_text(f"# {entry['title']}\n\n{entry['abstract']}\n", encoding="utf-8")
    config = {
        "site_name": "Bare catalogue",
        "theme": {"name": "material", "font": False},
        "plugins": plugins,
        # A nav listing every page would make the bare build quadratic; the generator avoids that too.
        "nav": ["index.md"],
        "not_in_nav": "/p/*.md",
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def folder_bytes(folder: Path) -> int:
    """Return the total size of the files under `folder`."""
    return sum(entry.stat().st_size for entry in folder.rglob("*") if entry.is_file())


def search_run(
    browser: Any,
    server: _CountingServer,
    label: str,
    url: str,
    selector: str,
    type_query: bool = False,
    empty_sitemap: bool = False,
) -> SearchRun:
    """Load `url` in fresh browser contexts and wait for the first search result; return the median of REPEATS tries."""
    tries = [_one_search(browser, server, url, selector, type_query, empty_sitemap) for _ in range(REPEATS)]
    ms, sent = sorted(tries, key=lambda t: t[0] if t[0] is not None else float("inf"))[len(tries) // 2]
    origin = "search key" if type_query else "navigation"
    return SearchRun(label, len(sent), sum(n for _, n in sent), sum(gzipped_size(p) for p, _ in sent), ms, origin)


def _one_search(
    browser: Any, server: _CountingServer, url: str, selector: str, type_query: bool, empty_sitemap: bool
) -> tuple[float | None, list[tuple[str, int]]]:
    """Return the ms to the first result (None without a selector) and the files the server sent."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    if empty_sitemap:
        page.route(
            "**/sitemap.xml",
            lambda route: route.fulfill(status=200, content_type="application/xml", body=EMPTY_SITEMAP),
        )
    if selector:
        page.add_init_script(FIRST_RESULT % selector)
    server.take()
    start = 0.0
    page.goto(url, wait_until="networkidle")
    if type_query:
        start = page.evaluate("performance.now()")
        page.keyboard.press("/")
        page.keyboard.type(QUERY)
    ms = None
    if selector:
        try:
            page.wait_for_function("window.__firstResult !== undefined")
            ms = page.evaluate("window.__firstResult") - start
            page.wait_for_load_state("networkidle")
        except PlaywrightTimeout:
            ms = None  # reported as no result within TIMEOUT_MS, so the rest of the run still reports
    context.close()
    return ms, server.take()


def pagefind_searches(browser: Any, site: Path, paper: str) -> list[SearchRun]:
    """Return the Pagefind searches on `site`: a paper page without search, the search page, and the header search on `paper`'s page."""
    query = quote(QUERY)
    with counting_server(site) as (server, base):
        return [
            search_run(browser, server, "Paper page, no search", base + f"papers/{paper}/", ""),
            search_run(browser, server, "Pagefind, search page", f"{base}search/?q={query}", ".search-page__list li"),
            search_run(
                browser,
                server,
                "Pagefind, search page, sitemap.xml stubbed empty",
                f"{base}search/?q={query}",
                ".search-page__list li",
                empty_sitemap=True,
            ),
            search_run(
                browser,
                server,
                "Pagefind, header search on a paper page",
                base + f"papers/{paper}/",
                ".md-search-result__item",
                type_query=True,
            ),
        ]


def measure_seed(work: Path) -> list[SearchRun]:
    """Build the seed catalogue's site and return its Pagefind searches, the baseline of the flatness target."""
    print("[seed] building and searching the seed catalogue", flush=True)
    project = work / "seed"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("theme", "site_src"):
        shutil.copytree(REPO / folder, project / folder)
    timed([sys.executable, "-m", "generator", "--root", str(project), "build"])
    site = project / "site"
    paper = min(p.parent.name for p in (site / "papers").glob("*/index.html") if p.parent.name != "page")
    with chromium() as browser:
        return pagefind_searches(browser, site, paper)


def measure_size(count: int, work: Path) -> SizeReport:
    """Build and measure a catalogue of `count` papers under `work`."""
    report = SizeReport(count)
    project = make_project(work / "catalogue", count)
    print(f"[{count}] building the catalogue site", flush=True)
    report.site_seconds, output, report.peak_pss_bytes = timed(
        [sys.executable, "-m", "generator", "--root", str(project), "build"]
    )
    report.stages = build_stages(output)
    site = project / "site"
    report.site_bytes = folder_bytes(site)
    report.bytes_by_kind, report.site_files = bytes_by_kind(site)
    report.pagefind_bytes = folder_bytes(site / "pagefind")
    report.median_page_bytes = int(statistics.median(p.stat().st_size for p in (site / "papers").glob("*/index.html")))
    report.sitemap_bytes = (site / "sitemap.xml").stat().st_size

    print(f"[{count}] building bare MkDocs Material sites", flush=True)
    bare = write_bare_project(work / "bare", count, [])
    report.bare_mkdocs_seconds, _, _ = timed(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare / "mkdocs.yml")]
    )
    report.bare_pagefind_seconds, _, _ = timed(
        [sys.executable, "-m", "pagefind", "--site", str(bare / "site"), "--quiet"]
    )
    material = write_bare_project(work / "material", count, ["search"])
    report.material_build_seconds, _, _ = timed(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(material / "mkdocs.yml")]
    )
    report.material_index_bytes = (material / "site" / "search" / "search_index.json").stat().st_size

    first_paper = min(p.name for p in (site / "papers").iterdir() if p.name.startswith("synthetic-"))
    print(f"[{count}] searching in headless Chromium", flush=True)
    query = quote(QUERY)
    with chromium() as browser:
        report.searches += pagefind_searches(browser, site, first_paper)
        with counting_server(material / "site") as (server, base):
            report.searches.append(
                search_run(
                    browser,
                    server,
                    "Material built-in search (baseline)",
                    f"{base}?q={query}",
                    ".md-search-result__item",
                )
            )
    print(f"[{count}] timing the preview", flush=True)
    report.preview = preview_latency(project)
    return report


def megabytes(n: int) -> str:
    """Return a byte count as KB below 100 KB, else as MB."""
    return f"{n / 1_000_000:.2f} MB" if n >= 100_000 else f"{n / 1000:.1f} KB"


def verdict(ok: bool) -> str:
    """Return how a figure compares with its target."""
    return "met" if ok else "**missed**"


def seconds(value: float | None, target: float | None = None) -> str:
    """Return a preview latency, against its target if it has one."""
    if value is None:
        return f"not within {PREVIEW_TIMEOUT_S:.0f} s" + (" (**missed**)" if target else "")
    return f"{value:.1f} s" + (f" ({verdict(value <= target)})" if target else "")


def preview_table(reports: list[SizeReport]) -> list[str]:
    """Return the preview's latencies as a Markdown section."""
    lines = [
        "## Preview (`make serve`)",
        "",
        "| Papers | first build, until served | edit shown (≤ 2 s) | search refreshed after the edit "
        "| new entry shown with its related papers (≤ 5 s) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in reports:
        p = r.preview
        lines.append(
            f"| {r.papers:,} | {seconds(p.start)} | {seconds(p.edit, 2.0)} | {seconds(p.search)} | {seconds(p.new, 5.0)} |"
        )
    return [
        *lines,
        "",
        "Each time is from saving the file until the page holds the change, polled every 0.1 s; the edit changes "
        "the title of the middle entry, the new entry is a copy of it under a new title.",
    ]


def table(reports: list[SizeReport], seed: list[SearchRun]) -> str:
    """Return the benchmark's results as Markdown."""
    names = ["load and validate", "enrich", "render", "write docs", "mkdocs", "index (after mkdocs)"]
    lines = [
        "# Scale benchmark",
        "",
        f"`make bench` on {datetime.now(UTC):%Y-%m-%d}: {os.cpu_count()} CPU cores, Python {platform.python_version()}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, Pagefind {version('pagefind')}. "
        f"Synthetic catalogues from tests/synthetic.py; query `{QUERY}`; headless Chromium, cold cache, median of {REPEATS} tries, "
        "local server. Bytes are as served (Pagefind's index files are already compressed) and as a host "
        "gzipping every response would send them.",
        "",
        "## Build (seconds)",
        "",
        "| Papers | "
        + " | ".join(names)
        + " | `make site` (wall) | bare MkDocs, no plugins | bare Pagefind | ratio (target ≤ 1.25) |",
        "|---:|" + "---:|" * len(names) + "---:|---:|---:|---:|",
    ]
    for r in reports:
        stages = " | ".join(f"{r.stages.get(n, 0.0):.1f}" for n in names)
        lines.append(
            f"| {r.papers:,} | {stages} | {r.site_seconds:.1f} | {r.bare_mkdocs_seconds:.1f} | {r.bare_pagefind_seconds:.1f} "
            f"| {r.ratio:.2f} ({verdict(r.ratio <= TARGET_RATIO)}) |"
        )
    lines += [
        "",
        "## Size",
        "",
        "| Papers | site | of which Pagefind | median paper page | sitemap.xml | Material: bare build (s) | Material: search_index.json |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in reports:
        lines.append(
            f"| {r.papers:,} | {megabytes(r.site_bytes)} | {megabytes(r.pagefind_bytes)} | {megabytes(r.median_page_bytes)} "
            f"| {megabytes(r.sitemap_bytes)} "
            f"| {r.material_build_seconds:.1f} | {megabytes(r.material_index_bytes)} |"
        )
    lines += [
        "",
        "## Scale targets (issue #13)",
        "",
        "| Papers | peak memory, all processes (≤ 7 GB) | site (≤ 1 GB) | files (≤ 250,000) | bytes per paper, all files (≤ 10 KB) "
        "| median paper page (≤ 8 KB) | preview: edit shown (≤ 2 s) | preview: new entry shown (≤ 5 s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in reports:
        per_paper = r.site_bytes / r.papers

        lines.append(
            f"| {r.papers:,} | {r.peak_pss_bytes / 1024**3:.2f} GB ({verdict(r.peak_pss_bytes <= TARGET_PEAK_BYTES)}) "
            f"| {megabytes(r.site_bytes)} ({verdict(r.site_bytes <= TARGET_SITE_BYTES)}) "
            f"| {r.site_files:,} ({verdict(r.site_files <= TARGET_FILES)}) "
            f"| {per_paper / 1000:.1f} KB ({verdict(per_paper <= TARGET_BYTES_PER_PAPER)}) "
            f"| {r.median_page_bytes / 1000:.1f} KB ({verdict(r.median_page_bytes <= TARGET_PAGE_BYTES)}) "
            f"| {seconds(r.preview.edit, 2.0)} | {seconds(r.preview.new, 5.0)} |"
        )
    lines += ["", *preview_table(reports)]
    kinds = list(reports[0].bytes_by_kind)
    lines += [
        "",
        "## Bytes per paper, by kind of file",
        "",
        "| Papers | " + " | ".join(kinds) + " |",
        "|---:|" + "---:|" * len(kinds),
    ]
    for r in reports:
        lines.append(f"| {r.papers:,} | " + " | ".join(f"{r.bytes_by_kind[k] / r.papers:,.0f}" for k in kinds) + " |")
    lines += [
        "",
        "## Search: page load plus the first query (targets: ≤ 1 MB, and within 1.15× of the seed in this run)",
        "",
        "| Papers | what | requests | bytes served | gzipped | ms to first result | timed from | ≤ 1 MB | ≤ 1,000 ms "
        "| × seed (≤ 1.15) |",
        "|---:|---|---:|---:|---:|---:|---|---|---|---:|",
    ]
    baseline = {s.label: s.ms for s in seed}
    for papers, searches in [("seed", seed), *((f"{r.papers:,}", r.searches) for r in reports)]:
        for s in searches:
            ms = f"{s.ms:,.0f}" if s.ms is not None else "–"
            judged = s.ms is not None and not s.label.startswith("Material")
            size = (
                f"{verdict(s.served <= TARGET_BYTES)} (gzipped: {verdict(s.gzipped <= TARGET_BYTES)})"
                if judged
                else "–"
            )
            speed = verdict(s.ms <= TARGET_MS) if judged and s.ms is not None else "–"
            base_ms = baseline.get(s.label)
            ratio = (
                f"{s.ms / base_ms:.2f} ({verdict(s.ms / base_ms <= TARGET_SEARCH_RATIO)})"
                if judged and s.ms is not None and base_ms and searches is not seed
                else ("baseline" if judged and searches is seed else "–")
            )
            lines.append(
                f"| {papers} | {s.label} | {s.requests} | {megabytes(s.served)} | {megabytes(s.gzipped)} | {ms} "
                f"| {s.timed_from} | {size} | {speed} | {ratio} |"
            )
    largest = reports[-1]
    lines += [
        "",
        "## Notes",
        "",
        f"- Every page load fetches `sitemap.xml` ({megabytes(largest.sitemap_bytes)} as served at {largest.papers:,} papers): "
        "Material's instant navigation (`navigation.instant` in mkdocs.yml) reads it to decide which links it may load "
        "itself, and parses it on the main thread. The stubbed row serves an empty sitemap to show what search costs without it.",
        "- `make site` (wall) is `python -m generator build`, interpreter start included; the stages are the generator's own "
        "timings. Pagefind indexes the search documents while MkDocs builds, so *index (after mkdocs)* is only the time "
        f"it ran on after MkDocs finished. With 1,000 papers or more MkDocs runs in one process per core ({os.cpu_count()} here). "
        "The yardstick is `mkdocs build` of a bare Material site with one page per paper (title and abstract, "
        "`plugins: []`) plus `python -m pagefind` over that site, run one after the other in the same benchmark.",
        "- Material's built-in search is measured on a bare Material site of the same titles and abstracts with "
        "`plugins: [search]`, opened at `/?q=` so it searches as soon as its index is loaded.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Run the benchmark for every size, print the tables and write them to tests/bench_results.md."""
    if "--preview" in sys.argv[1:]:  # `python -m tests.bench --preview`: only the preview's latency
        return preview_only()
    reports = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-seed-") as work:
        seed = measure_seed(Path(work))
    for count in SIZES:
        with tempfile.TemporaryDirectory(prefix=f"bench-{count}-") as work:
            reports.append(measure_size(count, Path(work)))
    text = table(reports, seed) + f"\nThe benchmark took {(time.perf_counter() - started) / 60:.1f} minutes.\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    return 0


def preview_only() -> int:
    """Time the preview alone at every size and print its section (tests/bench_results.md is left as it is)."""
    reports = []
    for count in SIZES:
        with tempfile.TemporaryDirectory(prefix=f"bench-preview-{count}-") as work:
            print(f"[{count}] timing the preview", flush=True)
            report = SizeReport(count)
            report.preview = preview_latency(make_project(Path(work) / "catalogue", count))
            reports.append(report)
    print("\n".join(preview_table(reports)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
