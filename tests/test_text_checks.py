"""The fast character checks agree, for every Unicode character, with the definitions they stand for."""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from generator.identity import _NOT_ALPHANUMERIC, normalised_title
from generator.validate.catalogue import NEAR_TITLE_RATIO, _may_be_near
from generator.validate.fields import _BIDI_CONTROLS, _PARAGRAPH_FORBIDDEN

EVERY_CHARACTER = [chr(code) for code in range(sys.maxunicode + 1)]


def test_paragraphs_refuse_exactly_control_characters_but_line_feed_and_bidi_controls() -> None:
    refused = {c for c in EVERY_CHARACTER if _PARAGRAPH_FORBIDDEN.fullmatch(c)}
    assert refused == {c for c in EVERY_CHARACTER if unicodedata.category(c) == "Cc" and c != "\n"} | _BIDI_CONTROLS


def test_printable_characters_are_never_refused_by_single_line() -> None:
    assert [c for c in EVERY_CHARACTER if c.isprintable() and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")] == []


def test_normalised_titles_drop_exactly_the_characters_that_are_not_alphanumeric() -> None:
    assert [c for c in EVERY_CHARACTER if bool(_NOT_ALPHANUMERIC.fullmatch(c)) == c.isalnum()] == []
    assert normalised_title("Vision-Transformers: ﬁne_tuning (Ⅻ)") == "visiontransformersfinetuningxii"


edits = st.lists(st.tuples(st.integers(0, 80), st.sampled_from("abc12 "), st.booleans()), max_size=6)


@given(title=st.text(alphabet="abcd12 ", min_size=1, max_size=80), edits=edits)
def test_near_title_bound_never_rules_out_a_near_pair(title: str, edits: list[tuple[int, str, bool]]) -> None:
    other = list(title)
    for at, char, insert in edits:
        if insert:
            other.insert(at, char)
        elif at < len(other):
            other[at] = char
    a, b = title, "".join(other)
    if SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_TITLE_RATIO:
        assert _may_be_near(a, b, Counter(a), Counter(b))
