"""Issues by date: the papers listed each day, ISO week and month, each linked to the one before and after."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from generator.enrich.tags import newest_first
from generator.model import Issue, Paper

ISSUE_KINDS = ("days", "weeks", "months")


def day_key(day: date) -> str:
    """Return e.g. `2025-03-12`."""
    return day.isoformat()


def week_key(day: date) -> str:
    """Return the ISO week, e.g. `2025-W11` (ISO years start on a Monday, so 2024-12-30 is in `2025-W01`)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_key(day: date) -> str:
    """Return e.g. `2025-03`."""
    return f"{day.year}-{day.month:02d}"


KEYS: dict[str, Callable[[date], str]] = {"days": day_key, "weeks": week_key, "months": month_key}


def issues_by_date(papers: Iterable[Paper]) -> dict[str, dict[str, Issue]]:
    """Return, for each kind (`days`, `weeks`, `months`), its issues by key, oldest first.

    An issue lists its papers newest first, and papers of one day by title, so ties read in order.
    """
    ordered = newest_first(papers)
    issues: dict[str, dict[str, Issue]] = {}
    for kind, key_of in KEYS.items():
        members: dict[str, list[str]] = {}
        for paper in ordered:
            members.setdefault(key_of(paper.listed), []).append(paper.slug)
        keys = sorted(members)  # the keys' text sorts as their dates do
        issues[kind] = {
            key: Issue(
                kind=kind,
                key=key,
                papers=tuple(members[key]),
                previous=keys[i - 1] if i > 0 else None,
                next=keys[i + 1] if i + 1 < len(keys) else None,
            )
            for i, key in enumerate(keys)
        }
    return issues
