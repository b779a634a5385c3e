"""BibTeX for a paper: stable keys, and every special character escaped."""

from __future__ import annotations

import re

from markupsafe import Markup

from generator.model import Paper
from generator.validate.fields import MONTH_ABBREVIATIONS
from generator.validate.tex import INLINE_MATH, TexRefused, check_formula

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
# A name with a comma or the word "and" would be split or reordered by BibTeX's name parser.
_NAME_SEPARATORS = re.compile(r",|\band\b", re.IGNORECASE)


def _allowed(tex: str) -> bool:
    """Return True for math the allow-list accepts and BibTeX can carry; anything else stays text."""
    # BibTeX counts every brace, escaped or not: `\\}` alone would end the field.
    depth = 0
    for char in tex:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    if depth:
        return False
    try:
        check_formula(tex)
    except TexRefused:
        return False
    return True


def escape(text: str) -> str:
    """Escape text for a braced BibTeX field; `$...$` math within the TeX allow-list is kept as TeX."""
    out, position = [], 0
    for match in INLINE_MATH.finditer(text):
        if _allowed(match["tex"]):
            out.append(text[position : match.start()].translate(_ESCAPES))
            out.append(match.group())
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


# Words that say a venue is a journal, or the proceedings of a conference or workshop; checked in this order,
# so "Proceedings of the IEEE" (a journal) is not taken for proceedings.
_JOURNAL = re.compile(
    r"\b(?:journal|transactions|letters|magazine|review|proceedings of the (?:ieee|national academy|royal society)"
    r"|nature|science|tpami|ijcv|jmlr|tmlr|pami|tip|tnnls|tog|plos)\b",
    re.IGNORECASE,
)
_CONFERENCE = re.compile(
    r"\b(?:conference|proceedings|workshops?|symposium|cvpr|iccv|eccv|wacv|bmvc|accv|neurips|nips|icml|iclr|aaai"
    r"|ijcai|acl|emnlp|naacl|coling|miccai|kdd|siggraph|chi|icassp|icip|interspeech|corl|icra|iros|uai|aistats|colt"
    r"|sigir|cikm|wsdm|www|acm mm|3dv|isbi|ipmi|midl)\b",
    re.IGNORECASE,
)
# New-style arXiv ids start YYMM (from April 2007); old-style ids are `archive/YYMMNNN` (from 1991).
_ARXIV_NEW = re.compile(r"(?P<yy>\d\d)(?P<mm>\d\d)\.\d{4,5}(?:v\d+)?")
_ARXIV_OLD = re.compile(r"(?P<archive>[a-z-]+(?:\.[A-Z]{2})?)/(?P<yy>\d\d)(?P<mm>\d\d)\d{3}(?:v\d+)?")


def arxiv_month(arxiv: str) -> tuple[int, int] | None:
    """Return the (year, month) an arXiv id was submitted in, read from the id itself."""
    match = _ARXIV_NEW.fullmatch(arxiv) or _ARXIV_OLD.fullmatch(arxiv)
    if not match:
        return None
    yy, month = int(match["yy"]), int(match["mm"])
    year = 1900 + yy if yy >= 91 else 2000 + yy
    return (year, month) if 1 <= month <= 12 else None


def issued_month(paper: Paper) -> tuple[int, int] | None:
    """Return the (year, month) to cite: publication, else the arXiv id's; never the listed date."""
    if paper.published:
        return paper.published.year, paper.published.month
    return arxiv_month(paper.arxiv) if paper.arxiv else None


def _venue(venue: str | None) -> tuple[str, str | None]:
    """Return the entry type and the field naming the venue: a journal, proceedings, or (unknown) a note."""
    if not venue:
        return "misc", None
    if _JOURNAL.search(venue):
        return "article", "journal"
    if _CONFERENCE.search(venue):
        return "inproceedings", "booktitle"
    return "misc", "howpublished"


def _fields(paper: Paper) -> tuple[str, list[tuple[str, str]]]:
    """Return a paper's BibTeX entry type and its (name, value) fields, in order; values are braced or macros."""
    kind, venue_field = _venue(paper.venue)
    fields: list[tuple[str, str]] = [("title", "{{" + escape(paper.title) + "}}")]
    if paper.authors:
        fields.append(("author", "{" + " and ".join(_name(a) for a in paper.authors) + "}"))
    if venue_field and paper.venue:
        fields.append((venue_field, "{" + escape(paper.venue) + "}"))
    month = issued_month(paper)
    if month:
        fields += [("year", f"{{{month[0]}}}"), ("month", MONTH_ABBREVIATIONS[month[1] - 1])]
    if paper.arxiv:
        fields += [("eprint", "{" + paper.arxiv + "}"), ("archiveprefix", "{arXiv}")]
        old_style = _ARXIV_OLD.fullmatch(paper.arxiv)
        if old_style:  # a new-style id does not say its category, and the entry does not record it
            fields.append(("primaryclass", "{" + old_style["archive"] + "}"))
    if paper.doi:
        fields.append(("doi", "{" + _verbatim(paper.doi) + "}"))
    url = paper.links.get("paper") or (f"https://arxiv.org/abs/{paper.arxiv}" if paper.arxiv else None)
    if url:
        fields.append(("url", "{" + _verbatim(url) + "}"))
    return kind, fields


def bibtex_entry(paper: Paper) -> str:
    """Return one BibTeX entry; the key is the slug, so it never changes."""
    kind, fields = _fields(paper)
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{paper.slug},\n{body}\n}}\n"


def bibtex_html(paper: Paper) -> Markup:
    """Return the entry as escaped HTML text for the page's code block (plain: no highlighting spans)."""
    return Markup.escape(bibtex_entry(paper))
