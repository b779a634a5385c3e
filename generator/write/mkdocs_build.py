"""Run MkDocs strictly: in one process, or in several that each build a share of the generated pages.

MkDocs builds one page at a time. With thousands of papers, each process builds every n-th page
that is not in the nav (papers, tags, entities, dates, authors); the first also builds the nav's
pages and copies the assets. Such a page depends only on its own Markdown, the nav and the
config, so the shares are byte-identical to the pages one process would build (a test compares them).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key, set_exclusions

from generator.shares import frozen_heap
from generator.write.errors import BuildFailed
from generator.write.fastpath import FastPath, NoOptions, out_of_nav

# mkdocs.yml names the same hooks (relative to itself) for plain `mkdocs build`; our build and preview
# pass their absolute paths instead, so a config copied without generator/ beside it still builds.
HOOKS = [str(Path(__file__).with_name(name)) for name in ("sanitise.py", "tabs.py", "whitespace.py", "fastpath.py")]
# A paper's docs page is papers/<slug>.md (render/views.py: page_path); papers/index.md lists them.
PAPER_PAGE = re.compile(r"papers/(?!index\.md$)[^/]+\.md")
# Below this many papers per process, starting a process costs more than it saves.
PAPERS_PER_PROCESS = 500
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
    """Limit a build to share `part` of `parts`: every `parts`-th page not in the nav, plus the rest in part 0."""

    def __init__(self, part: int, parts: int) -> None:
        super().__init__()
        self.part, self.parts = part, parts
        self.built: list[str] = []  # where this share's pages not in the nav go, under site_dir

    @event_priority(50)  # before FastPath's, which then makes pages of this share's files only
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        shared = sorted(out_of_nav(files, config), key=lambda f: f.src_uri)
        mine = shared[self.part :: self.parts]
        self.built = [f.dest_uri for f in mine]
        # Excluded before the nav is built, so no process makes a Page of another's; the excluded pages are
        # out of the nav, so every part's nav is the whole site's. Static files only in part 0.
        dropped = {f.src_uri for f in shared} - {f.src_uri for f in mine}
        for file in files:
            if file.src_uri in dropped or (self.part and not file.is_documentation_page()):
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
    part: int = 0,
    parts: int = 1,
    docs: Mapping[str, str] | None = None,
) -> list[str]:
    """Run a strict MkDocs build of share `part` of `parts` from `docs_dir` (or `docs`, in memory, with `docs_dir`
    empty) into `site_dir`; return where the share's pages not in the nav went, relative to `site_dir` (nothing
    for a whole build)."""
    mkdocs_logging(logging.WARNING)
    share = PageShare(part, parts)
    try:
        config = site_config(config_file, docs_dir, site_dir, strict=True)
        if docs is not None:
            config.plugins["catalogue-docs-in-memory"] = DocsInMemory(docs)
        if parts > 1:
            config.plugins["catalogue-page-share"] = share
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildFailed(f"MkDocs: {exc}") from None
    return share.built


_docs: Mapping[str, str] | None = None  # the docs of the build in parts in progress, inherited by its forked processes


def _forked_build(config_file: Path, docs_dir: Path, site_dir: Path, part: int, parts: int) -> list[str]:
    return build(config_file, docs_dir, site_dir, part, parts, _docs)


def build_in_parts(
    config_file: Path, docs_dir: Path, site_dir: Path, parts: int, docs: Mapping[str, str] | None = None
) -> None:
    """Build the site into `site_dir` with `parts` processes, then gather their pages there (`docs`: see build)."""
    global _docs
    if parts <= 1:
        build(config_file, docs_dir, site_dir, docs=docs)
        return
    shares = [site_dir.with_name(f"{site_dir.name}-part{part}") for part in range(1, parts)]
    _docs = docs
    try:
        # Forked, not spawned: the processes start with MkDocs and the theme imported, and the docs in memory.
        with frozen_heap(), ProcessPoolExecutor(parts - 1, mp_context=get_context("fork")) as pool:
            others = [
                pool.submit(_forked_build, config_file, docs_dir, share, part, parts)
                for part, share in enumerate(shares, 1)
            ]
            build(config_file, docs_dir, site_dir, 0, parts, docs)
            try:
                built = [other.result() for other in others]
            except BrokenProcessPool as exc:
                raise BuildFailed(f"a process building part of the site ended abruptly: {exc}") from None
    finally:
        _docs = None
    for share, pages in zip(shares, built, strict=True):
        for page in pages:
            destination = site_dir / page
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(share / page, destination)
