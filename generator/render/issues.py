"""Pages of issues by date (`/days/2025-03-12/`, `/weeks/2025-W11/`, `/months/2025-03/`) and their archive.

A day lists its papers as cards, a week as rows under each of its days, and a month is a calendar of
its weeks and days with their counts and the month's topics: each paper is a card on one date page
only, so the three views cost little more than one (the site has 10 KB per paper in all).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import jinja2
from markupsafe import Markup

from generator.enrich.issues import day_key, week_key
from generator.model import Enriched, Issue, Paper
from generator.render.cards import paper_card, paper_row
from generator.render.pager import CARDS_PER_PAGE, ROWS_PER_PAGE, paginate
from generator.render.text import html_text
from generator.render.views import LIST_TEMPLATE, Link, front_matter, href, human_date, page_path, tag_link
from generator.validate.fields import MONTH_NAMES

ARCHIVE = "days/index.md"
TOPICS_SHOWN = 12


def issue_title(issue: Issue) -> str:
    """Return e.g. `12 Mar 2025`, `Week 11 of 2025 (10 Mar to 16 Mar)` or `March 2025`."""
    if issue.kind == "days":
        return str(human_date(date.fromisoformat(issue.key)))
    if issue.kind == "weeks":
        year, week = issue.key.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        sunday = date.fromisocalendar(int(year), int(week), 7)
        return f"Week {int(week)} of {year} ({monday.day} {monday:%b} to {sunday.day} {sunday:%b})"
    year, month = issue.key.split("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


def _issue_link(from_page: str, enriched: Enriched, kind: str, key: str | None) -> Link | None:
    if key is None or key not in enriched.issues[kind]:
        return None
    return Link(html_text(issue_title(enriched.issues[kind][key])), href(from_page, page_path(kind, key)))


def _wider(from_page: str, enriched: Enriched, issue: Issue) -> list[Link]:
    """Return links to the week and month a day's issue is in, or the month a week starts in."""
    if issue.kind == "months":
        return []
    first = date.fromisoformat(issue.key) if issue.kind == "days" else date.fromisocalendar(*_iso(issue.key), 1)
    wider = [("weeks", f"{first.isocalendar()[0]}-W{first.isocalendar()[1]:02d}")] if issue.kind == "days" else []
    wider.append(("months", f"{first.year}-{first.month:02d}"))
    return [link for kind, key in wider if (link := _issue_link(from_page, enriched, kind, key))]


def _iso(week: str) -> tuple[int, int]:
    year, number = week.split("-W")
    return int(year), int(number)


def issue_pages(env: jinja2.Environment, enriched: Enriched, issue: Issue) -> dict[str, str]:
    """Return the pages of one issue, {docs path: Markdown}: a day's cards or a week's rows, paginated, or a month's calendar."""
    title = issue_title(issue)
    pages: dict[str, str] = {}
    listed = issue.papers if issue.kind != "months" else ()
    size = CARDS_PER_PAGE if issue.kind == "days" else ROWS_PER_PAGE
    for page in paginate(page_path(issue.kind, issue.key), listed, size):
        heading = title if page.number == 1 else f"{title} (page {page.number} of {page.count})"
        papers = [enriched.paper[slug] for slug in page.items]
        pages[page.path] = env.get_template("issue.md.j2").render(
            front=front_matter(
                f"Papers of {heading}",
                f"The papers listed {'on' if issue.kind == 'days' else 'in'} {title}.",
                LIST_TEMPLATE,
            ),
            title=html_text(heading),
            total=len(issue.papers),
            previous=_issue_link(page.path, enriched, issue.kind, issue.previous),
            next=_issue_link(page.path, enriched, issue.kind, issue.next),
            wider=_wider(page.path, enriched, issue),
            archive=href(page.path, ARCHIVE),
            cards=[paper_card(page.path, enriched, paper) for paper in papers] if issue.kind == "days" else [],
            days=_rows_by_day(page.path, enriched, papers) if issue.kind == "weeks" else [],
            calendar=_calendar(page.path, enriched, issue) if issue.kind == "months" else [],
            topics=_topics(page.path, enriched, issue) if issue.kind == "months" else [],
            pager=page.pager,
        )
    return pages


def _rows_by_day(from_page: str, enriched: Enriched, papers: list[Paper]) -> list[dict[str, object]]:
    """Return a week page's papers as rows under a link to each of their days, in the page's order."""
    groups: dict[str, list[Paper]] = {}
    for paper in papers:
        groups.setdefault(day_key(paper.listed), []).append(paper)
    return [
        {
            "link": _issue_link(from_page, enriched, "days", key),
            "count": len(enriched.issues["days"][key].papers),
            "rows": [paper_row(from_page, paper) for paper in members],
        }
        for key, members in groups.items()
    ]


def _calendar(from_page: str, enriched: Enriched, month: Issue) -> list[dict[str, object]]:
    """Return a month's weeks, each with a link to its page and to each of its days in this month, with counts."""
    weeks: dict[str, list[str]] = {}
    for key in sorted({day_key(enriched.paper[slug].listed) for slug in month.papers}):
        weeks.setdefault(week_key(date.fromisoformat(key)), []).append(key)
    return [
        {
            "link": _issue_link(from_page, enriched, "weeks", week),
            "days": [_day_chip(from_page, enriched, key) for key in days],
        }
        for week, days in weeks.items()
    ]


def _day_chip(from_page: str, enriched: Enriched, key: str) -> Link:
    """Return a link to a day's page as `12 Mar`, noting how many papers it lists."""
    return Link(
        Markup(f"{int(key[-2:])} {date.fromisoformat(key):%b}"),
        href(from_page, page_path("days", key)),
        Markup(len(enriched.issues["days"][key].papers)),
    )


def _topics(from_page: str, enriched: Enriched, issue: Issue) -> list[Link]:
    """Return the tags most papers of the issue carry, with how many carry each."""
    counts = Counter(key for slug in issue.papers for key in enriched.paper[slug].tags)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOPICS_SHOWN]
    return [tag_link(from_page, enriched, key, count) for key, count in ranked]


def archive_page(env: jinja2.Environment, enriched: Enriched) -> str:
    """Return `/days/`: every month, newest first, with its weeks and days, so any date is one click away."""
    days_of: dict[str, list[str]] = {}
    for key in enriched.issues["days"]:  # oldest first, so each month's days are in order
        days_of.setdefault(key[:7], []).append(key)
    months = [
        {
            "link": _issue_link(ARCHIVE, enriched, "months", key),
            "count": len(enriched.issues["months"][key].papers),
            "days": [_day_chip(ARCHIVE, enriched, d) for d in days_of[key]],
        }
        for key in reversed(enriched.issues["months"])
    ]
    return env.get_template("archive.md.j2").render(
        front=front_matter("Papers by date", extra=LIST_TEMPLATE), months=months
    )
