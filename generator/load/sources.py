"""Read the catalogue's source files from disk, refusing what is unsafe to parse."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, error
from generator.load.yaml_strict import Document, YamlProblem, parse_yaml

MAX_BYTES = 64 * 1024
SCHEMA_PATH = "site_src/schema/paper.schema.json"  # generated from validate/schema.py; `make schema`


@dataclass(frozen=True)
class SourceLayout:
    """Where a catalogue's files live under a project root."""

    root: Path

    @property
    def site_src(self) -> Path:
        return self.root / "site_src"

    @property
    def papers_dir(self) -> Path:
        return self.site_src / "papers"

    @property
    def tags_file(self) -> Path:
        return self.site_src / "tags.yaml"

    @property
    def entities_file(self) -> Path:
        return self.site_src / "entities.yaml"

    @property
    def pages_dir(self) -> Path:
        return self.site_src / "pages"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    def shown(self, path: Path) -> str:
        """Return `path` as messages show it: relative to the project root."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass(frozen=True)
class LoadedFile:
    """A parsed YAML file and the path that messages name it by."""

    path: str
    document: Document


def read_text(path: Path, shown: str) -> str | Diagnostic:
    """Read one source file as text, or return why it can't be: a link, missing, too large, not UTF-8."""
    if path.is_symlink():
        return error(shown, 1, 1, "symbolic links are not allowed here; commit a regular file")
    if not path.is_file():
        return error(shown, 1, 1, "file not found")
    return _read_regular(path, path.stat().st_size, shown)


def read_listed(entry: os.DirEntry[str], shown: str) -> str | Diagnostic:
    """Read a regular file found by os.scandir (which knows its kind without asking again) as read_text does."""
    if entry.is_symlink():
        return error(shown, 1, 1, "symbolic links are not allowed here; commit a regular file")
    if not entry.is_file(follow_symlinks=False):
        return error(shown, 1, 1, "file not found")
    return _read_regular(entry.path, entry.stat(follow_symlinks=False).st_size, shown)


def _read_regular(path: str | Path, size: int, shown: str) -> str | Diagnostic:
    if size > MAX_BYTES:
        return error(shown, 1, 1, f"file is {size} bytes; the limit is {MAX_BYTES} (64 KB)")
    try:
        with open(path, "rb") as file:
            return file.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return error(shown, 1, 1, f"not UTF-8 text (bad byte at offset {exc.start}); save the file as UTF-8")


class ParseCache:
    """Each YAML file's last parse, kept with its text: a long-lived reader (the preview) re-parses only changed files."""

    def __init__(self) -> None:
        self._parsed: dict[str, tuple[str, LoadedFile | Diagnostic]] = {}

    def parse(self, text: str, shown: str) -> LoadedFile | Diagnostic:
        """Return the parse of `text`, the file `shown`: the one kept if its text is the same."""
        kept = self._parsed.get(shown)
        if kept is not None and kept[0] == text:
            return kept[1]
        parsed = _parse(text, shown)
        self._parsed[shown] = (text, parsed)
        return parsed


def _parse(text: str, shown: str) -> LoadedFile | Diagnostic:
    try:
        return LoadedFile(shown, parse_yaml(text))
    except YamlProblem as problem:
        return error(shown, problem.line, problem.col, problem.message)


def read_yaml(path: Path, shown: str, cache: ParseCache | None = None) -> LoadedFile | Diagnostic:
    """Read and strictly parse one YAML file, or return the reason it can't be (`cache`: reuse unchanged parses)."""
    return parsed(read_text(path, shown), shown, cache)


def parsed(text: str | Diagnostic, shown: str, cache: ParseCache | None = None) -> LoadedFile | Diagnostic:
    """Return the strict parse of a file's `text`, or the reason it has none (`cache`: reuse unchanged parses)."""
    if isinstance(text, Diagnostic):
        return text
    return cache.parse(text, shown) if cache else _parse(text, shown)


def source_text(layout: SourceLayout, shown: str) -> str | Diagnostic:
    """Return the text of the source file that messages name `shown` (relative to the project root)."""
    return read_text(layout.root / shown, shown)
