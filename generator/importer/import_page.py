"""Turn a pasted Hugging Face papers page into new entry files, skipping papers already present."""

from __future__ import annotations

from dataclasses import dataclass

from generator.identity import identity_keys, known_identities
from generator.importer import hf_page
from generator.importer.draft import Draft
from generator.importer.entry_file import entry_text, free_slug, slugify
from generator.importer.new_entry import entry_fields, suggester_for
from generator.load.catalogue import read_catalogue
from generator.load.sources import SourceLayout
from generator.validate.check import valid_taxonomy
from generator.write.files import write_new_entry


@dataclass(frozen=True)
class Outcome:
    """What happened to one paper of the page."""

    status: str  # "new" or "skipped"
    path: str
    title: str
    reason: str = ""


def import_page(layout: SourceLayout, text: str, year: int) -> list[Outcome]:
    """Write an entry for each paper the catalogue lacks; never touch an existing file."""
    sources = read_catalogue(layout)
    tags = valid_taxonomy(sources)
    listed, papers = hf_page.parse_page(text, year)
    suggester = suggester_for(sources, tags, listed)  # fitted once, asked for each paper of the page
    known = known_identities(sources.entries)
    taken = set(sources.entry_names)
    outcomes = []
    for paper in papers:
        draft = Draft(title=paper.title, abstract=paper.abstract, arxiv=paper.arxiv)
        existing = next((known[key] for key in identity_keys(draft) if key in known), None)
        if existing:
            outcomes.append(Outcome("skipped", existing, paper.title, "already in the catalogue"))
            continue
        tags_found = tuple(s.key for s in suggester.suggest(paper.title, paper.abstract))
        entry = entry_fields(draft, tags_found, listed)
        name = free_slug(taken, slugify(entry["short_name"] or paper.title)) + ".yaml"
        path = write_new_entry(layout.papers_dir, name, entry_text(entry))
        taken.add(name)
        shown = layout.shown(path)
        known.update(dict.fromkeys(identity_keys(draft), shown))
        outcomes.append(Outcome("new", shown, paper.title))
    return outcomes
