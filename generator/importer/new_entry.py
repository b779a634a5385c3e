"""Scaffold one entry file from a draft: fill what can be filled, refuse a known paper, write once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, has_errors
from generator.enrich.suggest import TagSuggester
from generator.identity import IdentityKey, identity_keys, known_identities
from generator.importer.draft import Draft
from generator.importer.entry_file import entry_text, free_slug, slugify
from generator.importer.hf_page import links, short_name
from generator.load.catalogue import SourceFiles, read_catalogue
from generator.load.sources import LoadedFile, SourceLayout
from generator.load.yaml_strict import parse_yaml
from generator.model import Tag
from generator.validate.catalogue import unknown_tags
from generator.validate.check import valid_taxonomy, validate_catalogue
from generator.validate.entries import validate_entry
from generator.validate.messages import did_you_mean
from generator.write.files import write_new_entry

Ask = Callable[[str], str]


class NewEntryError(Exception):
    """The entry can't be written; the message says why and what to do instead."""


class MissingFields(NewEntryError):
    """Required fields are unknown and there is nobody to ask."""


class NoTagsSuggested(NewEntryError):
    """No tag alias occurs in the title or abstract, and no --tag was given."""


class AlreadyInCatalogue(NewEntryError):
    """An entry file already describes this paper; `existing` is its path."""

    def __init__(self, existing: str, label: str, value: str) -> None:
        super().__init__(
            f"{existing} already has this paper (same {label}: {value}); edit that entry instead. Nothing was written."
        )
        self.existing = existing


class EntryProblems(NewEntryError):
    """The entry would fail `check`; `diagnostics` says how."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        lines = "\n".join(f"  {d.message}" for d in diagnostics)
        super().__init__(f"the new entry would not pass check, so nothing was written:\n{lines}")
        self.diagnostics = diagnostics


def completed(draft: Draft, ask: Ask | None) -> Draft:
    """Ask for a missing title or abstract when `ask` is given, else raise MissingFields."""
    title = draft.title or _answer(ask, "title")
    abstract = draft.abstract or _answer(ask, "abstract")
    return replace(draft, title=title, abstract=abstract)


def _answer(ask: Ask | None, field: str) -> str:
    answer = ask(field.capitalize()).strip() if ask else ""
    if not answer:
        raise MissingFields(f"missing required field '{field}': pass --{field} TEXT")
    return answer


@dataclass(frozen=True)
class Created:
    """The entry `new` wrote: where, its fields, and the tags it chose by itself with the reason for each."""

    path: Path
    fields: dict[str, Any]
    suggested: tuple[tuple[str, str], ...]


def tag_suggestions(draft: Draft, suggester: TagSuggester) -> tuple[tuple[str, str], ...]:
    """Return the tags suggested for the draft (from similar papers and tag aliases), each with its reason."""
    return tuple((s.key, s.reason) for s in suggester.suggest(draft.title, draft.abstract))


def tag_columns(tags: dict[str, Tag], width: int = 100) -> str:
    """Return the taxonomy as `key  name` cells in columns, filled down then across, for the prompt."""
    cells = [f"{key}  {tags[key].name}" for key in sorted(tags)]
    cell = max(map(len, cells), default=0) + 3
    columns = max(1, width // cell)
    rows = -(-len(cells) // columns)
    lines = ("".join(cells[i].ljust(cell) for i in range(r, len(cells), rows)).rstrip() for r in range(rows))
    return "\n".join(lines)


def asked_tags(tags: dict[str, Tag], ask: Ask) -> tuple[str, ...]:
    """Ask for tag keys until every answered key is in the taxonomy; EOFError ends the asking."""
    question = f"{tag_columns(tags)}\nTags (keys from the list above, separated by spaces)"
    while True:
        answer = tuple(ask(question).replace(",", " ").split())
        unknown = [key for key in answer if key not in tags]
        if answer and not unknown:
            return answer
        hints = "; ".join(f"'{key}' is not a tag{did_you_mean(key, tags)}" for key in unknown)
        question = f"{hints or 'at least one tag is needed'}. Tags"


def chosen_tags(
    draft: Draft, tags: dict[str, Tag], ask: Ask | None, suggester: TagSuggester
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Return the draft's tags, else the suggested ones (with reasons), else the user's answer."""
    if draft.tags:
        return draft.tags, ()
    suggested = tag_suggestions(draft, suggester)
    if suggested:
        return tuple(key for key, _ in suggested), suggested
    if ask:
        try:
            return asked_tags(tags, ask), ()
        except EOFError:
            pass
    raise NoTagsSuggested(
        "no tag of site_src/tags.yaml matches the title or abstract; choose one or more with --tag KEY "
        f"(one of: {', '.join(sorted(tags))})"
    )


def entry_fields(draft: Draft, tags: tuple[str, ...] | list[str], listed: date) -> dict[str, Any]:
    """Return the entry's fields: the draft's, with the listed date, and links and short name found in the text."""
    return {
        "title": draft.title,
        "short_name": draft.short_name or short_name(draft.title),
        "authors": list(draft.authors),
        "abstract": draft.abstract,
        "listed": draft.listed or listed.isoformat(),
        "published": draft.published,
        "arxiv": draft.arxiv,
        "doi": draft.doi,
        "venue": draft.venue,
        "tags": list(tags),
        "links": {**links(draft.abstract), **draft.links},
    }


def refuse_known_paper(draft: Draft, known: dict[IdentityKey, str]) -> None:
    """Raise AlreadyInCatalogue when an entry file shares the draft's arXiv id, DOI or title."""
    for key in identity_keys(draft):
        if key in known:
            raise AlreadyInCatalogue(known[key], key.label, getattr(draft, key.field))


def entry_problems(shown: str, text: str, tags: dict[str, Tag]) -> list[Diagnostic]:
    """Return what `check` would report about the entry file text."""
    file = LoadedFile(shown, parse_yaml(text))
    _, problems = validate_entry(file)
    return problems + unknown_tags([file], tags)


def suggester_for(sources: SourceFiles, tags: dict[str, Tag], today: date) -> TagSuggester:
    """Return a tag suggester over the catalogue's valid papers (an invalid entry is check's business)."""
    return TagSuggester(validate_catalogue(sources, today)[0].papers, tags)


def create_entry(layout: SourceLayout, draft: Draft, today: date, ask: Ask | None) -> Created:
    """Write the entry for a paper the catalogue lacks and return its path; write nothing on any problem."""
    sources = read_catalogue(layout)
    tags = valid_taxonomy(sources)
    known = known_identities(sources.entries)  # an unreadable entry is check's business; the rest are compared
    refuse_known_paper(draft, known)
    draft = completed(draft, ask)
    refuse_known_paper(draft, known)
    chosen, suggested = chosen_tags(draft, tags, ask, suggester_for(sources, tags, today))
    entry = entry_fields(draft, chosen, today)
    name = free_slug(sources.entry_names, slugify(entry["short_name"] or draft.title)) + ".yaml"
    text = entry_text(entry)
    problems = entry_problems(layout.shown(layout.papers_dir / name), text, tags)
    if has_errors(problems):
        raise EntryProblems(problems)
    return Created(write_new_entry(layout.papers_dir, name, text), entry, suggested)
