"""Resolve entries one by one: search, match, and merge what a match adds; write nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from generator.diagnostics import has_errors
from generator.identity import IdentityKey, identity_keys
from generator.load.sources import LoadedFile
from generator.load.yaml_strict import parse_yaml
from generator.model import Paper
from generator.resolve.arxiv_api import ArxivRecord
from generator.resolve.crossref_api import CrossrefWork
from generator.resolve.http import ServiceUnavailable
from generator.resolve.matching import Candidate, Known, Status, match_arxiv, match_crossref
from generator.resolve.merge import MergeError, additions, missing_fields, unified_diff, with_fields
from generator.resolve.sources import Sources
from generator.validate.entries import validate_entry


@dataclass(frozen=True)
class EntryFile:
    """A valid entry: its paper and the text of its file."""

    paper: Paper
    text: str


@dataclass(frozen=True)
class Resolution:
    """What resolving one entry found, and its file text before and after."""

    shown: str
    status: str  # "complete", "matched", "ambiguous", "not found" or "refused"
    old_text: str
    new_text: str
    added: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def diff(self) -> str:
        """Return the change as a unified diff ('' when there is none)."""
        return unified_diff(self.shown, self.old_text, self.new_text)


@dataclass(frozen=True)
class Run:
    """Every resolution of a run and, when a service stopped answering, why the rest were not tried."""

    resolutions: tuple[Resolution, ...]
    stopped: str = ""
    untried: tuple[str, ...] = field(default=())


def identities(papers: Iterable[Paper]) -> dict[IdentityKey, str]:
    """Map each identity key already in the catalogue (arXiv id, DOI, title) to the entry that has it."""
    return {key: paper.source for paper in papers for key in identity_keys(paper)}


def resolve_entry(entry: EntryFile, sources: Sources, taken: Mapping[IdentityKey, str]) -> Resolution:
    """Return what the services add to one entry; ask nothing when it lacks nothing."""
    paper, text = entry.paper, entry.text
    data: dict[str, Any] = parse_yaml(text).data
    if not missing_fields(data):
        return Resolution(paper.source, "complete", text, text)
    known = Known(paper.title, paper.listed, paper.published, paper.doi or "")
    records = sources.arxiv_record(paper.arxiv) if paper.arxiv else sources.arxiv_search(paper.title)
    verdict = match_arxiv(known, records)
    if verdict.record is None and paper.arxiv:
        named = f'names "{records[0].title}"' if records else "is unknown to arXiv"
        note = f"the entry's arXiv id {paper.arxiv} {named}, not this paper; check the id"
        return Resolution(paper.source, "refused", text, text, notes=(note,))
    if verdict.record is None:
        return Resolution(paper.source, verdict.status.value, text, text, candidates=verdict.candidates)
    record = verdict.record
    work: CrossrefWork | None = None
    notes: tuple[str, ...] = ()
    if {"doi", "venue"} & set(missing_fields({**data, **additions(data, record, None)})):
        work, notes = _version_of_record(paper, record, sources)
    added = additions(data, record, work)
    for key in identity_keys(replace(paper, arxiv=added.get("arxiv"), doi=added.get("doi"), title="")):
        if taken.get(key, paper.source) != paper.source:
            note = (
                f"{key.label} {key.key} is already in {taken[key]}; if both entries are one paper, merge them by hand"
            )
            return Resolution(paper.source, "refused", text, text, candidates=verdict.candidates, notes=(note,))
    return _merged(entry, added, verdict.candidates, notes)


def _version_of_record(
    paper: Paper, record: ArxivRecord, sources: Sources
) -> tuple[CrossrefWork | None, tuple[str, ...]]:
    """Ask Crossref for the published version of the paper arXiv matched; say why when none is sure."""
    crossref = match_crossref(
        Known(paper.title, paper.listed, paper.published, paper.doi or record.doi),
        record.first_version,
        sources.crossref_search(paper.title),
    )
    if crossref.status is not Status.AMBIGUOUS:
        return crossref.record, ()
    shown = "; ".join(f"{c.label} ({c.refused})" for c in crossref.candidates)
    return None, (f"Crossref had no sure match, so no DOI or venue from it: {shown}",)


def _merged(
    entry: EntryFile, added: dict[str, Any], candidates: tuple[Candidate, ...], notes: tuple[str, ...]
) -> Resolution:
    shown, text = entry.paper.source, entry.text
    try:
        new_text = with_fields(text, added)
    except MergeError as exc:
        return Resolution(shown, "refused", text, text, candidates=candidates, notes=(*notes, str(exc)))
    _, problems = validate_entry(LoadedFile(shown, parse_yaml(new_text)))
    if has_errors(problems):
        found = "; ".join(p.message for p in problems)
        note = f"what the services say would not pass check ({found}); nothing added"
        return Resolution(shown, "refused", text, text, candidates=candidates, notes=(*notes, note))
    return Resolution(shown, "matched", text, new_text, tuple(added), candidates, notes)


def resolve_entries(
    entries: list[EntryFile], sources: Sources, taken: Mapping[IdentityKey, str], done: Callable[[str], None]
) -> Run:
    """Resolve each entry in turn; stop, keeping what was found, when a service stops answering."""
    resolutions: list[Resolution] = []
    taken = dict(taken)
    for index, entry in enumerate(entries):
        try:
            resolution = resolve_entry(entry, sources, taken)
        except ServiceUnavailable as exc:
            return Run(tuple(resolutions), str(exc), tuple(e.paper.source for e in entries[index:]))
        added = parse_yaml(resolution.new_text).data
        found = replace(entry.paper, arxiv=added.get("arxiv"), doi=added.get("doi"), title="")
        taken.update({key: entry.paper.source for key in identity_keys(found)})
        resolutions.append(resolution)
        done(entry.paper.source)
    return Run(tuple(resolutions))
