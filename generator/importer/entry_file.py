"""The text of one new entry file: readable YAML, checked by reading it back, under a free slug."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from typing import Any

import yaml

from generator.load.yaml_strict import parse_yaml
from generator.validate.entries import SLUG_MAX

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/paper.schema.json\n"
FIELD_ORDER = (
    "title",
    "short_name",
    "authors",
    "abstract",
    "listed",
    "published",
    "arxiv",
    "doi",
    "venue",
    "tags",
    "links",
)
_QUOTED_FIELDS = ("listed", "published", "arxiv", "doi")
SLUG_WORDS_MAX = 60


class _Quoted(str):
    """A value written in double quotes so no YAML reader mistakes it for a date or number."""


class _Folded(str):
    """Long prose, written as a folded block so the file stays readable."""


class _EntryDumper(yaml.SafeDumper):
    """Writes `_Quoted` values in double quotes and `_Folded` ones as `>-` blocks."""


_EntryDumper.add_representer(
    _Quoted, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style='"')
)
_EntryDumper.add_representer(
    _Folded, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=">")
)


def slugify(text: str, limit: int = SLUG_WORDS_MAX) -> str:
    """Return a lowercase kebab-case slug of at most `limit` characters, cut at a word."""
    text = text.replace("+", " plus ")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['^\u2019]", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "paper")


def fields_yaml(fields: dict[str, Any]) -> str:
    """Return fields as entry files spell them, in the given order: dates and ids quoted, the abstract folded."""
    styled = dict(fields)
    for name in _QUOTED_FIELDS:
        if name in styled:
            styled[name] = _Quoted(styled[name])
    if "abstract" in styled:
        styled["abstract"] = _Folded(styled["abstract"])
    return str(yaml.dump(styled, Dumper=_EntryDumper, sort_keys=False, allow_unicode=True, width=100))


def entry_text(entry: dict[str, Any]) -> str:
    """Return an entry's file text, fields in the documented order."""
    ordered = {name: entry[name] for name in FIELD_ORDER if entry.get(name) or name == "tags"}
    text = SCHEMA_COMMENT + fields_yaml(ordered)
    if parse_yaml(text).data != {k: (str(v) if isinstance(v, str) else v) for k, v in ordered.items()}:
        raise ValueError(f"entry for {entry.get('title')!r} does not read back as written")
    return text


def free_slug(taken: Set[str], base: str) -> str:
    """Return `base`, or `base-2`, `base-3`... whichever gives a file name not in `taken`."""
    slug, n = base[:SLUG_MAX], 2
    while f"{slug}.yaml" in taken:
        suffix = f"-{n}"
        slug, n = base[: SLUG_MAX - len(suffix)] + suffix, n + 1
    return slug
