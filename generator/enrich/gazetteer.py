"""Find known names in text with word boundaries, in time linear in the text, whatever the number of names."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A name must not sit inside a longer word ("SAM" in "SAMPLE", "DINO" in "DINOv2") nor before a
# hyphenated version number ("GPT" in "GPT-4"); "ViT-B" and "CLIP-based" still name ViT and CLIP.
_WORD_START = re.compile(r"(?<![\w-])(?=\S)")
_END_OK = re.compile(r"(?![\w]|-[0-9])")
_PREFIX = 2


def is_case_sensitive(alias: str) -> bool:
    """Short aliases and acronyms match exactly; longer names ignore case."""
    return len(alias) <= 5 or not any(c.islower() for c in alias)


class Gazetteer:
    """Maps aliases to keys; finds them by looking up each word start's first characters."""

    def __init__(self, aliases: Iterable[tuple[str, str]]) -> None:
        self._candidates: dict[str, list[tuple[str, str, bool]]] = {}
        for alias, key in aliases:
            if len(alias) >= _PREFIX:
                exact = is_case_sensitive(alias)
                self._candidates.setdefault(alias[:_PREFIX].lower(), []).append((alias if exact else alias.lower(), key, exact))
        for group in self._candidates.values():
            group.sort(key=lambda item: (-len(item[0]), item[0]))  # longest first: "Grounding DINO" before "DINO"

    def find(self, text: str) -> list[str]:
        """Return the keys named in `text`, in order of first appearance, each once.

        Matches do not overlap and the longest wins, so "Grounding DINO" does not also name DINO.
        """
        found: dict[str, None] = {}
        reach = 0
        for start in (m.start() for m in _WORD_START.finditer(text)):
            if start < reach:
                continue
            for alias, key, exact in self._candidates.get(text[start : start + _PREFIX].lower(), ()):
                end = start + len(alias)
                piece = text[start:end]
                if (piece if exact else piece.lower()) == alias and _END_OK.match(text, end):
                    found.setdefault(key, None)
                    reach = end
                    break
        return list(found)
