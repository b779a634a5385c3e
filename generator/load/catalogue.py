"""Read every source file of a catalogue once: the taxonomy, the gazetteer, the entries and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Diagnostic, error
from generator.load.sources import LoadedFile, ParseCache, SourceLayout, read_text, read_yaml


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
    paths = sorted(layout.papers_dir.iterdir())
    for path in paths:
        shown = layout.shown(path)
        if path.name.startswith("."):
            continue
        if path.is_symlink() or path.is_dir():
            kind = "symbolic link" if path.is_symlink() else "folder"
            problems.append(
                error(shown, 1, 1, f"a {kind} is not allowed in the papers folder; add regular <slug>.yaml files")
            )
            continue
        if path.suffix != ".yaml":
            hint = f"rename it to {path.stem}.yaml" if path.suffix == ".yml" else "only <slug>.yaml files belong here"
            problems.append(error(shown, 1, 1, f"not an entry file: {hint}"))
            continue
        result = read_yaml(path, shown, cache)
        if isinstance(result, Diagnostic):
            problems.append(result)
        else:
            loaded.append(result)
    return loaded, frozenset(path.name for path in paths), problems


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
