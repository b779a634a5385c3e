"""Run MkDocs strictly: in one process, or in several that each build a share of the paper pages.

MkDocs builds one page at a time. With thousands of papers, each extra process builds every
n-th paper page; the first also builds every other page and copies the assets. A paper page
depends only on its own Markdown, the nav and the config, so the shares are byte-identical to
the pages one process would build (a test compares them).
"""

from __future__ import annotations

import logging
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.write.errors import BuildFailed

# mkdocs.yml names the same hooks (relative to itself) for plain `mkdocs build`; our build and preview
# pass their absolute paths instead, so a config copied without generator/ beside it still builds.
HOOKS = [str(Path(__file__).with_name(name)) for name in ("sanitise.py", "tabs.py", "whitespace.py")]
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


# mkdocs leaves Config.__init_subclass__ and BasePlugin.__init_subclass__ unannotated, so mypy calls
# defining a subclass of either an untyped call.
class NoOptions(Config):  # type: ignore[no-untyped-call]
    """The options PaperShare reads from mkdocs.yml: none (it is set up in code, never listed there)."""


class PaperShare(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]
    """Limit a build to share `part` of `parts`: every `parts`-th paper page, plus the rest in part 0."""

    def __init__(self, part: int, parts: int) -> None:
        super().__init__()
        self.part, self.parts = part, parts

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        papers = sorted(f.src_uri for f in files if PAPER_PAGE.fullmatch(f.src_uri))
        mine = set(papers[self.part :: self.parts])
        for file in files:
            if not self._builds(file, mine):
                file.inclusion = InclusionLevel.EXCLUDED
        return files

    def _builds(self, file: File, mine: set[str]) -> bool:
        if PAPER_PAGE.fullmatch(file.src_uri):
            return file.src_uri in mine
        # Other parts still build the nav's pages (a few), so every page's nav reads as in one build.
        return self.part == 0 or (file.is_documentation_page() and file.inclusion == InclusionLevel.INCLUDED)


def build(config_file: Path, docs_dir: Path, site_dir: Path, part: int = 0, parts: int = 1) -> None:
    """Run a strict MkDocs build of share `part` of `parts` from `docs_dir` into `site_dir`."""
    mkdocs_logging(logging.WARNING)
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True, hooks=HOOKS)
        if parts > 1:
            config.plugins["catalogue-paper-share"] = PaperShare(part, parts)
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildFailed(f"MkDocs: {exc}") from None


def build_in_parts(config_file: Path, docs_dir: Path, site_dir: Path, parts: int) -> None:
    """Build the site into `site_dir` with `parts` processes, then gather their paper pages there."""
    if parts <= 1:
        build(config_file, docs_dir, site_dir)
        return
    shares = [site_dir.with_name(f"{site_dir.name}-part{part}") for part in range(1, parts)]
    with ProcessPoolExecutor(parts - 1, mp_context=get_context("spawn")) as pool:
        others = [pool.submit(build, config_file, docs_dir, share, part, parts) for part, share in enumerate(shares, 1)]
        build(config_file, docs_dir, site_dir, 0, parts)
        try:
            for other in others:
                other.result()
        except BrokenProcessPool as exc:
            raise BuildFailed(f"a process building part of the site ended abruptly: {exc}") from None
    for share in shares:
        for page in (share / "papers").glob("*/index.html"):
            destination = site_dir / page.relative_to(share)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(page, destination)
