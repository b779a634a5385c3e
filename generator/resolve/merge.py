"""What a match adds to an entry, and the entry file with those fields inserted and nothing else changed."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from generator.importer.entry_file import FIELD_ORDER, fields_yaml
from generator.load.yaml_strict import YamlProblem, parse_yaml
from generator.resolve.arxiv_api import ArxivRecord
from generator.resolve.crossref_api import CrossrefWork

RESOLVED_FIELDS = ("authors", "published", "arxiv", "doi", "venue")


class MergeError(Exception):
    """The fields could not be inserted without changing what the file already says."""


def missing_fields(data: Mapping[str, Any]) -> tuple[str, ...]:
    """Return the fields `resolve` can fill that the entry lacks."""
    return tuple(name for name in RESOLVED_FIELDS if name not in data)


def additions(data: Mapping[str, Any], record: ArxivRecord | None, work: CrossrefWork | None) -> dict[str, Any]:
    """Return the fields the entry lacks that the arXiv record, then the Crossref work, supply."""
    found: dict[str, Any] = {}
    if record is not None:
        found = {
            "authors": list(record.authors),
            "published": record.first_version.isoformat(),
            "arxiv": record.arxiv_id,
            "doi": record.doi,
            "venue": record.journal_ref,
        }
        person_doi = str(data.get("doi", "")).lower()
        if person_doi and record.doi and record.doi.lower() != person_doi:
            found.pop("venue")  # the journal reference belongs to another DOI than the one a person chose
    if work is not None:
        found["doi"] = found.get("doi") or work.doi
        found["venue"] = found.get("venue") or work.venue
    return {name: found[name] for name in RESOLVED_FIELDS if name not in data and found.get(name)}


def with_fields(text: str, added: Mapping[str, Any]) -> str:
    """Return `text` with each added field inserted after the field before it in FIELD_ORDER; no other line changes."""
    if not added:
        return text
    expected = {**parse_yaml(text).data, **added}
    for trim in (True, False):
        candidate = _inserted(text, added, trim)
        try:
            if parse_yaml(candidate).data == expected:
                return candidate
        except YamlProblem:
            pass
    raise MergeError("could not add fields without changing the file's other values; add them by hand")


def _inserted(text: str, added: Mapping[str, Any], trim: bool) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    document = parse_yaml(text)
    starts = sorted((document.key_mark((name,))[0] - 1, name) for name in document.data)
    ends = {name: (starts[i + 1][0] if i + 1 < len(starts) else len(lines)) for i, (_, name) in enumerate(starts)}
    after: dict[int, list[str]] = {}
    present = list(document.data)
    for name in (n for n in FIELD_ORDER if n in added):
        before = [n for n in FIELD_ORDER[: FIELD_ORDER.index(name)] if n in present and n in ends]
        end = ends[before[-1]] if before else ends[present[-1]]
        while trim and end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        block = fields_yaml({name: added[name]}).replace("\n", newline)
        after.setdefault(end, []).append(block)
    out: list[str] = []
    for index in range(len(lines) + 1):
        out.extend(after.get(index, []))
        if index < len(lines):
            out.append(lines[index])
    return "".join(out)


def unified_diff(shown: str, old: str, new: str) -> str:
    """Return the change as a unified diff of the entry file."""
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{shown}", f"b/{shown}", n=1
        )
    )
