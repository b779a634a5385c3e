"""Write single files: a new entry (never over an existing one), and the schema or a report we generate."""

from __future__ import annotations

from pathlib import Path


def write_new_entry(papers_dir: Path, name: str, text: str) -> Path:
    """Create `papers_dir/name` holding `text` and return its path; raise FileExistsError if the name is taken."""
    papers_dir.mkdir(parents=True, exist_ok=True)
    path = papers_dir / name
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path


def write_generated(path: Path, text: str) -> None:
    """Write a file the generator owns outright (the JSON Schema, a link report), creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
