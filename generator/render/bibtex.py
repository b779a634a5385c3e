"""BibTeX for a paper: stable keys, and every special character escaped."""

from __future__ import annotations

import re

from generator.model import Paper

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_MATH = re.compile(r"(?<![\\$])\$[^$\n]+?\$")


def _balanced(tex: str) -> bool:
    depth = 0
    for char in re.sub(r"\\.", "", tex):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def escape(text: str) -> str:
    """Escape text for a braced BibTeX field; balanced `$...$` math is kept as TeX."""
    out, position = [], 0
    for match in _MATH.finditer(text):
        if _balanced(match.group()):
            out.append("".join(_SPECIAL.get(c, c) for c in text[position : match.start()]))
            out.append(match.group())
            position = match.end()
    out.append("".join(_SPECIAL.get(c, c) for c in text[position:]))
    return " ".join("".join(out).split())


def _verbatim(value: str) -> str:
    """Escape a DOI or URL, which BibTeX styles print verbatim; checked values hold no braces."""
    return value.replace("%", r"\%")


def bibtex_entry(paper: Paper) -> str:
    """Return one BibTeX entry; the key is the slug, so it never changes."""
    year = (paper.published or paper.listed).year
    fields: list[tuple[str, str]] = [("title", "{" + escape(paper.title) + "}")]
    if paper.authors:
        fields.append(("author", " and ".join(escape(a) for a in paper.authors)))
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
    kind = "inproceedings" if paper.venue else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{paper.slug},\n{body}\n}}\n"
