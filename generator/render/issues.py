"""Pages of issues by date (`/days/2025-03-12/`, `/weeks/2025-W11/`, `/months/2025-03/`) and their archive."""

from __future__ import annotations

from datetime import date

import jinja2
from markupsafe import Markup

from generator.model import Enriched, Issue
from generator.render.cards import paper_card
from generator.render.pager import paginate
from generator.render.text import html_text, md_inline
from generator.render.views import LIST_TEMPLATE, Link, front_matter, href, human_date, page_path
from generator.validate.fields import MONTH_NAMES

ARCHIVE = "days/index.md"


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
    """Return the pages of one issue, {docs path: Markdown}: its papers as cards, paginated, with previous and next."""
    title = issue_title(issue)
    pages: dict[str, str] = {}
    for page in paginate(page_path(issue.kind, issue.key), issue.papers):
        heading = title if page.number == 1 else f"{title} (page {page.number} of {page.count})"
        pages[page.path] = env.get_template("issue.md.j2").render(
            front=front_matter(
                f"Papers of {heading}",
                f"The papers listed {'on' if issue.kind == 'days' else 'in'} {title}.",
                LIST_TEMPLATE,
            ),
            title=md_inline(heading),
            total=len(issue.papers),
            previous=_issue_link(page.path, enriched, issue.kind, issue.previous),
            next=_issue_link(page.path, enriched, issue.kind, issue.next),
            wider=_wider(page.path, enriched, issue),
            archive=href(page.path, ARCHIVE),
            cards=[paper_card(page.path, enriched, enriched.paper[slug]) for slug in page.items],
            pager=page.pager,
        )
    return pages


def archive_page(env: jinja2.Environment, enriched: Enriched) -> str:
    """Return `/days/`: every month, newest first, with its weeks and days, so any date is one click away."""
    months = []
    for key in reversed(enriched.issues["months"]):
        month = enriched.issues["months"][key]
        days = [d for d in enriched.issues["days"] if d.startswith(key + "-")]
        months.append(
            {
                "link": _issue_link(ARCHIVE, enriched, "months", key),
                "count": len(month.papers),
                "days": [
                    Link(
                        Markup(f"{int(d[-2:])} {date.fromisoformat(d):%b}"),
                        href(ARCHIVE, page_path("days", d)),
                        Markup(len(enriched.issues["days"][d].papers)),
                    )
                    for d in days
                ],
            }
        )
    return env.get_template("archive.md.j2").render(
        front=front_matter("Papers by date", extra=LIST_TEMPLATE), months=months
    )
