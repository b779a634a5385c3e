"""Build the site into a temporary folder, MkDocs and Pagefind side by side, then swap it into place."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.timings import Timings
from generator.write.docs import write_docs
from generator.write.errors import BuildFailed
from generator.write.mkdocs_build import PAPER_PAGE, build_in_parts, processes_for
from generator.write.search_index import PAGES, SORTS, UnexpectedIndex, make_reproducible
from generator.write.search_shards import (
    ShardMismatch,
    catalogue_positions,
    prune_shard,
    read_sort_values,
    shard_folder,
    sharded,
    spread_sorts,
    write_manifest,
)

PROTECTED = ("site_src", "generator", "theme", "tests", ".github", ".ci", ".git", ".venv", ".build")
# Written into every site the build publishes: only a folder holding it is ever replaced.
MARKER = ".generator-site"
MARKER_TEXT = "Built by `python -m generator build`, which replaces this folder only while this file is in it.\n"
LOCK = "build.lock"


def check_site_dir(root: Path, site_dir: Path, confined: bool = True) -> Path:
    """Return where the site goes, refusing the project, its sources, symlinks and folders the build did not make.

    `confined` (site_dir from mkdocs.yml, which a pull request can change) also keeps it inside the project;
    a --site-dir typed on the command line may point anywhere else.
    """
    root = root.resolve()
    target = Path(os.path.normpath(root / site_dir))
    if target == root or target in root.parents:
        raise BuildFailed(f"site_dir {site_dir} would replace the project itself; use a folder such as 'site'")
    if confined and root not in target.parents:
        raise BuildFailed(f"site_dir {site_dir} is outside the project; use a folder inside it, such as 'site'")
    if confined and target.parent.resolve() != target.parent:
        raise BuildFailed(f"site_dir {site_dir} passes through a symbolic link; use a plain folder such as 'site'")
    target = target.parent.resolve() / target.name
    for name in PROTECTED:
        guarded = root / name
        if target == guarded or guarded in target.parents:
            raise BuildFailed(f"site_dir {site_dir} is inside {name}/, which the build must never write to")
    if target.is_symlink():
        raise BuildFailed(f"{target.name} is a symbolic link, which the build never follows; remove the link")
    if target.exists() and not target.is_dir():
        raise BuildFailed(f"{target.name} is not a folder; move it away so the build can create the site there")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise BuildFailed(
            f"{target} was not made by this build (no {MARKER} in it), so it is never replaced; move it away"
        )
    # Checked up front: the old site is removed after the swap, and a folder that refuses it would be stranded.
    if target.is_dir() and not _removable(target):
        raise BuildFailed(f"{target} is read-only, so it cannot be replaced; make it writable (chmod -R u+w)")
    return target


class Indexing:
    """Pagefind over the search documents, one run per shard in turn (search_shards.py), writing its
    bundle while MkDocs builds. `documents` holds one folder per shard: `0/`, `1/`, ..."""

    def __init__(self, documents: Path, bundle: Path, log: Path) -> None:
        self.bundle = bundle
        self._documents = documents
        self._sorts: list[list[dict[str, str]]] | None = None  # each shard's sort values, read once indexed
        self._shards = sorted((p for p in documents.iterdir() if p.is_dir()), key=lambda p: int(p.name))
        self._log_path = log
        self._log = log.open("w", encoding="utf-8")
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._stopped = False
        self._code = 0
        # One run at a time: their memory never adds up, and MkDocs keeps the other core.
        self._runs = threading.Thread(target=self._index_shards, daemon=True)
        self._runs.start()

    def _index_shards(self) -> None:
        for n, folder in enumerate(self._shards):
            output = self.bundle / shard_folder(n)
            command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path", str(output), "--quiet"]
            with self._lock:
                if self._stopped:
                    return
                self._process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)
            self._code = self._process.wait()
            if self._code != 0:
                return
        # What finish() needs from the documents is read now, and they are removed while MkDocs builds: at
        # 10k papers they are 10k files in as many folders, whose removal otherwise waits for the end.
        self._sorts = [read_sort_values(folder) for folder in self._shards]
        shutil.rmtree(self._documents, ignore_errors=True)

    def finish(self) -> None:
        """Wait for Pagefind, merge the shards' sort orders and make the bundle reproducible; raise BuildFailed if it failed."""
        self._runs.join()
        self._log.close()
        if self._code != 0:
            output = self._log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
            raise BuildFailed("Pagefind could not index the site: " + " ".join(output))
        if self._sorts is None:
            raise BuildFailed("the search documents could not be read back after indexing; see the error above")
        try:
            positions = catalogue_positions(self._sorts)
            for n, shard_positions in enumerate(positions):
                if n:
                    prune_shard(self.bundle / shard_folder(n))
                spreading = _spreading(shard_positions) if len(positions) > 1 else None
                make_reproducible(self.bundle / shard_folder(n), spreading)
        except (UnexpectedIndex, ShardMismatch) as exc:
            raise BuildFailed(f"Pagefind's index could not be made reproducible: {exc}") from None
        write_manifest(self.bundle, len(self._shards))

    def stop(self) -> None:
        """End Pagefind early, when the build has already failed."""
        with self._lock:
            self._stopped = True
            if self._process:
                self._process.kill()
        self._runs.join()
        self._log.close()


def _spreading(positions: dict[str, list[int]]) -> Callable[[list[Any]], None]:
    """Return what moves a shard's sorted pages to their catalogue-wide positions in its metadata record."""

    def spread(meta: list[Any]) -> None:
        if len(meta) > SORTS and isinstance(meta[SORTS], list):
            meta[SORTS] = spread_sorts(meta[SORTS], positions, gap=len(meta[PAGES]))

    return spread


class Publication:
    """One build, holding the project's build lock: Pagefind indexes the search documents as soon as
    they are written, MkDocs builds the docs meanwhile into a folder beside `site_dir` (so the swap
    is a rename on one filesystem), and the result replaces `site_dir` only if everything worked.
    Use it as a context manager; leaving it, early or not, stops Pagefind and removes what it made."""

    def __init__(self, root: Path, config_file: Path, site_dir: Path, timings: Timings, confined: bool = True) -> None:
        self._target = check_site_dir(root, site_dir, confined)
        self._config_file = config_file
        self._timings = timings
        self._indexing: Indexing | None = None
        self._stack = contextlib.ExitStack()
        try:
            (root / ".build").mkdir(exist_ok=True)
            self._stack.enter_context(build_lock(root / ".build" / LOCK))
            self._tmp = Path(
                self._stack.enter_context(tempfile.TemporaryDirectory(dir=root / ".build", prefix="build-"))
            )
            self._target.parent.mkdir(parents=True, exist_ok=True)
            _remove_stranded(root / ".build", "build-")
            _remove_stranded(self._target.parent, f".{self._target.name}.new-")
            beside = tempfile.TemporaryDirectory(
                dir=self._target.parent, prefix=f".{self._target.name}.new-", ignore_cleanup_errors=True
            )
            self._beside = Path(self._stack.enter_context(beside))
        except OSError as exc:
            self._stack.close()
            raise BuildFailed(f"could not prepare the build: {_reason(exc)}") from None

    def __enter__(self) -> Publication:
        return self

    def __exit__(self, *_: object) -> None:
        if self._indexing:
            self._indexing.stop()
        self._stack.close()

    def index(self, documents: dict[str, str]) -> None:
        """Write the search documents and start Pagefind on them."""
        started = time.perf_counter()
        _writing(write_docs, sharded(documents), self._tmp / "search")
        self._timings.record("write docs", started)
        # An empty catalogue has nothing to search, and Pagefind refuses to build an empty index.
        if documents:
            self._indexing = Indexing(self._tmp / "search", self._tmp / "pagefind", self._tmp / "pagefind.log")

    def build(self, docs: dict[str, str]) -> None:
        """Build `docs` with MkDocs, add Pagefind's bundle, and swap the site into place."""
        built = self._beside / "site"
        started = time.perf_counter()
        papers = sum(1 for name in docs if PAPER_PAGE.fullmatch(name))
        # MkDocs reads the docs from memory (`generator render --out` writes the same files for a plain build).
        _writing((self._tmp / "docs").mkdir)
        _writing(build_in_parts, self._config_file, self._tmp / "docs", built, processes_for(papers), docs)
        self._timings.record("mkdocs", started)
        started = time.perf_counter()
        if self._indexing:
            indexing, self._indexing = self._indexing, None
            indexing.finish()
            _writing(shutil.move, str(indexing.bundle), str(built / "pagefind"))
        _writing((built / MARKER).write_text, MARKER_TEXT, encoding="utf-8")
        self._timings.record("index (after mkdocs)", started)
        swap(built, self._target, self._beside / "old")


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold the project's build lock, refusing at once if another build holds it."""
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildFailed(
                "another build of this project is running (it holds .build/build.lock); wait for it to finish"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stranded(folder: Path, prefix: str) -> None:
    """Remove what a build that was killed left behind; holding the lock, no other build is using it."""
    for stale in folder.glob(prefix + "*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)


def _writing(action: Callable[..., object], *args: object, **kwargs: object) -> None:
    """Run one step that writes files, turning a full disk or a refused write into BuildFailed."""
    try:
        action(*args, **kwargs)
    except OSError as exc:
        raise BuildFailed(f"could not write the new site: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    return f"{exc.strerror or exc} ({exc.filename})" if exc.filename else str(exc.strerror or exc)


def _removable(folder: Path) -> bool:
    """Return True when every folder under `folder` lets its entries be deleted."""
    return all(os.access(path, os.W_OK | os.X_OK) for path in [folder, *(p for p in folder.rglob("*") if p.is_dir())])


def swap(built: Path, target: Path, old: Path) -> None:
    """Replace `target` with `built` by two renames on one filesystem; on any failure `target` stays whole.

    `old` is a free name beside `built`, inside the folder the build made: the previous site is
    renamed there, and removed with that folder.
    """
    try:
        if target.exists():
            os.rename(target, old)
    except OSError as exc:
        raise BuildFailed(f"could not move the previous site aside: {_reason(exc)}") from None
    try:
        os.rename(built, target)
    except OSError as exc:
        if old.exists():
            os.rename(old, target)
        raise BuildFailed(f"could not move the new site into place: {_reason(exc)}") from None
