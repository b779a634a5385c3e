"""Strict YAML: values stay text, and unsafe or ambiguous YAML is refused with a position."""

from __future__ import annotations

import pytest

from generator.load.yaml_strict import YamlProblem, parse_yaml


def test_implicit_typing_never_changes_a_value() -> None:
    doc = parse_yaml("a: no\nb: 2025-03-12\nc: 1.10\nd: ~\ne: [yes, off, 0x1F]\n")
    assert doc.data == {"a": "no", "b": "2025-03-12", "c": "1.10", "d": "~", "e": ["yes", "off", "0x1F"]}


def test_positions_are_one_based() -> None:
    doc = parse_yaml("title: x\ntags:\n  - a\n  - b\n")
    assert doc.value_mark(("tags", 1)) == (4, 5)
    assert doc.key_mark(("tags",)) == (2, 1)


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first defined on line 1); keep one of them"),
        ("a: &x 1\nb: *x\n", 1, 4, "YAML anchor '&x' is not allowed; remove it and write values out in full"),
        (
            "a: !!python/object:os.system x\n",
            1,
            4,
            "YAML tag '!!python/object:os.system' is not allowed; entries hold plain text, lists and mappings only",
        ),
        ("a: !custom x\n", 1, 4, "YAML tag '!custom' is not allowed; entries hold plain text, lists and mappings only"),
        ("a: " + "[" * 40 + "]" * 40 + "\n", 1, 11, "nesting deeper than 8 levels is not allowed"),
        ("", 1, 1, "the file is empty; expected a mapping of fields"),
        ("a: 1\n---\nb: 2\n", 2, 1, "a file holds exactly one YAML document; remove the extra '---'"),
        (
            "a: [b\n",
            1,
            5,
            "invalid YAML: did not find expected ',' or ']'",
        ),  # the end of the stream, shown at the last character
        ('a: "\\ud83d\\ude00"\n', 1, 7, "invalid YAML: found invalid Unicode character escape code"),
    ],
)
def test_refused_yaml(text: str, line: int, col: int, message: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.col, caught.value.message) == (line, col, message)


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\n'
    with pytest.raises(YamlProblem, match="anchor '&a'"):
        parse_yaml(bomb)
