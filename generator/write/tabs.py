"""MkDocs hook: a generated page highlights the tab of the section it belongs to.

Paper, tag, entity, date and author pages are kept out of the nav (mkdocs.yml: not_in_nav), so
Material would highlight no tab on them; this marks the section's own page active while one of
them renders. It changes only which tab is highlighted, never what a page says.
"""

from __future__ import annotations

from typing import Any

# The first folder of a generated page's docs path -> the nav page of its tab.
SECTIONS = {
    "papers": "papers/index.md",
    "authors": "papers/index.md",
    "tags": "tags/index.md",
    "entities": "entities/index.md",
    "days": "index.md",
    "weeks": "index.md",
    "months": "index.md",
}


def _section(page: Any, nav: Any) -> Any:
    """Return the nav page whose tab `page` belongs under, or None when it is in the nav itself."""
    if page in nav.pages:
        return None
    target = SECTIONS.get(page.file.src_uri.split("/", 1)[0])
    return next((item for item in nav.pages if item.file.src_uri == target), None)


_marked: list[Any] = []  # the nav page marked for the page being rendered


def on_page_context(context: Any, page: Any, config: Any, nav: Any, **_: Any) -> Any:
    """Mark the section's nav page active while `page` renders."""
    section = _section(page, nav)
    if section is not None:
        section.active = True
        _marked.append(section)
    return context


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    """Unmark it, so the next page starts from the nav as MkDocs built it."""
    while _marked:
        _marked.pop().active = False
    return output
