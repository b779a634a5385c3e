"""Validate one entry file against the declared shape and turn it into a Paper."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from pydantic import ValidationError

from generator.diagnostics import Diagnostic, error
from generator.load.sources import LoadedFile
from generator.model import Paper
from generator.reserved import is_reserved
from generator.validate import fields
from generator.validate.messages import describe, schema_diagnostics
from generator.validate.schema import ENTRY_FIELDS, PaperEntry

SLUG_MAX = 80


def slug_problems(file: LoadedFile) -> list[Diagnostic]:
    """Check that the file name is a valid slug."""
    slug = PurePosixPath(file.path).stem
    if len(slug) > SLUG_MAX:
        return [error(file.path, 1, 1, f"file name '{slug}' is {len(slug)} characters; the limit is {SLUG_MAX}")]
    if is_reserved(slug):
        folded = slug.casefold()
        return [
            error(
                file.path,
                1,
                1,
                f"file name '{slug}' is reserved: the site uses papers/{folded}/ for its own pages; "
                f"rename the file, e.g. '{folded}-paper.yaml'",
            )
        ]
    if not re.fullmatch(fields.KEY_PATTERN, slug):
        suggestion = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "my-paper"
        return [
            error(
                file.path,
                1,
                1,
                f"file name '{slug}' is not a valid slug: use lowercase letters, digits and single hyphens, "
                f"e.g. '{suggestion}.yaml'",
            )
        ]
    return []


def validate_entry(file: LoadedFile) -> tuple[Paper | None, list[Diagnostic]]:
    """Return the Paper an entry file describes, with every problem found in it."""
    problems = slug_problems(file)
    data = file.document.data
    if not isinstance(data, dict):
        problems.append(
            error(
                file.path,
                *file.document.value_mark(()),
                f"expected a mapping of fields such as `title: ...`, got {describe(data)}",
            )
        )
        return None, problems
    try:
        entry = PaperEntry.model_validate(data)
    except ValidationError as exc:
        return None, problems + schema_diagnostics(file, exc, ENTRY_FIELDS)
    paper = Paper(
        slug=PurePosixPath(file.path).stem,
        title=entry.title,
        abstract=entry.abstract,
        listed=fields.iso_date(entry.listed),
        tags=tuple(entry.tags),
        source=file.path,
        short_name=entry.short_name,
        authors=tuple(entry.authors or ()),
        published=fields.iso_date(entry.published) if entry.published else None,
        arxiv=entry.arxiv,
        doi=entry.doi,
        venue=entry.venue,
        links=dict(entry.links or {}),
    )
    return paper, problems
