"""The command line starts fast: `--help` and `check` import nothing heavy, and check counts what it read."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.cli import main
from tests.conftest import REPO, Project, entry

HEAVY = ("sklearn", "numpy", "scipy", "mkdocs", "material", "jinja2", "markupsafe", "nh3", "pagefind", "watchdog")
# pydantic is the schema's validator, so check needs it; --help must not.
NOT_FOR_HELP = (*HEAVY, "pydantic", "bibtexparser", "pylatexenc", "generator.importer", "generator.resolve")


def imported_by(*args: str) -> set[str]:
    """Return the top-level packages and generator modules loaded while running the command line."""
    script = (
        "import sys\nfrom generator.cli import main\n"
        f"try:\n    main({list(args)!r})\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    modules = result.stdout.splitlines()
    return {m.split(".")[0] for m in modules} | {m for m in modules if m.startswith("generator.")}


def test_help_imports_nothing_heavy() -> None:
    loaded = imported_by("--help")
    assert "generator.cli" in loaded
    assert sorted(loaded & set(NOT_FOR_HELP)) == []


def test_new_help_imports_nothing_heavy() -> None:
    assert sorted(imported_by("new", "--help") & set(NOT_FOR_HELP)) == []


def test_check_imports_only_what_validation_needs() -> None:
    loaded = imported_by("--root", str(REPO), "check")
    assert "generator.validate.check" in loaded and "pydantic" in loaded
    assert sorted(loaded & set(HEAVY)) == []
    assert sorted(m for m in loaded if m.startswith(("generator.enrich", "generator.render", "generator.write"))) == []


def test_check_counts_every_file_it_read(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("good", entry())
    project.add("bad", entry(title="Another Study", tags="[nonexistent]"))
    project.write("site_src/papers/.editor-swap", "ignored")
    assert main(["--root", str(project.root), "check"]) == 1
    err = capsys.readouterr().err
    assert err == "checked 2 entry file(s): 1 valid, 1 error(s), 0 warning(s)\n"
