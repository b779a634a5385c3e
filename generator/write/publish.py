"""Build the site into a temporary folder: MkDocs and Pagefind side by side, then swap it into place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.write.docs import write_docs
from generator.write.errors import BuildFailed
from generator.write.mkdocs_build import PAPER_PAGE, build_in_parts, processes_for
from generator.write.search_index import UnexpectedIndex, make_reproducible

PROTECTED = ("site_src", "generator", "theme", "tests", ".github", ".ci", ".git", ".venv")

@dataclass(frozen=True)
class Rendered:
    """A rendered catalogue: the MkDocs docs folder, and the documents Pagefind indexes."""

    docs: dict[str, str]
    search: dict[str, str]


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


def publish(rendered: Rendered, root: Path, config_file: Path, site_dir: Path, timings: Timings) -> None:
    """Build `rendered` into a complete site and move it to `site_dir` only if every step worked."""
    target = check_site_dir(root, site_dir)
    work = root / ".build"
    work.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work, prefix="build-") as tmp:
        docs, documents, built = Path(tmp) / "docs", Path(tmp) / "search", Path(tmp) / "site"
        started = time.perf_counter()
        write_docs(rendered.docs, docs)
        write_docs(rendered.search, documents)
        timings.record("write docs", started)
        # An empty catalogue has nothing to search, and Pagefind refuses to build an empty index.
        indexing = Indexing(documents, Path(tmp) / "pagefind", Path(tmp) / "pagefind.log") if rendered.search else None
        started = time.perf_counter()
        try:
            papers = sum(1 for name in rendered.docs if PAPER_PAGE.fullmatch(name))
            build_in_parts(config_file, docs, built, processes_for(papers))
        except BaseException:
            if indexing:
                indexing.stop()
            raise
        timings.record("mkdocs", started)
        started = time.perf_counter()
        if indexing:
            indexing.finish()
            os.replace(indexing.bundle, built / "pagefind")
        timings.record("index (after mkdocs)", started)
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
