"""MkDocs hook: run an allow-list HTML sanitiser (nh3) over every generated page's content.

Entry text reaches Markdown only escaped (generator/render/text.py), so this pass should never
change what a reader sees; it is the second lock, should an escaping bug ever let markup through.
"""

from __future__ import annotations

from typing import Any

import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "article",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "hidden", "role"},
    "a": {"href", "rel", "type"},
    "td": {"align"},
    "th": {"align"},
    "ol": {"start"},
}
# Every page that prints entry text: papers, their lists and the home page (its newest day's cards).
GENERATED = ("papers/", "tags/", "entities/", "authors/", "days/", "weeks/", "months/", "index.md")


def sanitise(html: str) -> str:
    """Return `html` with every tag, attribute and URL scheme outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"https"},
        link_rel=None,
        strip_comments=True,
    )


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Sanitise the pages generated from entries; hand-written pages pass unchanged."""
    return sanitise(html) if page.file.src_uri.startswith(GENERATED) else html
