"""Author keys and pages' data, and issues by day, ISO week and month, computed in the enrich stage."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from generator.enrich.authors import author_key, authors_of
from generator.enrich.issues import issues_by_date, week_key
from generator.model import Paper


def paper(slug: str, authors: tuple[str, ...] = (), listed: date = date(2025, 3, 12), **extra: Any) -> Paper:
    fields: dict[str, Any] = {"title": slug.title(), "abstract": "A.", "tags": ("t",), "source": "s", **extra}
    return Paper(slug=slug, authors=authors, listed=listed, **fields)


@pytest.mark.parametrize(
    "spellings",
    [
        ("José García", "Jose Garcia", "JOSÉ GARCÍA", "José  García", "Jose\u0301 Garci\u0301a"),
        ("Ｍａｒｉａ Ｌｏｐｅｚ", "Maria Lopez"),  # full-width forms fold under NFKC
        ("Zoë O'Brien", "Zoe O Brien", "zoe o.brien"),
        ("Straße", "STRASSE"),
    ],
)
def test_spellings_of_one_name_share_a_key(spellings: tuple[str, ...]) -> None:
    assert len({author_key(name) for name in spellings}) == 1


@pytest.mark.parametrize(
    "people",
    [("J. Smith", "John Smith"), ("J. Smith", "Jane Smith"), ("A. B. Chen", "A. Chen"), ("Li Wei", "Wei Li")],
)
def test_initials_never_merge_people(people: tuple[str, ...]) -> None:
    assert len({author_key(name) for name in people}) == len(people)


def test_author_key_is_a_url_segment() -> None:
    assert author_key("José García") == "jose-garcia"
    assert author_key("  Grace   Hopper, Jr. ") == "grace-hopper-jr"
    assert author_key("王小明") == "王小明"


def test_an_author_has_papers_newest_first_co_authors_and_tags() -> None:
    papers = [
        paper("old", ("Ada Lovelace", "Charles Babbage"), date(2024, 1, 1), tags=("math",)),
        paper("new", ("ADA LOVELACE", "Grace Hopper", "Charles Babbage"), date(2025, 1, 1), tags=("math", "code")),
        paper("mid", ("Ada Lovelace",), date(2024, 6, 1), tags=("code",)),
        paper("nobody", ()),
    ]
    authors = authors_of(papers)
    assert sorted(authors) == ["ada-lovelace", "charles-babbage", "grace-hopper"]
    ada = authors["ada-lovelace"]
    assert ada.name == "Ada Lovelace"  # the spelling used most often
    assert ada.papers == ("new", "mid", "old")
    assert ada.coauthors == (("charles-babbage", 2), ("grace-hopper", 1))
    assert ada.tags == (("code", 2), ("math", 2))


def test_a_name_written_twice_on_one_paper_counts_once() -> None:
    authors = authors_of([paper("p", ("Ada Lovelace", "Ada  Lovelace"))])
    assert authors["ada-lovelace"].papers == ("p",) and authors["ada-lovelace"].coauthors == ()


@pytest.mark.parametrize(
    ("day", "week"),
    [(date(2025, 3, 12), "2025-W11"), (date(2024, 12, 30), "2025-W01"), (date(2021, 1, 3), "2020-W53")],
)
def test_weeks_are_iso_weeks(day: date, week: str) -> None:
    assert week_key(day) == week


def test_issues_by_day_week_and_month_with_previous_and_next() -> None:
    papers = [
        paper("b", listed=date(2025, 3, 12)),
        paper("a", listed=date(2025, 3, 12)),
        paper("c", listed=date(2025, 3, 10)),
        paper("d", listed=date(2025, 1, 31)),
    ]
    issues = issues_by_date(papers)
    days = issues["days"]
    assert list(days) == ["2025-01-31", "2025-03-10", "2025-03-12"]
    assert days["2025-03-12"].papers == ("a", "b")  # one day's papers by title, never by file order
    assert (days["2025-03-10"].previous, days["2025-03-10"].next) == ("2025-01-31", "2025-03-12")
    assert days["2025-01-31"].previous is None and days["2025-03-12"].next is None
    assert list(issues["weeks"]) == ["2025-W05", "2025-W11"]
    assert issues["weeks"]["2025-W11"].papers == ("a", "b", "c")
    assert list(issues["months"]) == ["2025-01", "2025-03"]
    assert issues["months"]["2025-03"].previous == "2025-01"
