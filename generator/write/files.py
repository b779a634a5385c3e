"""Write single files: a new entry (never over an existing one), fields added to one, generated files, cached answers."""

from __future__ import annotations

import os
from pathlib import Path

from generator.load.responses import response_file


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


class EntryChanged(Exception):
    """The entry file changed on disk since it was read; nothing was written."""


def add_to_entry(path: Path, read_text: str, new_text: str) -> None:
    """Replace an entry's text with `new_text`, whole, unless the file no longer holds `read_text`."""
    if path.read_text(encoding="utf-8-sig") != read_text:
        raise EntryChanged(f"{path.name} changed while it was being resolved; run resolve again")
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_text(new_text, encoding="utf-8", newline="")
    os.replace(partial, path)


def store_response(folder: Path, key: str, body: bytes) -> None:
    """Keep a service's answer for `key` in the resolve cache, replacing the file whole."""
    path = response_file(folder, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(body)
    os.replace(partial, path)
