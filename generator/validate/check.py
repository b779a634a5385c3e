"""Run every check over the loaded source files in one pass and build the validated Catalogue."""

from __future__ import annotations

from datetime import date

from generator.diagnostics import Diagnostic, InvalidCatalogue, has_errors
from generator.load.catalogue import SourceFiles
from generator.load.sources import LoadedFile
from generator.model import Catalogue, Entity, Paper, Tag
from generator.validate import catalogue as cross
from generator.validate.answers import CrossAnswers
from generator.validate.entries import validate_entry
from generator.validate.taxonomy import validate_entities, validate_tags


class EntryChecks:
    """Each entry's last validation, kept with the parse it checked: the preview re-validates only new parses."""

    def __init__(self) -> None:
        self._checked: dict[str, tuple[LoadedFile, tuple[Paper | None, list[Diagnostic]]]] = {}
        self.across = CrossAnswers()

    def validate(self, file: LoadedFile) -> tuple[Paper | None, list[Diagnostic]]:
        """Return validate_entry's answer for `file`, the one kept if `file` is the parse it was given."""
        kept = self._checked.get(file.path)
        if kept is not None and kept[0] is file:
            return kept[1]
        checked = validate_entry(file)
        self._checked[file.path] = (file, checked)
        return checked


def validate_catalogue(
    sources: SourceFiles, today: date, checks: EntryChecks | None = None
) -> tuple[Catalogue, list[Diagnostic]]:
    """Validate everything and return what is valid, with every problem found (load problems included).

    `checks` keeps the entries validated before, and the answers of the checks across entries that depend on
    a few fields alone (normalised titles, identity keys, which neighbouring titles are near); those checks
    still run over every entry, so their problems are those of a fresh run.
    """
    problems: list[Diagnostic] = list(sources.problems)
    tags: dict[str, Tag] = {}
    entities: dict[str, Entity] = {}
    if isinstance(sources.tags, LoadedFile):
        tags, found = validate_tags(sources.tags)
        problems += found
    else:
        problems.append(sources.tags)
    if isinstance(sources.entities, LoadedFile):
        entities, found = validate_entities(sources.entities)
        problems += found
    else:
        problems.append(sources.entities)

    papers: list[Paper] = []
    by_source: dict[str, LoadedFile] = {}
    for file in sources.entries:
        paper, found = checks.validate(file) if checks else validate_entry(file)
        problems += found
        if paper is not None:
            papers.append(paper)
            by_source[paper.source] = file

    def mark(paper: Paper, field: str) -> tuple[int, int]:
        return by_source[paper.source].document.value_mark((field,))

    if tags:
        problems += cross.unknown_tags(sources.entries, tags)
    across = checks.across if checks else None
    problems += cross.duplicates(papers, mark, across)
    problems += cross.near_identical_titles(papers, mark, across)
    if across:
        across.next_run()
    problems += cross.slug_collisions(papers)
    problems += cross.future_listings(papers, mark, today)
    return Catalogue(tuple(papers), tags, entities), sorted(problems)


def valid_catalogue(sources: SourceFiles, today: date, checks: EntryChecks | None = None) -> Catalogue:
    """Return the validated catalogue, or raise InvalidCatalogue listing every problem."""
    catalogue, problems = validate_catalogue(sources, today, checks)
    if has_errors(problems):
        raise InvalidCatalogue(problems)
    return catalogue


def valid_taxonomy(sources: SourceFiles) -> dict[str, Tag]:
    """Return the catalogue's tags, or raise InvalidCatalogue if tags.yaml is unreadable or wrong."""
    if not isinstance(sources.tags, LoadedFile):
        raise InvalidCatalogue([sources.tags])
    tags, problems = validate_tags(sources.tags)
    if problems:
        raise InvalidCatalogue(problems)
    return tags
