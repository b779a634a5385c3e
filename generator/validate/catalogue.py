"""Checks across the whole catalogue: known tags, duplicates and slug collisions."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import partial

from generator.diagnostics import Diagnostic, error, warning
from generator.identity import IdentityKey, identity_keys, normalised_title
from generator.load.sources import LoadedFile
from generator.model import Paper, Tag
from generator.validate.answers import CrossAnswers
from generator.validate.messages import did_you_mean

NEAR_TITLE_RATIO = 0.92
NEIGHBOURS = 5


def unknown_tags(files: Iterable[LoadedFile], tags: dict[str, Tag]) -> list[Diagnostic]:
    """Report every tag an entry uses that the taxonomy lacks, with the closest key."""
    problems = []
    for file in files:
        data = file.document.data
        used = data.get("tags") if isinstance(data, dict) else None
        if not isinstance(used, list):
            continue
        for i, key in enumerate(used):
            if isinstance(key, str) and key not in tags:
                problems.append(
                    error(
                        file.path,
                        *file.document.value_mark(("tags", i)),
                        f"tags[{i}]: unknown tag '{key}'{did_you_mean(key, tags)}; "
                        "use a key of site_src/tags.yaml or add the tag there",
                    )
                )
            elif used.index(key) != i:
                problems.append(
                    error(
                        file.path,
                        *file.document.value_mark(("tags", i)),
                        f"tags[{i}]: '{key}' is listed twice; remove one",
                    )
                )
    return problems


def duplicates(
    papers: list[Paper], marks: Callable[[Paper, str], tuple[int, int]], answers: CrossAnswers | None = None
) -> list[Diagnostic]:
    """Report entries that share an arXiv id, a DOI or a normalised title (`answers`: kept from the last run)."""
    answers = answers or CrossAnswers(keep=False)  # a build asks each once
    problems = []
    first: dict[IdentityKey, Paper] = {}
    for paper in papers:
        for key in answers.identity.get((paper.title, paper.arxiv, paper.doi), partial(identity_keys, paper)):
            original = first.setdefault(key, paper)
            if original is not paper:
                same = f"same {key.label} as"
                if key.field == "title" and normalised_title(paper.title) != normalised_title(original.title):
                    same = "a title that looks the same (look-alike letters, such as Cyrillic or Greek ones) as that of"
                problems.append(
                    error(
                        paper.source,
                        *marks(paper, key.field),
                        f"{key.field}: {same} {original.source}; this paper is already in the catalogue, "
                        "so edit that entry instead",
                    )
                )
    return problems


def near_identical_titles(
    papers: list[Paper], marks: Callable[[Paper, str], tuple[int, int]], answers: CrossAnswers | None = None
) -> list[Diagnostic]:
    """Warn about titles a few characters apart, comparing neighbours in sorted order only (`answers`: kept from
    the last run, so the preview compares again only the pairs an edit made neighbours)."""
    answers = answers or CrossAnswers(keep=False)  # a build asks each once
    problems = []
    seen: set[tuple[str, ...]] = set()
    normal = {p.slug: answers.normal.get(p.title, partial(normalised_title, p.title)) for p in papers}
    counted: dict[str, Counter[str]] = {}

    def characters(title: str) -> Counter[str]:
        if title not in counted:
            counted[title] = Counter(title)
        return counted[title]

    for reverse in (False, True):
        order = sorted(papers, key=lambda p: normal[p.slug][::-1] if reverse else normal[p.slug])
        for i, paper in enumerate(order):
            for other in order[i + 1 : i + 1 + NEIGHBOURS]:
                titles = normal[paper.slug], normal[other.slug]
                if not answers.near.get(titles, partial(_near, *titles, characters)):
                    continue
                pair = tuple(sorted((paper.slug, other.slug)))
                if pair not in seen:
                    seen.add(pair)
                    later, earlier = sorted((paper, other), key=lambda p: p.slug, reverse=True)
                    problems.append(
                        warning(
                            later.source,
                            *marks(later, "title"),
                            f"title: nearly the same title as {earlier.source}; if it is the same paper, "
                            "keep one entry",
                        )
                    )
    return problems


def _near(a: str, b: str, characters: Callable[[str], Counter[str]]) -> bool:
    """Return whether two different normalised titles are a few characters apart (SequenceMatcher's ratio)."""
    if a == b or not _may_be_near(a, b, characters(a), characters(b)):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_TITLE_RATIO


def _may_be_near(a: str, b: str, a_characters: Counter[str], b_characters: Counter[str]) -> bool:
    """Return False when SequenceMatcher's ratio() of the two titles must be below NEAR_TITLE_RATIO."""
    total = len(a) + len(b)
    # ratio() is 2.0 * matches / total, and its matches are never more than the shorter title's length...
    if 2.0 * min(len(a), len(b)) / total < NEAR_TITLE_RATIO:
        return False
    # ...nor than the characters both titles share, counted with repeats (what quick_ratio() computes).
    return 2.0 * sum((a_characters & b_characters).values()) / total >= NEAR_TITLE_RATIO


def slug_collisions(papers: list[Paper]) -> list[Diagnostic]:
    """Report slugs that differ only in case or Unicode form."""
    problems = []
    first: dict[str, Paper] = {}
    for paper in papers:
        key = unicodedata.normalize("NFKC", paper.slug).casefold()
        original = first.setdefault(key, paper)
        if original is not paper:
            problems.append(
                error(
                    paper.source,
                    1,
                    1,
                    f"file name collides with {original.source} on case-insensitive systems; rename one",
                )
            )
    return problems


def future_listings(
    papers: list[Paper], marks: Callable[[Paper, str], tuple[int, int]], today: date
) -> list[Diagnostic]:
    """Refuse entries listed later than tomorrow (a day's grace for time zones): they would stay on top."""
    latest = today + timedelta(days=1)
    return [
        error(
            p.source,
            *marks(p, "listed"),
            f"listed: {p.listed.isoformat()} is in the future (after {latest.isoformat()}); use today's date",
        )
        for p in papers
        if p.listed > latest
    ]
