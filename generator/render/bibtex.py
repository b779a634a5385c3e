"""BibTeX for a paper: stable keys, and every special character escaped."""

from __future__ import annotations

import re

from markupsafe import Markup

from generator.model import Paper

# BibTeX counts every brace, escaped or not, so literal braces become commands.
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "#": r"\#",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # In LaTeX's default OT1 encoding `<` and `>` print as inverted ! and ?.
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_ESCAPES = str.maketrans(_SPECIAL)
# The rule text.md_with_math uses, so `costs $5 and $10` stays text here too.
_MATH = re.compile(r"(?<![\\$])\$(?=[^\s$])(?:\\.|[^$\\\n])+?(?<=[^\s\\])\$(?![$0-9])")
_MATH_SPECIAL = re.compile(r"(?<!\\)[%&#]")
# Math that could read or write files or redefine commands when someone runs LaTeX stays text.
_UNSAFE_TEX = re.compile(
    r"\^\^|\\(?:input|include|endinput|write|immediate|openin|openout|read|special|directlua|latelua"
    r"|catcode|csname|[egx]?def|let|newcommand|renewcommand|providecommand|usepackage|begin|end)(?![A-Za-z])"
)
# A name with a comma or the word "and" would be split or reordered by BibTeX's name parser.
_NAME_SEPARATORS = re.compile(r",|\band\b", re.IGNORECASE)


def _balanced(tex: str) -> bool:
    depth = 0
    for char in tex:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def escape(text: str) -> str:
    """Escape text for a braced BibTeX field; balanced `$...$` math is kept as TeX."""
    out, position = [], 0
    for match in _MATH.finditer(text):
        if _balanced(match.group()) and not _UNSAFE_TEX.search(match.group()):
            out.append(text[position : match.start()].translate(_ESCAPES))
            out.append(_MATH_SPECIAL.sub(lambda m: "\\" + m.group(), match.group()))
            position = match.end()
    out.append(text[position:].translate(_ESCAPES))
    return " ".join("".join(out).split())


def _name(author: str) -> str:
    """Escape an author name, bracing it whole where BibTeX would misread it as several names."""
    escaped = escape(author)
    return "{" + escaped + "}" if _NAME_SEPARATORS.search(author) else escaped


def _verbatim(value: str) -> str:
    """Escape a DOI or URL, which BibTeX styles print verbatim; checked values hold no braces."""
    return value.replace("%", r"\%")


def _fields(paper: Paper) -> tuple[str, list[tuple[str, str]]]:
    """Return a paper's BibTeX entry type and its (name, braced value contents) fields, in order."""
    year = (paper.published or paper.listed).year
    fields: list[tuple[str, str]] = [("title", "{" + escape(paper.title) + "}")]
    if paper.authors:
        fields.append(("author", " and ".join(_name(a) for a in paper.authors)))
    if paper.venue:
        fields.append(("booktitle", escape(paper.venue)))
    fields.append(("year", str(year)))
    if paper.arxiv:
        fields += [("eprint", paper.arxiv), ("archiveprefix", "arXiv")]
    if paper.doi:
        fields.append(("doi", _verbatim(paper.doi)))
    url = paper.links.get("paper") or (f"https://arxiv.org/abs/{paper.arxiv}" if paper.arxiv else None)
    if url:
        fields.append(("url", _verbatim(url)))
    return ("inproceedings" if paper.venue else "misc"), fields


def bibtex_entry(paper: Paper) -> str:
    """Return one BibTeX entry; the key is the slug, so it never changes."""
    kind, fields = _fields(paper)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{paper.slug},\n{body}\n}}\n"


def bibtex_html(paper: Paper) -> Markup:
    """Return the entry as escaped HTML, marked with the token classes Material's code highlighting colours."""
    kind, fields = _fields(paper)
    head = Markup(
        '<span class="nc">@%s</span><span class="p">{</span><span class="nl">%s</span><span class="p">,</span>\n'
    ) % (kind, paper.slug)
    lines = [
        Markup('  <span class="na">%s</span> <span class="p">=</span> <span class="s">{%s}</span>') % (name, value)
        for name, value in fields
    ]
    return head + Markup('<span class="p">,</span>\n').join(lines) + Markup('\n<span class="p">}</span>\n')
