"""Make untrusted entry text inert in Markdown and HTML: it always displays as the text it is."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from generator.validate.tex import INLINE_MATH

# Characters Python-Markdown un-escapes after a backslash; escaping them everywhere stops
# emphasis, code spans, links, images, footnotes, attribute lists and admonitions.
_BACKSLASHED = frozenset("\\`*_{}[]#!")
# HTML specials and the table pipe become entities, so no tag, autolink or cell break forms.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", '"': "&quot;"}
# At the start of a line, these begin lists, headings or rules.
_LINE_START = re.compile(r"^(\s*)([-+=]|[0-9]+(?=[.)]))")


# An https address runs to the next space or character no URL holds; sentence punctuation after it is not part of it.
_HTTPS = re.compile(r"https://[A-Za-z0-9][^\s<>\"'`\\|{}^]+")
_TRAILING = ".,;:!?'\""

_ESCAPES = str.maketrans({**{ch: "\\" + ch for ch in _BACKSLASHED}, **_ENTITIES})


def _escape_chars(text: str) -> str:
    return text.translate(_ESCAPES)


def _guard_line_start(escaped: str) -> str:
    match = _LINE_START.match(escaped)
    if not match:
        return escaped
    lead, marker = match.group(1), match.group(2)
    guarded = marker + "\\" if marker[0].isdigit() else f"&#{ord(marker)};"
    return lead + guarded + escaped[match.end() :]


def md_inline(text: str) -> Markup:
    """Return text for a single line of Markdown, shown exactly as written."""
    return Markup(_guard_line_start(_escape_chars(" ".join(text.split()))))


def _linked(text: str) -> str:
    """Escape text for HTML, with each https address in it a link to itself."""
    pieces, position = [], 0
    for match in _HTTPS.finditer(text):
        address = match.group().rstrip(_TRAILING)
        if address.endswith(")") and address.count("(") < address.count(")"):
            address = address[:-1]  # `(see https://x.org/a)`: the parenthesis closes the sentence's
        end = match.start() + len(address)
        pieces.append(_html_escaped(text[position : match.start()]))
        pieces.append(f'<a href="{url(address)}">{_html_escaped(address)}</a>')
        position = end
    pieces.append(_html_escaped(text[position:]))
    return "".join(pieces)


def html_with_math(text: str, links: bool = False) -> Markup:
    """Escape text for an HTML element, with `$...$` as inline TeX that KaTeX renders (math.js), still only text;
    `links` links https addresses."""
    flat = " ".join(text.split())
    plain = _linked if links else _html_escaped
    pieces, position = [], 0
    for match in INLINE_MATH.finditer(flat):
        pieces.append(plain(flat[position : match.start()]))
        pieces.append(Markup('<span class="arithmatex">\\(%s\\)</span>') % match["tex"])
        position = match.end()
    pieces.append(plain(flat[position:]))
    return Markup("").join(Markup(piece) for piece in pieces)


def _html_escaped(text: str) -> str:
    return str(escape(text))


def paragraphs(text: str) -> list[str]:
    """Split plain text into its paragraphs, at blank lines."""
    return [block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]


def html_paragraphs(text: str) -> list[Markup]:
    """Return each paragraph of plain text as escaped HTML, its https addresses as links."""
    return [html_with_math(block, links=True) for block in paragraphs(text)]


def html_text(text: str) -> Markup:
    """Escape text for an HTML element or a quoted attribute."""
    return escape(" ".join(text.split()))


def url(value: str) -> Markup:
    """Return a validated https URL for a Markdown link target `<...>` or an HTML attribute."""
    if not value.startswith("https://") or any(c in value for c in " <>\"'`\\\n"):
        raise ValueError(f"refusing to render unchecked URL {value!r}")
    return Markup(value.replace("&", "&amp;"))
