"""Names the site's own pages and folders use, which no slug, tag key or entity key may take.

A paper `index.yaml` would replace the All-papers page, a tag `page` the tags' second page. Add a
name here whenever the site generates a new path segment; a test renders a catalogue and fails on
any segment missing from this list.
"""

from __future__ import annotations

import unicodedata

RESERVED_NAMES = frozenset(
    {
        # pages and folders the renderer writes
        "api",
        "bibtex",
        "contribute",
        "entities",
        "feed",
        "index",
        "papers",
        "robots",
        "search",
        "sitemap",
        "table",
        "tags",
        # list pages: pagination, issues by day, week and month, authors, the map
        "page",
        "days",
        "weeks",
        "months",
        "authors",
        "map",
        "points",  # the map's data files: map/points.json, titles-<n>, words-<n>, tagged-<n>, places-<n>.json
        "titles",
        "words",
        "tagged",
        "places",
        # what MkDocs, the theme and Pagefind add
        "404",
        "assets",
        "pagefind",
    }
)


def is_reserved(name: str) -> bool:
    """Return True when `name`, case-folded, is a name the site uses for its own pages."""
    return unicodedata.normalize("NFKC", name).casefold() in RESERVED_NAMES
