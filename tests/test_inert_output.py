"""`check` output is inert in a CI log: user text never starts a line, and no line starts a workflow command."""

from __future__ import annotations

import re

import pytest

from generator.cli import main
from generator.diagnostics import error, inert, output_line
from tests.conftest import Project, entry

FORGED = "\n::error file=README.md,line=1::forged"
STOP = "\r::stop-commands::hidden"
MASK = "\n::add-mask::secret"
# The only workflow commands the project writes: one annotation per diagnostic, at a file of the catalogue.
ANNOTATION = re.compile(r"::(error|warning) file=site_src/[^,:\r\n]*,line=[0-9]+,col=[0-9]+::[^\r\n]*")


def check_lines(project: Project, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--root", str(project.root), "check"]) == 1
    captured = capsys.readouterr()
    return (captured.out + captured.err).splitlines()


def hostile_project(project: Project) -> None:
    project.add("good", entry())
    (project.papers / f"name{FORGED}.yaml").write_text(entry(title="Another Title"), encoding="utf-8")
    project.add("field", entry() + f'"unknown{STOP}": 1\n'.replace("\r", "\\r"))
    project.add("tag", entry(title="Third Title", tags=f'["saliency", "x{MASK}"]'.replace("\n", "\\n")))
    project.add("escape", entry(title='"Fourth \\e[31m Title"'))


@pytest.mark.parametrize("annotate", [False, True], ids=["plain", "github-actions"])
def test_no_user_text_starts_a_line_or_a_workflow_command(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, annotate: bool
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true" if annotate else "false")
    hostile_project(project)
    lines = check_lines(project, capsys)
    commands = [line for line in lines if line.lstrip().startswith("::")]
    assert all(ANNOTATION.fullmatch(line) for line in commands), commands
    diagnostics = [line for line in lines if not line.startswith(("::", "checked "))]
    assert all(line.startswith("site_src/papers/") for line in diagnostics), diagnostics
    assert len(commands) == (len(diagnostics) if annotate else 0)
    shown = "\n".join(lines)
    assert "site_src/papers/name\\n::error file=README.md,line=1::forged.yaml:1:1: error: file name" in shown
    assert "unknown field 'unknown\\r::stop-commands::hidden'" in shown
    assert "unknown tag 'x\\n::add-mask::secret'" in shown
    assert "U+001B" in shown and "\x1b" not in shown


def test_every_control_format_and_separator_character_is_shown_escaped() -> None:
    assert inert("a\nb\rc\td\x00e\x1bf\x85g\u2028h\u2029i\u202ej\ufeffk") == (
        "a\\nb\\rc\\td\\x00e\\x1bf\\x85g\\u2028h\\u2029i\\u202ej\\ufeffk"
    )
    assert inert("Ünïcödé 日本 ok") == "Ünïcödé 日本 ok"


def test_a_line_never_begins_a_workflow_command() -> None:
    assert output_line("::error::x") == "\\::error::x"
    assert error("::warning file=x::y", 1, 1, "m").format() == "\\::warning file=x::y:1:1: error: m"
    annotation = error("site_src/papers/a\nb.yaml", 1, 1, "x\r\n::add-mask::y").github_annotation()
    assert annotation == "::error file=site_src/papers/a\\nb.yaml,line=1,col=1::x\\r\\n::add-mask::y"
