"""Find known names in text with word boundaries, in time linear in the text, whatever the number of names."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

# A name must not sit inside a longer word ("SAM" in "SAMPLE", "DINO" in "DINOv2") nor before a
# hyphenated version number ("GPT" in "GPT-4"); "ViT-B" and "CLIP-based" still name ViT and CLIP.
_WORD_START = r"(?<![\w-])(?=\S)"
_ANY_WORD_START = re.compile(_WORD_START)
_END_OK = re.compile(r"(?![\w]|-[0-9])")
_PREFIX = 2
_SCANNED = 4  # how much of each name the regex checks before Python compares all of it


def is_case_sensitive(alias: str) -> bool:
    """Short aliases and acronyms match exactly; longer names ignore case."""
    return len(alias) <= 5 or not any(c.islower() for c in alias)


def _alternation(beginnings: Collection[str]) -> str:
    """Return a regex for text starting with one of `beginnings`, a trie so each character is tried once."""
    if "" in beginnings:
        return ""  # all text starts with the empty string
    if not beginnings:
        return "(?!)"
    branches: dict[str, list[str]] = {}
    for text in beginnings:
        branches.setdefault(text[0], []).append(text[1:])
    alternatives = [re.escape(first) + _alternation(rests) for first, rests in sorted(branches.items())]
    if len(alternatives) == 1:
        return alternatives[0]
    # The class of first characters rejects most text in one step, before any branch is tried.
    firsts = "".join(re.escape(first) for first in sorted(branches))
    return f"(?=[{firsts}])(?:{'|'.join(alternatives)})"


class Gazetteer:
    """Maps aliases to keys; finds them by looking up each likely word start's first characters."""

    def __init__(
        self, aliases: Iterable[tuple[str, str]], case_sensitive: Callable[[str], bool] = is_case_sensitive
    ) -> None:
        self._candidates: dict[str, list[tuple[str, str, bool]]] = {}
        exact_beginnings: set[str] = set()
        folded_beginnings: set[str] = set()
        for alias, key in aliases:
            if len(alias) >= _PREFIX:
                exact = case_sensitive(alias)
                compared = alias if exact else alias.lower()
                self._candidates.setdefault(alias[:_PREFIX].lower(), []).append((compared, key, exact))
                (exact_beginnings if exact else folded_beginnings).add(compared[:_SCANNED])
        for group in self._candidates.values():
            group.sort(key=lambda item: (-len(item[0]), item[0]))  # longest first: "Grounding DINO" before "DINO"
        # Only word starts that begin like some alias are worth a look. Under (?i), a lowercase
        # character also matches every character whose str.lower() it is, so no match is skipped.
        self._starts = re.compile(
            rf"{_WORD_START}(?={_alternation(exact_beginnings)}|(?i:{_alternation(folded_beginnings)}))"
        )

    def find(self, text: str) -> list[str]:
        """Return the keys named in `text`, in order of first appearance, each once.

        Matches do not overlap and the longest wins, so "Grounding DINO" does not also name DINO.
        """
        found: dict[str, None] = {}
        reach = 0
        # Where a character lowercases to several ("İ" to "i̇"), lowercase names no longer line up
        # with the text character for character, so the scan's prefixes can't be trusted there.
        starts = self._starts if len(text.lower()) == len(text) else _ANY_WORD_START
        for start in (m.start() for m in starts.finditer(text)):
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
