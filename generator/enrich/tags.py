"""Tag indexes: the papers under each tag, and which tags appear together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.model import Paper, Tag


def newest_first(papers: Iterable[Paper]) -> list[Paper]:
    """Sort papers by listed date, newest first, then by title."""
    return sorted(papers, key=lambda p: (-p.listed.toordinal(), p.title.casefold(), p.slug))


def papers_by_tag(papers: Iterable[Paper], tags: dict[str, Tag]) -> dict[str, tuple[str, ...]]:
    """Return each tag's papers (slugs), newest first; every tag has an entry."""
    members: dict[str, list[str]] = {key: [] for key in tags}
    for paper in newest_first(papers):
        for key in paper.tags:
            members.setdefault(key, []).append(paper.slug)
    return {key: tuple(slugs) for key, slugs in members.items()}


def papers_under_tag(papers: Iterable[Paper], tags: dict[str, Tag]) -> dict[str, tuple[str, ...]]:
    """Return each tag's papers with those of its subtopics (slugs), newest first; every tag has an entry."""
    members: dict[str, list[str]] = {key: [] for key in tags}
    for paper in newest_first(papers):
        under = set()
        for key in paper.tags:
            while key in tags and key not in under:
                under.add(key)
                key = tags[key].parent or ""
        for key in sorted(under):
            members[key].append(paper.slug)
    return {key: tuple(slugs) for key, slugs in members.items()}


def tag_cooccurrence(papers: Iterable[Paper]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Return, for each tag, the other tags on its papers with counts, most frequent first."""
    counts: dict[str, Counter[str]] = {}
    for paper in papers:
        for key in paper.tags:
            counts.setdefault(key, Counter()).update(other for other in paper.tags if other != key)
    return {
        key: tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0]))) for key, counter in counts.items()
    }


def child_tags(tags: dict[str, Tag]) -> dict[str, tuple[str, ...]]:
    """Return each tag's children, sorted by name."""
    children: dict[str, list[str]] = {key: [] for key in tags}
    for tag in tags.values():
        if tag.parent in children:
            children[tag.parent].append(tag.key)
    return {key: tuple(sorted(keys, key=lambda k: tags[k].name.casefold())) for key, keys in children.items()}
