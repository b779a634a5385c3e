"""Turn a pasted Hugging Face papers page into new entry files, skipping papers already present."""

from __future__ import annotations

from dataclasses import dataclass

from generator.importer import hf_page
from generator.importer.entry_file import entry_text, existing_titles, free_slug, slugify, write_new_entry
from generator.load.sources import SourceLayout
from generator.model import Tag
from generator.validate.catalogue import normalised_title


@dataclass(frozen=True)
class Outcome:
    """What happened to one paper of the page."""

    status: str  # "new" or "skipped"
    path: str
    title: str
    reason: str = ""


def import_page(layout: SourceLayout, text: str, year: int, tags: dict[str, Tag]) -> list[Outcome]:
    """Write an entry for each paper the catalogue lacks; never touch an existing file."""
    listed, papers = hf_page.parse_page(text, year)
    layout.papers_dir.mkdir(parents=True, exist_ok=True)
    known = existing_titles(layout.papers_dir)
    outcomes = []
    for paper in papers:
        existing = known.get(normalised_title(paper.title))
        if existing:
            path = layout.shown(layout.papers_dir / existing)
            outcomes.append(Outcome("skipped", path, paper.title, "already in the catalogue"))
            continue
        name = hf_page.short_name(paper.title)
        slug = free_slug(layout.papers_dir, slugify(name or paper.title))
        entry = {
            "title": paper.title,
            "short_name": name,
            "abstract": paper.abstract,
            "listed": listed.isoformat(),
            "tags": hf_page.suggest_tags(paper.title, paper.abstract, tags),
            "links": hf_page.links(paper.abstract),
        }
        path = layout.papers_dir / f"{slug}.yaml"
        write_new_entry(path, entry_text(entry))
        known[normalised_title(paper.title)] = path.name
        outcomes.append(Outcome("new", layout.shown(path), paper.title))
    return outcomes
