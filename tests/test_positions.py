"""Positions are characters counted from 1, and never past the end of the file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.load.yaml_strict import YamlProblem, parse_yaml
from tests.conftest import Project, entry

# Each may sit in a quoted value; none is a character YAML streams may hold.
NOT_YAML = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff"]


def test_a_nul_is_reported_where_it_is(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    text = entry(title="Ünïcödé 日本語 Study", venue="CVPR 2024") + 'authors: ["Ada\x00 Lovelace"]\n' + "# pad\n" * 200
    project.add("nul", text)
    assert main(["--root", str(project.root), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["site_src/papers/nul.yaml:6:15: error: character U+0000 is not allowed in YAML; delete it"]
    assert text.splitlines()[5][14] == "\x00"


values = st.text(st.sampled_from("abc xyzé日本語🙂-,.;"), max_size=12)


@given(before=st.lists(values, max_size=5), value=values, after=st.lists(values, max_size=5), data=st.data())
def test_a_bad_character_is_reported_at_its_line_and_column(
    before: list[str], value: str, after: list[str], data: st.DataObject
) -> None:
    split = data.draw(st.integers(0, len(value)))
    bad = data.draw(st.sampled_from(NOT_YAML))
    lines = [f'k{i}: "{v}"' for i, v in enumerate(before)]
    line = f'bad: "{value[:split]}{bad}{value[split:]}"'
    text = "\n".join([*lines, line, *(f'z{i}: "{v}"' for i, v in enumerate(after))]) + "\n"
    with pytest.raises(YamlProblem) as problem:
        parse_yaml(text)
    assert (problem.value.line, problem.value.col) == (len(lines) + 1, line.index(bad) + 1)


@pytest.mark.parametrize(
    "text", ['title: "never closed\n', "tags: [a, b\n", "title: 'open\n\n\n", "a: b\n  c: d\n", "- [\n"]
)
def test_a_problem_at_the_end_of_the_file_points_inside_it(text: str) -> None:
    with pytest.raises(YamlProblem) as problem:
        parse_yaml(text)
    lines = text.split("\n")
    line, col = problem.value.line, problem.value.col
    assert 1 <= line <= len(lines) and col >= 1
    assert col <= max(len(lines[line - 1]), 1), (line, col, text)
