"""Run every check over the catalogue in one pass and build the validated Catalogue."""

from __future__ import annotations

from datetime import date

from generator.diagnostics import Diagnostic, InvalidCatalogue, has_errors
from generator.load.sources import LoadedFile, SourceLayout, read_entries, read_yaml
from generator.model import Catalogue, Entity, Paper, Tag
from generator.validate import catalogue as cross
from generator.validate.entries import validate_entry
from generator.validate.taxonomy import validate_entities, validate_tags


def check_catalogue(layout: SourceLayout, today: date) -> tuple[Catalogue, list[Diagnostic]]:
    """Validate everything and return what is valid, with every problem found."""
    problems: list[Diagnostic] = []
    tags: dict[str, Tag] = {}
    entities: dict[str, Entity] = {}
    tags_file = read_yaml(layout.tags_file, layout.shown(layout.tags_file))
    if isinstance(tags_file, LoadedFile):
        tags, found = validate_tags(tags_file)
        problems += found
    else:
        problems.append(tags_file)
    entities_file = read_yaml(layout.entities_file, layout.shown(layout.entities_file))
    if isinstance(entities_file, LoadedFile):
        entities, found = validate_entities(entities_file)
        problems += found
    else:
        problems.append(entities_file)

    files, found = read_entries(layout)
    problems += found
    papers: list[Paper] = []
    by_source: dict[str, LoadedFile] = {}
    for file in files:
        paper, found = validate_entry(file)
        problems += found
        if paper is not None:
            papers.append(paper)
            by_source[paper.source] = file

    def mark(paper: Paper, field: str) -> tuple[int, int]:
        return by_source[paper.source].document.value_mark((field,))

    if tags:
        problems += cross.unknown_tags(files, tags)
    problems += cross.duplicates(papers, mark)
    problems += cross.near_identical_titles(papers, mark)
    problems += cross.slug_collisions(papers)
    problems += cross.future_listings(papers, mark, today)
    return Catalogue(tuple(papers), tags, entities), sorted(problems)


def load_catalogue(layout: SourceLayout, today: date) -> Catalogue:
    """Return the validated catalogue, or raise InvalidCatalogue listing every error."""
    catalogue, problems = check_catalogue(layout, today)
    if has_errors(problems):
        raise InvalidCatalogue(problems)
    return catalogue
