"""MkDocs hook: drop the indentation of Material's templates from every built page.

Outside <pre> and <textarea>, whose whitespace is their content:
- each run of whitespace that holds a line break becomes one line break, which a browser collapses
  to one space anyway;
- a line break between a tag and the start or end of a block-level element goes, since whitespace
  there is never drawn (it collapses away at the edge of a block, and between blocks, list items,
  table cells and flex items).
So every page reads and renders as before; only bytes go. minify-html saved a little more, but it
writes `<` and `>` unescaped in titles and attribute values, where the hostile-input tests require
entry text to stay escaped.
"""

from __future__ import annotations

import re
from typing import Any

_VERBATIM = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)
_INDENTED_BREAK = re.compile(r"[ \t\r\f]*\n\s*")
# Elements that are blocks, list items, table parts or never drawn, in every stylesheet of the site.
_BLOCKS = (
    "html|head|body|title|meta|link|script|style|header|footer|main|nav|article|section|aside|div|p|ul|ol|li"
    "|h[1-6]|table|thead|tbody|tr|th|td|form|pre|details|summary|figure|figcaption|dl|dt|dd|blockquote|hr"
)
_BREAK_AT_BLOCK = re.compile(rf">\n(?=</?(?:{_BLOCKS})[\s>/])", re.IGNORECASE)


def strip_indentation(html: str) -> str:
    """Return `html` without the indentation and block-edge line breaks outside verbatim blocks."""
    parts = _VERBATIM.split(html)
    return "".join(
        part if i % 2 else _BREAK_AT_BLOCK.sub(">", _INDENTED_BREAK.sub("\n", part)) for i, part in enumerate(parts)
    )


def on_post_page(output: str, **_: Any) -> str:
    """Strip the indentation of the page MkDocs is about to write."""
    return strip_indentation(output)
