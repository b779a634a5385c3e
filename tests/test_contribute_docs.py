"""The Contribute page documents every entry field, every `new` option, and a template that passes check."""

from __future__ import annotations

import argparse
import re
import shutil
from typing import get_args

import pytest

from generator.cli import build_parser, main
from generator.model import LinkKind
from generator.validate.schema import ENTRY_FIELDS, REQUIRED_FIELDS
from tests.conftest import REPO, Project

PAGE = (REPO / "site_src" / "pages" / "contribute.md").read_text(encoding="utf-8")
FIELD_ROW = re.compile(
    r"^\| `(?P<field>[a-z_]+)` \| (?P<required>required|optional) \| (?P<what>[^|]+) \| (?P<example>.+) \|$", re.M
)


def documented_fields() -> dict[str, str]:
    return {m["field"]: m["required"] for m in FIELD_ROW.finditer(PAGE)}


def test_field_table_lists_every_schema_field_once() -> None:
    rows = [m["field"] for m in FIELD_ROW.finditer(PAGE)]
    assert sorted(rows) == sorted(ENTRY_FIELDS)


@pytest.mark.parametrize("field", ENTRY_FIELDS)
def test_field_says_whether_it_is_required(field: str) -> None:
    assert documented_fields()[field] == ("required" if field in REQUIRED_FIELDS else "optional")


def test_every_link_kind_is_named() -> None:
    (links_row,) = [m for m in FIELD_ROW.finditer(PAGE) if m["field"] == "links"]
    assert all(f"`{kind}`" in links_row["what"] for kind in get_args(LinkKind))


def test_every_option_of_new_is_documented() -> None:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    new = commands.choices["new"]
    options = [o for action in new._actions for o in action.option_strings if o.startswith("--") and o != "--help"]
    assert options and [o for o in options if not re.search(rf"(?<![\w-]){o}(?![\w-])", PAGE)] == []


def test_template_passes_check_as_is(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (template,) = re.findall(r"## Template\n.*?```yaml\n(.*?)```", PAGE, re.S)
    shutil.copy(REPO / "site_src" / "tags.yaml", project.root / "site_src" / "tags.yaml")
    project.add("u-2-net", template)
    assert main(["--root", str(project.root), "check", "--strict"]) == 0
    assert capsys.readouterr().out == ""
