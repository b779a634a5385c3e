"""Problems found in the catalogue: where, what, and how bad."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

# How a control, format or separator character is shown in output, so no text starts a new line.
_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def inert(text: str) -> str:
    """Return `text` with every control, format, separator and unassigned character shown as an escape."""
    if text.isprintable():
        return text
    return "".join(
        _SHOWN.get(c) or (repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Cn", "Zl", "Zp") else c)
        for c in text
    )


def output_line(text: str) -> str:
    """Return `text` as one inert line of output: escaped, and never starting a CI workflow command (`::`)."""
    line = inert(text)
    return "\\" + line if line.startswith("::") else line


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at a file position (1-based line and column)."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def format(self) -> str:
        """Return the compiler-style `path:line:col: severity: message` line, inert in any log."""
        return output_line(f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}")

    def github_annotation(self) -> str:
        """Return a GitHub Actions workflow command that annotates the line (its text inert, then %-encoded)."""
        message = inert(self.message).replace("%", "%25")
        path = inert(self.path).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{self.severity.value} file={path},line={self.line},col={self.col}::{message}"


def error(path: str, line: int, col: int, message: str) -> Diagnostic:
    """Return an error diagnostic."""
    return Diagnostic(path, line, col, Severity.ERROR, message)


def warning(path: str, line: int, col: int, message: str) -> Diagnostic:
    """Return a warning diagnostic."""
    return Diagnostic(path, line, col, Severity.WARNING, message)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    """Return True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


class InvalidCatalogue(Exception):
    """The catalogue has errors; `diagnostics` lists every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))
