"""Run MkDocs strictly: in one process, or in parts that each build a share of the generated pages.

MkDocs builds one page at a time, but holds every page it builds until its build ends. With thousands
of papers the pages not in the nav (papers, tags, entities, dates, authors) are shared out among parts
of at most PAGES_PER_PART pages, which a process per core builds in turn; every part also builds the
nav's pages, and the first copies the assets. Each part is handed only its own docs, so a forked
process never touches (and so never copies) another part's. Such a page depends only on its own
Markdown, the nav and the config, so the parts' pages are byte-identical to the pages one process
would build (a test compares them).
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key, set_exclusions

from generator.shares import ShareLost, run_shared
from generator.write.errors import BuildFailed
from generator.write.fastpath import FastPath, NoOptions, out_of_nav

# mkdocs.yml names the same hooks (relative to itself) for plain `mkdocs build`; our build and preview
# pass their absolute paths instead, so a config copied without generator/ beside it still builds.
HOOKS = [str(Path(__file__).with_name(name)) for name in ("sanitise.py", "tabs.py", "whitespace.py", "fastpath.py")]
# A paper's docs page is papers/<slug>.md (render/views.py: page_path); papers/index.md lists them.
PAPER_PAGE = re.compile(r"papers/(?!index\.md$)[^/]+\.md")
# Below this many papers per process, starting a process costs more than it saves.
PAPERS_PER_PROCESS = 500
# A part's MkDocs holds this many pages at most: at 100,000 papers (245,000 pages) on 2 cores, 10 parts.
PAGES_PER_PART = 30_000
MAX_PROCESSES = 8


def mkdocs_logging(level: int) -> None:
    """Print MkDocs' log records from `level` up, once, on stderr."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False


def processes_for(papers: int) -> int:
    """Return how many processes should build a site of `papers` paper pages on this machine."""
    return max(1, min(os.cpu_count() or 1, MAX_PROCESSES, papers // PAPERS_PER_PROCESS))


# mkdocs leaves BasePlugin.__init_subclass__ unannotated, so mypy calls defining a subclass an untyped call.
class PageShare(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]
    """Note where the pages of share `part` not in the nav go; the first part alone copies the static files."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part
        self.built: list[str] = []  # where this share's pages not in the nav go, under site_dir

    @event_priority(50)  # after DocsInMemory's, which hands MkDocs this part's docs only
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.built = [f.dest_uri for f in out_of_nav(files, config)]
        if self.part:
            for file in files:
                if not file.is_documentation_page():
                    file.inclusion = InclusionLevel.EXCLUDED
        return files


class DocsInMemory(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]
    """Hand MkDocs the rendered docs from memory, as it lists a docs folder holding them: in its order, each
    docs file in place of a theme file at the same path; the docs never go to disk and back."""

    def __init__(self, docs: Mapping[str, str]) -> None:
        super().__init__()
        self.docs = docs

    @event_priority(100)  # before every other plugin sees the files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        made = [File.generated(config, name, content=text) for name, text in self.docs.items()]
        set_exclusions(made, config)
        made.sort(key=file_sort_key)
        return Files([*made, *(file for file in files if file.src_uri not in self.docs)])


def site_config(config_file: Path, docs_dir: Path, site_dir: Path, **options: Any) -> MkDocsConfig:
    """Load mkdocs.yml for a build of ours (production or preview): our hooks by absolute path, and the fast path."""
    config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), hooks=HOOKS, **options)
    config.plugins["catalogue-fast-path"] = FastPath()
    return config


def build(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    docs: Mapping[str, str] | None = None,
    part: int | None = None,
) -> list[str]:
    """Run a strict MkDocs build from `docs_dir` (or `docs`, in memory, with `docs_dir` empty) into `site_dir`:
    the whole site, or share `part` of a build in parts (see split_docs); return where the share's pages not
    in the nav went, relative to `site_dir` (nothing for a whole build)."""
    mkdocs_logging(logging.WARNING)
    share = PageShare(part or 0)
    try:
        config = site_config(config_file, docs_dir, site_dir, strict=True)
        if docs is not None:
            config.plugins["catalogue-docs-in-memory"] = DocsInMemory(docs)
        if part is not None:
            config.plugins["catalogue-page-share"] = share
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildFailed(f"MkDocs: {exc}") from None
    return share.built


def split_docs(
    config: MkDocsConfig, docs: Mapping[str, str], processes: int, per_part: int = PAGES_PER_PART
) -> list[dict[str, str]]:
    """Return the docs of each part of a build in parts: every `parts`-th page not in the nav, with as many parts
    for each process and at most `per_part` such pages in each, and every other page. The files that are not
    pages the first part copies; the rest hold them empty (PageShare leaves them out), so links to them resolve
    without their text being touched."""
    files = Files([File(name, config.docs_dir, config.site_dir, config.use_directory_urls) for name in docs])
    set_exclusions(files, config)
    shared = sorted(file.src_uri for file in out_of_nav(files, config))
    parts = processes * max(1, math.ceil(len(shared) / (per_part * processes)))  # as many parts for each process
    each = set(shared)
    pages = [file.src_uri for file in files if file.is_documentation_page() and file.src_uri not in each]
    others = [file.src_uri for file in files if not file.is_documentation_page()]
    return [
        {name: docs[name] for name in (*shared[part::parts], *pages)}
        | {name: docs[name] if part == 0 else "" for name in others}
        for part in range(parts)
    ]


def build_in_parts(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    processes: int,
    docs: Mapping[str, str],
    per_part: int = PAGES_PER_PART,
) -> None:
    """Build the site of `docs` into `site_dir` in parts (split_docs) on `processes` processes, this one among
    them, then gather their pages there (`docs_dir`: see build)."""
    if processes <= 1 and len(docs) <= per_part:
        build(config_file, docs_dir, site_dir, docs)
        return
    parts = split_docs(site_config(config_file, docs_dir, site_dir), docs, processes, per_part)
    shares = [site_dir, *(site_dir.with_name(f"{site_dir.name}-part{part}") for part in range(1, len(parts)))]
    jobs = [
        partial(build, config_file, docs_dir, share, part_docs, part)
        for part, (share, part_docs) in enumerate(zip(shares, parts, strict=True))
    ]
    try:
        # Forked, not spawned: the processes start with MkDocs and the theme imported, and the docs in memory;
        # this one builds every `processes`-th part, the first (into site_dir) among them.
        built = run_shared(jobs, processes, chunk=1)
    except ShareLost as exc:
        raise BuildFailed(str(exc)) from None
    for share, pages in list(zip(shares, built, strict=True))[1:]:
        for page in pages:
            destination = site_dir / page
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(share / page, destination)
