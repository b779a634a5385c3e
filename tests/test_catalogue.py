"""The committed catalogue: valid, curated, and described by the published JSON Schema."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import jsonschema
import pydantic
import pytest

from generator.diagnostics import Diagnostic
from generator.load.sources import SCHEMA_PATH, SourceLayout
from generator.load.yaml_strict import parse_yaml
from generator.model import Catalogue
from generator.pipeline import checked_catalogue
from generator.validate.schema import paper_json_schema
from tests.conftest import REPO

LAYOUT = SourceLayout(REPO)
Checked = tuple[Catalogue, list[Diagnostic]]


@pytest.fixture(scope="module")
def checked() -> Checked:
    return checked_catalogue(LAYOUT, date.today())


def test_catalogue_has_no_errors_or_warnings(checked: Checked) -> None:
    catalogue, problems = checked
    assert [p.format() for p in problems] == []
    assert len(catalogue.papers) == 79


def test_every_paper_has_two_to_eight_tags(checked: Checked) -> None:
    catalogue, _ = checked
    assert all(2 <= len(p.tags) <= 8 for p in catalogue.papers)


def test_taxonomy_is_curated(checked: Checked) -> None:
    catalogue, _ = checked
    use = Counter(key for p in catalogue.papers for key in p.tags)
    parents = {t.parent for t in catalogue.tags.values()}
    assert 25 <= len(catalogue.tags) <= 40
    assert all(catalogue.tags[key].description for key in use)
    assert [k for k in catalogue.tags if k not in parents and use[k] < 2] == []


def test_committed_schema_is_generated_from_the_model() -> None:
    assert (REPO / SCHEMA_PATH).read_text(encoding="utf-8") == paper_json_schema()


def test_every_entry_declares_the_schema_and_satisfies_it() -> None:
    schema = json.loads(paper_json_schema())
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((REPO / "site_src" / "papers").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/paper.schema.json\n"), path.name
        assert list(validator.iter_errors(parse_yaml(text).data)) == [], path.name


@pytest.mark.parametrize(
    "bad",
    [
        {"tags": "saliency"},
        {"venu": "CVPR"},
        {"listed": "12/03/2025"},
        {"links": {"code": "http://github.com/x"}},
        {"links": {"cod": "https://github.com/x"}},
        {"arxiv": "2401.2412"},
    ],
)
def test_schema_rejects_what_check_rejects(bad: dict[str, object]) -> None:
    from generator.validate.schema import PaperEntry

    entry = {"title": "T", "abstract": "A.", "listed": "2025-03-12", "tags": ["saliency"], **bad}
    assert list(jsonschema.Draft202012Validator(json.loads(paper_json_schema())).iter_errors(entry))
    with pytest.raises(pydantic.ValidationError):
        PaperEntry.model_validate(entry)
