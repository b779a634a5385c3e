"""Publishing: the build replaces only a site it made, inside the project, atomically and one build at a time."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import mkdocs.utils
import pytest

from generator.cli import main
from generator.write import publish
from generator.write.errors import BuildFailed
from generator.write.publish import MARKER, check_site_dir
from tests.conftest import REPO, Project, entry, make_project


def digest(folder: Path) -> dict[str, str]:
    """Return every file under `folder` with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(project: Project) -> int:
    return main(["--root", str(project.root), "build"])


def leftovers(project: Project) -> list[str]:
    """Return what a build may have stranded: folders beside site/ and temporary folders in .build/."""
    beside = [p.name for p in project.root.iterdir() if p.name.startswith(".site")]
    inside = [p.name for p in (project.root / ".build").iterdir() if p.name != publish.LOCK]
    return sorted(beside + inside)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with a site built by the generator (built once, copied by `built`)."""
    project = make_project(tmp_path_factory.mktemp("published") / "project")
    project.add("good", entry())
    assert build(project) == 0
    return project.root


@pytest.fixture
def built(built_once: Path, tmp_path: Path) -> Project:
    """A fresh copy of `built_once`: its site is the previous site the next build must keep whole on failure."""
    root = tmp_path / "project"
    shutil.copytree(built_once, root, symlinks=True)
    return Project(root)


def test_a_site_symlink_is_refused_and_what_it_points_to_is_untouched(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("mine")
    (project.root / "site").symlink_to(elsewhere)
    project.add("good", entry())
    assert build(project) == 1
    assert "site is a symbolic link, which the build never follows" in capsys.readouterr().out
    assert digest(elsewhere) == {"notes.txt": hashlib.sha256(b"mine").hexdigest()}


def test_a_site_that_is_a_file_is_refused(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (project.root / "site").write_text("not a folder")
    assert build(project) == 1
    assert "site is not a folder" in capsys.readouterr().out
    assert (project.root / "site").read_text() == "not a folder"


@pytest.mark.parametrize("outside", ["../elsewhere", "{tmp}/absolute", "site/../../elsewhere"])
def test_site_dir_outside_the_project_is_refused(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], outside: str
) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_dir: site", f"site_dir: {outside.format(tmp=tmp_path)}"))
    project.add("good", entry())
    assert build(project) == 1
    assert "is outside the project" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def test_site_dir_through_a_symlinked_folder_is_refused(project: Project, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (project.root / "out").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(BuildFailed, match="passes through a symbolic link"):
        check_site_dir(project.root, Path("out/site"))


@pytest.mark.slow
def test_a_folder_the_build_did_not_make_is_never_replaced(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.write("site/notes.txt", "mine")
    project.add("good", entry())
    assert build(project) == 1
    assert f"was not made by this build (no {MARKER} in it)" in capsys.readouterr().out
    assert digest(project.root / "site") == {"notes.txt": hashlib.sha256(b"mine").hexdigest()}
    (project.root / "site" / "notes.txt").unlink()
    assert build(project) == 0  # an empty folder holds nothing to lose
    assert (project.root / "site" / MARKER).is_file()


def test_a_site_symlink_is_ignored_by_git(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(REPO / ".gitignore", tmp_path / ".gitignore")
    (tmp_path / "target").mkdir()
    (tmp_path / "site").symlink_to(tmp_path / "target")
    ignored = subprocess.run(["git", "check-ignore", "site"], cwd=tmp_path, capture_output=True, text=True)
    assert ignored.stdout.strip() == "site"


def _fail_writes_after(count: int, original: Callable[..., Any]) -> Callable[..., Any]:
    written = 0

    def write(*args: Any, **kwargs: Any) -> Any:
        nonlocal written
        written += 1
        if written > count:
            raise OSError(errno.ENOSPC, "No space left on device", str(args[1]))
        return original(*args, **kwargs)

    return write


@pytest.mark.slow
def test_a_full_disk_leaves_the_old_site_whole_and_nothing_stranded(
    built: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(built.root / "site")
    built.add("second", entry(title="Segmenting Salient Things"))
    monkeypatch.setattr(mkdocs.utils, "write_file", _fail_writes_after(3, mkdocs.utils.write_file))
    assert build(built) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("error: could not write the new site: No space left on device")
    assert out[0].endswith("; the previous site is unchanged")
    assert digest(built.root / "site") == before
    assert leftovers(built) == []


@pytest.mark.slow
def test_a_failed_rename_into_place_puts_the_old_site_back(
    built: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(built.root / "site")
    target = built.root / "site"
    rename = os.rename

    def refuse_into_site(source: Any, destination: Any) -> None:
        if Path(destination) == target and Path(source).name == "site":  # the new site, not the old one put back
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(source))
        rename(source, destination)

    monkeypatch.setattr(os, "rename", refuse_into_site)
    assert build(built) == 1
    assert "could not move the new site into place: Invalid cross-device link" in capsys.readouterr().out
    monkeypatch.undo()
    assert digest(target) == before
    assert leftovers(built) == []


@pytest.fixture
def permissions_as_for_a_user(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make os.access answer by the mode bits even for root, as it does for the users who build the site."""

    def access(path: Any, mode: int) -> bool:
        bits = os.stat(path).st_mode
        return not (mode & os.W_OK and not bits & stat.S_IWUSR)

    monkeypatch.setattr(os, "access", access)
    yield


@pytest.mark.slow
def test_a_read_only_site_is_left_whole_with_one_line_and_exit_1(
    built: Project, capsys: pytest.CaptureFixture[str], permissions_as_for_a_user: None
) -> None:
    site = built.root / "site"
    before = digest(site)
    folders = [site, *(p for p in site.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        assert build(built) == 1
    finally:
        for folder in folders:
            folder.chmod(0o755)
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "is read-only, so it cannot be replaced" in out[0]
    assert digest(site) == before
    assert leftovers(built) == []


def test_a_read_only_project_root_gives_one_line_and_exit_1(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project.add("good", entry())
    mkdir = os.mkdir

    def read_only(path: Any, *args: Any, **kwargs: Any) -> None:
        if project.root in Path(path).parents:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", read_only)
    assert build(project) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"error: could not prepare the build: Read-only file system ({project.root / '.build'}); "
        "the previous site is unchanged"
    ]


@pytest.mark.slow
def test_a_second_concurrent_build_refuses_with_a_clear_message(
    built: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(built.root / "site")
    with (built.root / ".build" / publish.LOCK).open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert build(built) == 1
        fcntl.flock(held, fcntl.LOCK_UN)
    assert "another build of this project is running (it holds .build/build.lock)" in capsys.readouterr().out
    assert digest(built.root / "site") == before
    assert build(built) == 0  # the lock is free again, and a build that held it released it


@pytest.mark.slow
def test_what_a_killed_build_left_behind_is_removed(built: Project) -> None:
    (built.root / ".site.new-killed" / "site").mkdir(parents=True)
    (built.root / ".build" / "build-killed").mkdir()
    assert build(built) == 0
    assert leftovers(built) == []
