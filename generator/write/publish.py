"""Build the site with MkDocs into a temporary folder, then swap it into place."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.write.docs import write_docs
from generator.write.search_index import UnexpectedIndex, make_reproducible

# Only paper pages are searchable; theme/main.html marks their content as Pagefind's index body.
PAPER_PAGES = "papers/*/index.html"
PROTECTED = ("site_src", "generator", "theme", "tests", ".github", ".ci", ".git", ".venv")


# Kept out of mkdocs.yml so the file stays standard (and portable to Zensical); both our build and
# our preview server pass it in.
HOOKS = [str(Path(__file__).with_name("sanitise.py"))]


class BuildFailed(Exception):
    """The site could not be built; the previous site is untouched."""


@dataclass
class Timings:
    """Seconds spent in each stage of a build."""

    stages: dict[str, float] = field(default_factory=dict)

    def record(self, stage: str, started: float) -> None:
        self.stages[stage] = round(time.perf_counter() - started, 3)


def check_site_dir(root: Path, site_dir: Path) -> Path:
    """Return `site_dir` resolved, refusing the project root, its parents and tracked folders."""
    root, target = root.resolve(), site_dir.resolve()
    if target == root or target in root.parents:
        raise BuildFailed(f"site_dir {site_dir} would replace the project itself; use a folder such as 'site'")
    for name in PROTECTED:
        guarded = root / name
        if target == guarded or guarded in target.parents:
            raise BuildFailed(f"site_dir {site_dir} is inside {name}/, which the build must never write to")
    return target


def mkdocs_logging(level: int) -> None:
    """Print MkDocs' log records from `level` up, once, on stderr."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path) -> None:
    """Run a strict MkDocs build from `docs_dir` into `site_dir`."""
    mkdocs_logging(logging.WARNING)
    try:
        config = load_config(
            str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True, hooks=HOOKS
        )
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildFailed(f"MkDocs: {exc}") from None


def run_pagefind(site_dir: Path) -> None:
    """Write Pagefind's search index of the paper pages into `site_dir/pagefind/`."""
    if not any(site_dir.glob(PAPER_PAGES)):
        return  # an empty catalogue has nothing to search, and Pagefind refuses to build an empty index
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", PAPER_PAGES, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise BuildFailed("Pagefind could not index the site: " + " ".join(output))
    try:
        make_reproducible(site_dir / "pagefind")
    except UnexpectedIndex as exc:
        raise BuildFailed(f"Pagefind's index could not be made reproducible: {exc}") from None


def publish(files: dict[str, str], root: Path, config_file: Path, site_dir: Path, timings: Timings) -> None:
    """Build `files` into a complete site and move it to `site_dir` only if every step worked."""
    target = check_site_dir(root, site_dir)
    work = root / ".build"
    work.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work, prefix="build-") as tmp:
        docs, built = Path(tmp) / "docs", Path(tmp) / "site"
        started = time.perf_counter()
        write_docs(files, docs)
        timings.record("write docs", started)
        started = time.perf_counter()
        run_mkdocs(config_file, docs, built)
        timings.record("mkdocs", started)
        started = time.perf_counter()
        run_pagefind(built)
        timings.record("index", started)
        _swap(built, target)


def _swap(built: Path, target: Path) -> None:
    """Replace `target` with `built` by renames, so no reader sees a half-written site."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        shutil.move(str(built), str(target))
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
