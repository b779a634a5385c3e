"""The preview's pages kept between renders, and which of them a change of the catalogue reaches.

render_site() renders a paper's, tag's, entity's, issue's or author's pages again only when `reached()`
says that the change between two enrichments shows on them; the others keep the text of the last
render. What reaches a page is read off render/: a paper's page shows the paper, its authors' page
links, and the titles and short names of its related and naming papers; a list's pages show their
papers' cards or rows, with author links; a tag's feed, its newest papers. The exports' pieces, the
sitemaps and a tag's pages after the first are kept while what they are made from is equal
(`made_from`). Every other file (indexes, table, the site's feed, map, home) is rendered every time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from generator.enrich.authors import author_key
from generator.enrich.issues import KEYS
from generator.model import Enriched, Tag
from generator.render.cards import has_author_page
from generator.render.feeds import FEED_SIZE

Key = tuple[str, str]  # a family of pages ("papers", "tags", "entities", an issue kind, "authors") and a key in it
# Files kept while what they were made from is equal: KeptPages.made_from, or `fresh` to make them every time.
MadeFrom = Callable[[Key, object, Callable[[], dict[str, str]]], dict[str, str]]


def fresh(key: Key, inputs: object, render: Callable[[], dict[str, str]]) -> dict[str, str]:
    """Return the files `render()` makes, keeping nothing (the production build)."""
    return render()


class KeptPages:
    """Each key's pages from the last render that was kept, and which keys the next render must render again."""

    def __init__(self) -> None:
        self._kept: dict[Key, dict[str, str]] = {}
        self._made: dict[Key, dict[str, str]] = {}
        self._reached: set[Key] | None = None
        self._inputs: dict[Key, object] = {}  # what the files of made_from() keys were made from
        self._made_inputs: dict[Key, object] = {}

    def begin(self, reached: set[Key] | None) -> None:
        """Start a render that renders the keys `reached` again (None: every key)."""
        self._made, self._made_inputs, self._reached = {}, {}, reached

    def pages(self, key: Key, render: Callable[[], dict[str, str]]) -> dict[str, str]:
        """Return the pages of `key`: kept, or rendered again if the change reaches them or none are kept."""
        kept = self._kept.get(key)
        if kept is None or self._reached is None or key in self._reached:
            kept = render()
        self._made[key] = kept
        return kept

    def made_from(self, key: Key, inputs: object, render: Callable[[], dict[str, str]]) -> dict[str, str]:
        """Return the files of `key`, which depend on `inputs` alone (and the settings): kept while the inputs are equal."""
        kept = self._kept.get(key)
        if kept is None or self._reached is None or self._inputs.get(key) != inputs:
            kept = render()
        self._made[key], self._made_inputs[key] = kept, inputs
        return kept

    def keep(self) -> None:
        """Keep the pages of the render begun last (once they are written), for the next one.

        Files of made_from() not asked for (their pages were kept whole) stay kept too: they are used
        only while their inputs are equal.
        """
        unasked = [k for k in self._inputs if k not in self._made]
        self._kept = {**{k: self._kept[k] for k in unasked}, **self._made}
        self._inputs = {**{k: self._inputs[k] for k in unasked}, **self._made_inputs}


def reached(before: Enriched, after: Enriched) -> set[Key] | None:
    """Return the keys whose pages may differ between the two enrichments (None: any page may)."""
    if (before.catalogue.tags, before.catalogue.entities) != (after.catalogue.tags, after.catalogue.entities):
        return None
    changed = {s for s in before.paper.keys() | after.paper.keys() if before.paper.get(s) != after.paper.get(s)}
    writers = {
        author_key(name) for e in (before, after) for s in changed if s in e.paper for name in e.paper[s].authors
    }
    renamed = {k for k in writers if before.authors.get(k) != after.authors.get(k)}
    flipped = {k for k in renamed if has_author_page(before, k) != has_author_page(after, k)}
    shown = changed | {s for e in (before, after) for k in flipped if k in e.authors for s in e.authors[k].papers}
    keys = {("papers", s) for s in _papers_reached(before, after, changed, shown)}
    # A list holds a paper as one of its tags (or a tag under it), entities, dates or authors says.
    versions = [e.paper[s] for e in (before, after) for s in shown if s in e.paper]
    tags = after.catalogue.tags
    keys |= {("tags", k) for p in versions for k in _with_parents(p.tags, tags)}
    keys |= {("entities", k) for e in (before, after) for s in shown for k in e.mentions.get(s, ())}
    keys |= {(kind, key_of(p.listed)) for p in versions for kind, key_of in KEYS.items()}
    for kind, issues in after.issues.items():  # an issue's neighbours link to it
        last = before.issues.get(kind, {})
        keys |= {(kind, k) for k, issue in issues.items() if last.get(k) != issue}
    keys |= {("authors", author_key(name)) for p in versions for name in p.authors}
    # An author's page names their co-authors, linked where they have a page.
    keys |= {
        ("authors", c) for e in (before, after) for k in renamed if k in e.authors for c, _ in e.authors[k].coauthors
    }
    for k, newest in after.papers_by_tag.items():  # a tag's feed: its newest papers
        if _touches(changed, newest[:FEED_SIZE], before.papers_by_tag.get(k, ())[:FEED_SIZE]):
            keys.add(("feeds", f"tags/{k}/"))
    return keys


def _papers_reached(before: Enriched, after: Enriched, changed: set[str], shown: set[str]) -> Iterable[str]:
    """Return the papers whose page may differ: shown again, or with other related or naming papers, or naming a changed one."""
    for paper in after.catalogue.papers:
        s = paper.slug
        related, named_by = after.related.get(s, ()), after.mentioned_by.get(s, ())
        if (
            s in shown
            or related != before.related.get(s, ())
            or named_by != before.mentioned_by.get(s, ())
            or after.mentions.get(s) != before.mentions.get(s)
            or any(r.slug in changed for r in related)
            or _touches(changed, named_by)
        ):
            yield s


def _with_parents(keys: Iterable[str], tags: Mapping[str, Tag]) -> set[str]:
    """Return the tags and every parent topic above them."""
    found: set[str] = set()
    for key in keys:
        while key in tags and key not in found:
            found.add(key)
            key = tags[key].parent or ""
    return found


def _touches(slugs: set[str], *lists: Iterable[str]) -> bool:
    """Return whether any of the lists holds one of `slugs`."""
    return any(s in slugs for items in lists for s in items)
