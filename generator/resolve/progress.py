"""A one-line progress bar on standard error, drawn only on a terminal and only for long runs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

LONG_RUN = 5  # entries; fewer finish before a bar would help
WIDTH = 30


@dataclass
class ProgressBar:
    """Redraws `[#####.....] 12/79 name` in place as each entry is done."""

    total: int
    stream: TextIO
    done: int = 0

    @property
    def shown(self) -> bool:
        """Return True when the bar is drawn: a long run on a terminal."""
        return self.total >= LONG_RUN and self.stream.isatty()

    def advance(self, label: str) -> None:
        """Count one more entry done and redraw the bar."""
        self.done += 1
        if not self.shown:
            return
        filled = WIDTH * self.done // self.total
        line = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} {label}"[:100]
        self.stream.write(f"\r\x1b[K{line}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()
