"""Read every source file of a catalogue once: the taxonomy, the gazetteer, the entries and the pages."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.diagnostics import Diagnostic, error
from generator.load.sources import LoadedFile, ParseCache, SourceLayout, parsed, read_listed, read_text, read_yaml


@dataclass(frozen=True)
class SourceFiles:
    """What the loader read: each file parsed with its positions, or the diagnostic saying why not."""

    tags: LoadedFile | Diagnostic
    entities: LoadedFile | Diagnostic
    entries: tuple[LoadedFile, ...]
    # Every name in the papers folder, readable or not, so a new entry never takes a used name.
    entry_names: frozenset[str]
    pages: dict[str, str]
    problems: tuple[Diagnostic, ...]


def read_catalogue(layout: SourceLayout, cache: ParseCache | None = None) -> SourceFiles:
    """Read the whole catalogue under `layout`; nothing is validated yet (`cache`: files parsed before)."""
    entries, names, entry_problems = read_entries(layout, cache)
    pages, page_problems = read_static_pages(layout)
    return SourceFiles(
        tags=read_yaml(layout.tags_file, layout.shown(layout.tags_file), cache),
        entities=read_yaml(layout.entities_file, layout.shown(layout.entities_file), cache),
        entries=tuple(entries),
        entry_names=names,
        pages=pages,
        problems=tuple(entry_problems + page_problems),
    )


def read_entries(
    layout: SourceLayout, cache: ParseCache | None = None
) -> tuple[list[LoadedFile], frozenset[str], list[Diagnostic]]:
    """Read every file under the papers folder; a stray or unreadable file is a diagnostic."""
    loaded: list[LoadedFile] = []
    problems: list[Diagnostic] = []
    if not layout.papers_dir.is_dir():
        return [], frozenset(), [error(layout.shown(layout.papers_dir), 1, 1, "the papers folder is missing")]
    # One scandir, which tells links and folders from files without a system call for each of 10,000 entries.
    with os.scandir(layout.papers_dir) as listing:
        found = sorted(listing, key=lambda e: e.name)
    folder = layout.shown(layout.papers_dir)
    for item in found:
        shown = f"{folder}/{item.name}"
        if item.name.startswith("."):
            continue
        if item.is_symlink() or item.is_dir():
            kind = "symbolic link" if item.is_symlink() else "folder"
            problems.append(
                error(shown, 1, 1, f"a {kind} is not allowed in the papers folder; add regular <slug>.yaml files")
            )
            continue
        suffix = PurePosixPath(item.name).suffix
        if suffix != ".yaml":
            stem = PurePosixPath(item.name).stem
            hint = f"rename it to {stem}.yaml" if suffix == ".yml" else "only <slug>.yaml files belong here"
            problems.append(error(shown, 1, 1, f"not an entry file: {hint}"))
            continue
        result = parsed(read_listed(item, shown), shown, cache)
        if isinstance(result, Diagnostic):
            problems.append(result)
        else:
            loaded.append(result)
    return loaded, frozenset(item.name for item in found), problems


def read_static_pages(layout: SourceLayout) -> tuple[dict[str, str], list[Diagnostic]]:
    """Return the hand-written Markdown pages (contribute, search, API) by file name, with the same guards."""
    pages: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for path in sorted(layout.pages_dir.glob("*.md")):
        text = read_text(path, layout.shown(path))
        if isinstance(text, Diagnostic):
            problems.append(text)
        else:
            pages[path.name] = text
    return pages, problems
