"""Find known names in text with word boundaries, in one pass per text."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A name must not sit inside a longer word ("SAM" in "SAMPLE", "DINO" in "DINOv2") nor before a
# hyphenated version number ("GPT" in "GPT-4"); "ViT-B" and "CLIP-based" still name ViT and CLIP.
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w]|-[0-9])"


def is_case_sensitive(alias: str) -> bool:
    """Short aliases and acronyms match exactly; longer names ignore case."""
    return len(alias) <= 5 or not any(c.islower() for c in alias)


class Gazetteer:
    """Matches many aliases, each standing for a key, in a single regex scan."""

    def __init__(self, aliases: Iterable[tuple[str, str]]) -> None:
        self._keys: dict[str, str] = {}
        exact, folded = [], []
        for alias, key in aliases:
            if is_case_sensitive(alias):
                self._keys[alias] = key
                exact.append(alias)
            else:
                self._keys[alias.casefold()] = key
                folded.append(alias)
        self._patterns = [
            re.compile(_BEFORE + "(" + "|".join(map(re.escape, sorted(group, key=len, reverse=True))) + ")" + _AFTER, flags)
            for group, flags in ((exact, 0), (folded, re.IGNORECASE))
            if group
        ]

    def find(self, text: str) -> list[str]:
        """Return the keys named in `text`, in order of first appearance, each once.

        A match inside a longer match is dropped: "Grounding DINO" does not also name DINO.
        """
        spans: list[tuple[int, int, str]] = []
        for pattern in self._patterns:
            for match in pattern.finditer(text):
                found = match.group(1)
                spans.append((match.start(), -match.end(), self._keys.get(found) or self._keys[found.casefold()]))
        seen: dict[str, None] = {}
        reach = -1
        for start, negative_end, key in sorted(spans):
            if -negative_end <= reach:
                continue
            reach = max(reach, -negative_end)
            seen.setdefault(key, None)
        return list(seen)
