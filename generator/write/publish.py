"""Build the site into a temporary folder, MkDocs and Pagefind side by side, then swap it into place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.timings import Timings
from generator.write.docs import write_docs
from generator.write.errors import BuildFailed
from generator.write.mkdocs_build import PAPER_PAGE, build_in_parts, processes_for
from generator.write.search_index import UnexpectedIndex, make_reproducible

PROTECTED = ("site_src", "generator", "theme", "tests", ".github", ".ci", ".git", ".venv")


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


class Indexing:
    """A Pagefind run over the search documents, writing its bundle while MkDocs builds."""

    def __init__(self, documents: Path, bundle: Path, log: Path) -> None:
        self.bundle = bundle
        self._log_path = log
        self._log = log.open("w", encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(bundle), "--quiet"]
        self._process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)

    def finish(self) -> None:
        """Wait for Pagefind and make its bundle reproducible; raise BuildFailed if it failed."""
        code = self._process.wait()
        self._log.close()
        if code != 0:
            output = self._log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
            raise BuildFailed("Pagefind could not index the site: " + " ".join(output))
        try:
            make_reproducible(self.bundle)
        except UnexpectedIndex as exc:
            raise BuildFailed(f"Pagefind's index could not be made reproducible: {exc}") from None

    def stop(self) -> None:
        """End Pagefind early, when the build has already failed."""
        self._process.kill()
        self._process.wait()
        self._log.close()


class Publication:
    """One build in a temporary folder under `.build/`: Pagefind indexes the search documents as
    soon as they are written, MkDocs builds the docs meanwhile, and the result replaces `site_dir`
    only if both worked. Use it as a context manager; leaving it early stops Pagefind."""

    def __init__(self, root: Path, config_file: Path, site_dir: Path, timings: Timings) -> None:
        self._target = check_site_dir(root, site_dir)
        self._config_file = config_file
        self._timings = timings
        (root / ".build").mkdir(exist_ok=True)
        self._folder = tempfile.TemporaryDirectory(dir=root / ".build", prefix="build-")
        self._tmp = Path(self._folder.name)
        self._indexing: Indexing | None = None

    def __enter__(self) -> Publication:
        return self

    def __exit__(self, *_: object) -> None:
        if self._indexing:
            self._indexing.stop()
        self._folder.cleanup()

    def index(self, documents: dict[str, str]) -> None:
        """Write the search documents and start Pagefind on them."""
        started = time.perf_counter()
        write_docs(documents, self._tmp / "search")
        self._timings.record("write docs", started)
        # An empty catalogue has nothing to search, and Pagefind refuses to build an empty index.
        if documents:
            self._indexing = Indexing(self._tmp / "search", self._tmp / "pagefind", self._tmp / "pagefind.log")

    def build(self, docs: dict[str, str]) -> None:
        """Build `docs` with MkDocs, add Pagefind's bundle, and swap the site into place."""
        built = self._tmp / "site"
        started = time.perf_counter()
        write_docs(docs, self._tmp / "docs")
        self._timings.record("write docs", started)
        started = time.perf_counter()
        papers = sum(1 for name in docs if PAPER_PAGE.fullmatch(name))
        build_in_parts(self._config_file, self._tmp / "docs", built, processes_for(papers))
        self._timings.record("mkdocs", started)
        started = time.perf_counter()
        if self._indexing:
            indexing, self._indexing = self._indexing, None
            indexing.finish()
            os.replace(indexing.bundle, built / "pagefind")
        self._timings.record("index (after mkdocs)", started)
        _swap(built, self._target)


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
