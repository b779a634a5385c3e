"""Installing says what it does: an SPDX license setuptools reads silently, and one line per setup step."""

from __future__ import annotations

import subprocess
import tomllib

from tests.conftest import REPO


def test_license_is_an_spdx_string_and_setuptools_reads_it() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert any(r.startswith("setuptools>=77") for r in project["build-system"]["requires"])


def test_make_announces_each_setup_step() -> None:
    plan = subprocess.run(
        ["make", "-n", "-B", ".venv/.installed"], cwd=REPO, capture_output=True, text=True, check=True
    )
    said = [line for line in plan.stdout.splitlines() if line.startswith("echo ")]
    assert said == [
        'echo "creating .venv"',
        'echo "upgrading pip"',
        'echo "installing dependencies (first run takes ~1 min)"',
        'echo ".venv is ready"',
    ]
    assert "pip install -qq" in plan.stdout  # pip's warnings are hidden, its errors are not
