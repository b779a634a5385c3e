"""`python -m generator resolve`: choose the entries, resolve them, print the diff, and write only when asked."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.identity import IdentityKey
from generator.load.catalogue import read_catalogue
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout, source_text
from generator.resolve import report, sources
from generator.resolve.progress import ProgressBar
from generator.resolve.resolver import EntryFile, identities, resolve_entries
from generator.validate.check import validate_catalogue
from generator.write.files import EntryChanged, add_to_entry


class SelectionError(Exception):
    """A path names no entry file; the message says which."""


@dataclass(frozen=True)
class Selection:
    """The valid entries to resolve, those left out because `check` rejects them, and every entry's identity."""

    entries: list[EntryFile]
    invalid: list[str]
    taken: dict[IdentityKey, str]


def select_entries(layout: SourceLayout, paths: Iterable[Path], today: date) -> Selection:
    """Return the entries under `paths` (all when none), with the identity keys of the whole catalogue."""
    loaded = read_catalogue(layout)
    catalogue, _ = validate_catalogue(loaded, today)
    wanted = _wanted(layout, list(paths), [file.path for file in loaded.entries])
    valid = {paper.source: paper for paper in catalogue.papers}
    entries, invalid = [], []
    for shown in wanted:
        text = source_text(layout, shown)
        if shown not in valid or isinstance(text, Diagnostic):
            invalid.append(shown)
        else:
            entries.append(EntryFile(valid[shown], text))
    return Selection(entries, invalid, identities(catalogue.papers))


def _wanted(layout: SourceLayout, paths: list[Path], readable: list[str]) -> list[str]:
    if not paths:
        return readable
    chosen: list[str] = []
    for path in paths:
        shown = layout.shown(path.resolve())
        inside = [name for name in readable if name == shown or name.startswith(shown.rstrip("/") + "/")]
        if not inside:
            raise SelectionError(f"{path}: no readable entry file there; name files under site_src/papers/")
        chosen += [name for name in inside if name not in chosen]
    return chosen


def run_resolve(layout: SourceLayout, paths: Iterable[Path], write: bool) -> int:
    """Resolve the entries, print the diff on stdout and the report on stderr; return the exit code."""
    contact = read_settings(layout.config_file).contact
    if problem := report.contact_problem(contact):
        print(
            f"error: {problem}; set `extra: {{contact: you@your-lab.org}}` to an address the services "
            "can reach you at (arXiv's and Crossref's etiquette asks for one)",
            file=sys.stderr,
        )
        return 1
    try:
        selection = select_entries(layout, paths, date.today())
    except SelectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    web = sources.web_sources(contact, sources.ResponseCache(layout.root / sources.CACHE_FOLDER))
    bar = ProgressBar(len(selection.entries), sys.stderr)
    run = resolve_entries(selection.entries, web, selection.taken, bar.advance)
    for shown in selection.invalid:
        print(
            f"{shown}: skipped: it does not pass check; fix what `python -m generator check` reports", file=sys.stderr
        )
    failed = bool(run.stopped)
    for resolution in run.resolutions:
        if resolution.diff:
            print(resolution.diff, end="")
        for line in report.entry_lines(resolution):
            print(line, file=sys.stderr)
        if write and resolution.new_text != resolution.old_text:
            try:
                add_to_entry(layout.root / resolution.shown, resolution.old_text, resolution.new_text)
            except EntryChanged as exc:
                print(f"{resolution.shown}: error: {exc}", file=sys.stderr)
                failed = True
    print(report.summary(run, web.requests, write), file=sys.stderr)
    return 1 if failed else 0
