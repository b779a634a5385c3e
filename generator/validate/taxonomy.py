"""Validate the tag taxonomy and the entity gazetteer."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic, error
from generator.load.sources import LoadedFile
from generator.model import Entity, Tag
from generator.reserved import is_reserved
from generator.validate import fields
from generator.validate.messages import describe, did_you_mean, schema_diagnostics
from generator.validate.schema import EntityEntry, TagEntry

FileEntry = TypeVar("FileEntry", bound=BaseModel)


def _entries(file: LoadedFile, model: type[FileEntry], folder: str) -> tuple[dict[str, FileEntry], list[Diagnostic]]:
    data = file.document.data
    if not isinstance(data, dict):
        return {}, [error(file.path, 1, 1, f"expected a mapping of key: fields, got {describe(data)}")]
    valid: dict[str, FileEntry] = {}
    problems: list[Diagnostic] = []
    for key, value in data.items():
        try:
            fields.key(key)
        except ValueError as exc:
            problems.append(error(file.path, *file.document.key_mark((key,)), str(exc)))
            continue
        if is_reserved(key):
            message = f"key '{key}' is reserved: the site uses {folder}/{key}/ for its own pages; choose another key"
            problems.append(error(file.path, *file.document.key_mark((key,)), message))
            continue
        if not isinstance(value, dict):
            problems.append(
                error(
                    file.path,
                    *file.document.value_mark((key,)),
                    f"{key}: expected a mapping of fields, got {describe(value)}",
                )
            )
            continue
        try:
            valid[key] = model.model_validate(value)
        except ValidationError as exc:
            problems.extend(schema_diagnostics(file, exc, tuple(model.model_fields), prefix=(key,)))
    return valid, problems


def validate_tags(file: LoadedFile) -> tuple[dict[str, Tag], list[Diagnostic]]:
    """Return the taxonomy's tags; parents must exist and form no cycle."""
    entries, problems = _entries(file, TagEntry, "tags")
    tags = {key: Tag(key, e.name, e.description, e.parent, tuple(e.aliases)) for key, e in entries.items()}
    for tag in tags.values():
        if tag.parent is not None and tag.parent not in tags:
            hint = did_you_mean(tag.parent, tags)
            problems.append(
                error(
                    file.path,
                    *file.document.value_mark((tag.key, "parent")),
                    f"{tag.key}.parent: unknown tag '{tag.parent}'{hint}",
                )
            )
        seen = {tag.key}
        parent = tag.parent
        while parent in tags:
            if parent in seen:
                problems.append(
                    error(
                        file.path,
                        *file.document.value_mark((tag.key, "parent")),
                        f"{tag.key}.parent: the parents loop back to '{parent}'; a tag cannot be its own ancestor",
                    )
                )
                break
            seen.add(parent)
            parent = tags[parent].parent
    return tags, problems


def validate_entities(file: LoadedFile) -> tuple[dict[str, Entity], list[Diagnostic]]:
    """Return the gazetteer's entities; an alias may name only one entity."""
    entries, problems = _entries(file, EntityEntry, "entities")
    entities = {
        key: Entity(key, e.name, e.kind, e.description, tuple(e.aliases) or (e.name,), e.url)
        for key, e in entries.items()
    }
    owner: dict[str, str] = {}
    for entity in entities.values():
        for alias in entity.aliases:
            if owner.setdefault(alias, entity.key) != entity.key:
                problems.append(
                    error(
                        file.path,
                        *file.document.value_mark((entity.key, "aliases")),
                        f"{entity.key}.aliases: '{alias}' already names '{owner[alias]}'; keep it on one entity",
                    )
                )
    return entities, problems
