"""Read the files a command is pointed at: a pasted page, a BibTeX file, a generated file to compare."""

from __future__ import annotations

from pathlib import Path

MAX_INPUT_BYTES = 8 * 1024 * 1024


class InputError(Exception):
    """A named input file can't be read; the message says why."""


def read_input(path: Path) -> str:
    """Return the UTF-8 text of a file named on the command line; raise InputError when it can't be read."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"file is {size} bytes; the limit is {MAX_INPUT_BYTES} (8 MB)")
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (bad byte at offset {exc.start}); save the file as UTF-8") from None


def read_generated(path: Path) -> str | None:
    """Return the committed text of a generated file, or None when there is none."""
    return path.read_text(encoding="utf-8") if path.is_file() else None
