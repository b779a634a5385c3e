"""`.ci/run` installs with apt-get what the tests need and is missing, then runs `make test` with browsers required."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def fake_tools(bin_dir: Path, log: Path, present: tuple[str, ...]) -> None:
    """Put `apt-get` and `make` stand-ins that log their arguments, `dirname`, and `present` commands in `bin_dir`."""
    bin_dir.mkdir()
    for name in ("apt-get", "make"):
        tool = bin_dir / name
        tool.write_text(f'#!/bin/sh\necho "{name} $* REQUIRE_BROWSER=$REQUIRE_BROWSER" >> "{log}"\n')
        tool.chmod(0o755)
    for name in ("dirname", *present):
        (bin_dir / name).symlink_to(shutil.which(name) or "/bin/true")


def run_ci(tmp_path: Path, present: tuple[str, ...]) -> list[str]:
    """Run `.ci/run` with only the fake tools and `present` on PATH; return the logged calls."""
    if shutil.which("dirname") is None:
        pytest.skip("no dirname on this machine")
    log = tmp_path / "calls.log"
    log.touch()
    fake_tools(tmp_path / "bin", log, present)
    env = {"PATH": str(tmp_path / "bin"), "HOME": os.environ.get("HOME", "/tmp")}
    subprocess.run(["/bin/bash", str(REPO / ".ci" / "run")], env=env, check=True, capture_output=True)
    return log.read_text().splitlines()


def test_ci_installs_chromium_and_nodejs_when_both_are_missing(tmp_path: Path) -> None:
    calls = run_ci(tmp_path, present=())
    assert "apt-get install -y -qq chromium nodejs REQUIRE_BROWSER=" in calls
    assert calls[-1] == "make test REQUIRE_BROWSER=1"


def test_ci_installs_only_nodejs_when_chromium_is_there(tmp_path: Path) -> None:
    calls = run_ci(tmp_path, present=("chromium",))
    assert [c for c in calls if c.startswith("apt-get install")] == ["apt-get install -y -qq nodejs REQUIRE_BROWSER="]


def test_ci_installs_nothing_when_node_and_chromium_are_there(tmp_path: Path) -> None:
    calls = run_ci(tmp_path, present=("chromium", "node"))
    assert calls == ["make test REQUIRE_BROWSER=1"]
