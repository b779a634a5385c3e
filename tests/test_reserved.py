"""Slugs and keys never take a name the site uses for its own pages, whatever their case."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.cli import main
from generator.load.sources import SourceLayout
from generator.pipeline import render_docs
from generator.reserved import RESERVED_NAMES
from tests.conftest import ENTITIES, TAGS, Project, entry


def check(project: Project, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--root", str(project.root), "check"]) == 1
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("slug", ["index", "page", "days", "weeks", "months", "authors", "map", "Index", "PAGE"])
def test_a_slug_that_names_a_generated_page_is_an_error(
    project: Project, capsys: pytest.CaptureFixture[str], slug: str
) -> None:
    project.add(slug, entry())
    folded = slug.casefold()
    assert check(project, capsys) == [
        f"site_src/papers/{slug}.yaml:1:1: error: file name '{slug}' is reserved: the site uses papers/{folded}/ "
        f"for its own pages; rename the file, e.g. '{folded}-paper.yaml'"
    ]


def test_tag_and_entity_keys_that_name_generated_pages_are_errors(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.write("site_src/tags.yaml", TAGS + "index:\n  name: Index\n  description: Shadows the tag list.\n")
    project.write("site_src/entities.yaml", ENTITIES + "page:\n  name: Page\n  kind: model\n  description: A model.\n")
    project.add("good", entry())
    tags_line = TAGS.count("\n") + 1
    entities_line = ENTITIES.count("\n") + 1
    assert check(project, capsys) == [
        f"site_src/entities.yaml:{entities_line}:1: error: key 'page' is reserved: the site uses entities/page/ "
        "for its own pages; choose another key",
        f"site_src/tags.yaml:{tags_line}:1: error: key 'index' is reserved: the site uses tags/index/ "
        "for its own pages; choose another key",
    ]


def test_every_path_segment_the_site_generates_is_reserved(project: Project) -> None:
    """Render a catalogue and take every folder and file name that is not a slug, a key or a number."""
    project.add("study", entry())
    docs = render_docs(SourceLayout(project.root), date(2025, 3, 12))
    own = {"study", "saliency", "segmentation", "vision", "imagenet"}
    generated = set()
    for path in docs:
        for part in path.split("/"):
            name = re.sub(r"(-[0-9]+)?(\.[a-z]+)?$", "", part)
            is_date = re.fullmatch(r"[0-9]{4}-(W?[0-9]{2})", name)  # an issue's key: 2025-03(-12), 2025-W11
            if name not in own and not name.isdigit() and not is_date:
                generated.add(name)
    assert generated - RESERVED_NAMES == set()
    assert {"index", "feed", "papers", "tags", "entities", "api"} <= generated
