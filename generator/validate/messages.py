"""Turn schema validation errors into messages that say where, what, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.diagnostics import Diagnostic, error
from generator.load.sources import LoadedFile

EXAMPLES = {
    "title": "title: An Image is Worth 16x16 Words",
    "abstract": "abstract: >-\n  One or more paragraphs of plain text.",
    "listed": 'listed: "2025-03-12"',
    "tags": "tags: [saliency, vision-transformers]",
    "name": "name: Vision transformers",
    "description": "description: Papers that ...",
    "kind": "kind: dataset",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or an empty string."""
    match = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def field_path(loc: tuple[int | str, ...]) -> str:
    """Return `tags[1]` or `links.code` for a location tuple."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe(value: Any) -> str:
    """Name a parsed YAML value's shape for a message."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the text {value!r}" if value else "an empty value"


def _message(detail: ErrorDetails, fields: tuple[str, ...]) -> tuple[str, bool]:
    """Return the message and whether it is about a mapping key (not a value)."""
    loc, kind, ctx = detail["loc"], detail["type"], detail.get("ctx", {})
    where, value = field_path(loc), detail["input"]
    if kind == "missing":
        example = EXAMPLES.get(str(loc[-1]), f"{loc[-1]}: ...")
        return f"missing required field '{where}'; add a line such as `{example.splitlines()[0]}`", False
    if kind == "extra_forbidden":
        name = str(loc[-1])
        return f"unknown field '{name}'{did_you_mean(name, fields)}; allowed fields: {', '.join(fields)}", True
    if kind == "literal_error" and loc[-1] == "[key]":
        name, options = str(loc[-2]), ctx.get("expected", "")
        choices = [c.strip(" '") for c in options.replace(" or ", ", ").split(",")]
        parent = field_path(loc[:-2])
        return (
            f"{parent}: unknown kind '{name}'{did_you_mean(name, choices)}; expected one of: {', '.join(choices)}",
            True,
        )
    if kind == "literal_error":
        return f"{where}: expected one of {ctx.get('expected')}, got {describe(value)}", False
    if kind == "string_type":
        return f"{where}: expected text, got {describe(value)}", False
    if kind == "list_type":
        hint = (
            f"; write it as a list, e.g. `{EXAMPLES['tags']}`" if loc[-1] == "tags" else "; write one '- item' per line"
        )
        return f"{where}: expected a list, got {describe(value)}{hint}", False
    if kind == "dict_type":
        return f"{where}: expected a mapping of 'kind: https://...' lines, got {describe(value)}", False
    if kind == "too_short" and isinstance(value, list):
        return f"{where}: expected at least {ctx.get('min_length')} item(s), got none", False
    if kind == "too_long" and isinstance(value, list):
        return (
            f"{where}: expected at most {ctx.get('max_length')} items, got {len(value)}; keep the most specific ones",
            False,
        )
    if kind in ("string_too_short", "too_short"):
        return f"{where}: expected text, got an empty value", False
    if kind in ("string_too_long", "too_long"):
        return f"{where}: is {len(value)} characters long; the limit is {ctx.get('max_length')}", False
    if kind == "value_error":
        return f"{where}: {ctx.get('error')}", False
    return f"{where}: {detail['msg']}", False


def schema_diagnostics(
    file: LoadedFile, exc: ValidationError, fields: tuple[str, ...], prefix: tuple[str, ...] = ()
) -> list[Diagnostic]:
    """Return one diagnostic per schema error, placed at the offending key or value."""
    found = []
    for raw in exc.errors(include_url=False):
        detail: ErrorDetails = {**raw, "loc": (*prefix, *raw["loc"])}
        message, about_key = _message(detail, fields)
        path = tuple(p for p in detail["loc"] if p != "[key]")
        if detail["type"] == "missing":
            line, col = file.document.value_mark(path[:-1])
        elif about_key:
            line, col = file.document.key_mark(path)
        else:
            line, col = file.document.value_mark(path)
        found.append(error(file.path, line, col, message))
    return found
