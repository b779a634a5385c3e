"""A listing far in the future and a title in look-alike letters are errors, not warnings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.cli import main
from generator.identity import title_key
from tests.conftest import Project, entry


def check(project: Project, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(project.root), "check"])
    return code, capsys.readouterr().out.splitlines()


def test_a_listing_after_tomorrow_is_an_error(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    today = date.today()
    project.add("pinned", entry(listed='"9999-12-31"'))
    project.add("soon", entry(title="Segmenting Salient Things", listed=f'"{today + timedelta(days=2)}"'))
    project.add("tomorrow", entry(title="A Third Saliency Study", listed=f'"{today + timedelta(days=1)}"'))
    code, out = check(project, capsys)
    latest = (today + timedelta(days=1)).isoformat()
    assert code == 1
    assert out == [
        f"site_src/papers/pinned.yaml:3:9: error: listed: 9999-12-31 is in the future (after {latest}); "
        "use today's date",
        f"site_src/papers/soon.yaml:3:9: error: listed: {today + timedelta(days=2)} is in the future "
        f"(after {latest}); use today's date",
    ]


def test_a_title_in_look_alike_letters_is_a_duplicate_naming_the_entry(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.add("attention", entry(title="Attention Is All You Need"))
    # Cyrillic A, I, o and e (U+0410, U+0406, U+043E, U+0435) in place of the Latin letters.
    project.add("copy", entry(title="\u0410ttention \u0406s All Y\u043eu N\u0435\u0435d"))
    code, out = check(project, capsys)
    assert code == 1
    assert out == [
        "site_src/papers/copy.yaml:1:8: error: title: a title that looks the same (look-alike letters, such as "
        "Cyrillic or Greek ones) as that of site_src/papers/attention.yaml; this paper is already in the "
        "catalogue, so edit that entry instead"
    ]


@pytest.mark.parametrize(
    ("title", "look_alike"),
    [
        ("Deep Residual Learning", "Deep Res\u0456dual Learning"),  # Cyrillic i (U+0456)
        ("Vision Transformers", "Visi\u03bfn Transf\u03bfrmers"),  # Greek omicron
        ("ResNet-101", "ResNet-1O1"),  # Latin O for the digit zero
        ("An Image is Worth 16x16 Words", "AN IMAGE IS WORTH 16X16 WORDS!"),  # case and punctuation
    ],
)
def test_confusable_titles_share_the_skeleton(title: str, look_alike: str) -> None:
    assert title_key(title) == title_key(look_alike)


def test_different_titles_keep_different_keys() -> None:
    assert title_key("Attention Is All You Need") != title_key("Attention Is Not All You Need")


def test_punctuation_never_reads_as_letters() -> None:
    """The skeleton maps `|` to `l`; a title of punctuation only must not collide with a one-letter title."""
    assert title_key(";|") == "" and title_key("Ļ") != title_key(";|")
