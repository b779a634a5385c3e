"""Read one BibTeX entry into a draft entry: names, TeX accents and dates made plain."""

from __future__ import annotations

import re

from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares import MergeNameParts, NormalizeFieldKeys, SeparateCoAuthors, SplitNameParts
from bibtexparser.model import Entry
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from generator.importer.arxiv import requested_id
from generator.importer.draft import Draft, SourceError, bare_doi, one_line, paragraph_text
from generator.importer.hf_page import links
from generator.validate.fields import MONTH_ABBREVIATIONS

_ARXIV_IN_VENUE = re.compile(r"arxiv:\s*(\S+)", re.IGNORECASE)
_PREPRINT_VENUE = re.compile(r"^(corr|arxiv\b.*)$", re.IGNORECASE)
_ARXIV_HOSTS = re.compile(r"^https?://(www\.|export\.)?arxiv\.org/", re.IGNORECASE)
_DOI_HOSTS = re.compile(r"^https?://(dx\.)?doi\.org/", re.IGNORECASE)


def _decoder() -> LatexNodes2Text:
    context = get_default_latex_context_db()
    # \url{...} stays a bare address, as in bibtexparser's own decoding middleware.
    context.add_context_category("catalogue", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")])
    return LatexNodes2Text(latex_context=context, math_mode="verbatim", keep_braced_groups=False)


_DECODER = _decoder()


def plain(tex: str) -> str:
    """Return TeX text as plain Unicode: accents decoded, braces and formatting macros dropped."""
    return str(_DECODER.latex_to_text(tex))


def parse_bibtex(text: str) -> Draft:
    """Return the draft for the one entry in `text`; raise SourceError for anything else."""
    library = parse_string(
        text,
        append_middleware=[NormalizeFieldKeys(), SeparateCoAuthors(), SplitNameParts(), MergeNameParts(style="first")],
    )
    if library.failed_blocks:
        block = library.failed_blocks[0]
        raise SourceError(f"line {(block.start_line or 0) + 1}: not valid BibTeX ({block.error})")
    if len(library.entries) != 1:
        keys = ", ".join(e.key for e in library.entries)
        found = f"{len(library.entries)} entries ({keys})" if keys else "no entry"
        raise SourceError(f"expected exactly one BibTeX entry such as @article{{key, ...}}, found {found}")
    return entry_draft(library.entries[0])


def entry_draft(entry: Entry) -> Draft:
    """Return the draft one parsed entry describes."""
    values = {f.key: f.value for f in entry.fields}

    def text(key: str) -> str:
        value = values.get(key)
        return one_line(plain(value)) if isinstance(value, str) else ""

    def raw(key: str) -> str:
        # Addresses and identifiers are not TeX: `%` starts no comment in them.
        value = values.get(key)
        return one_line(value).replace("\\_", "_").replace("\\%", "%") if isinstance(value, str) else ""

    abstract = values.get("abstract")
    venue = text("booktitle") or text("journal")
    authors = values.get("author")
    return Draft(
        title=text("title"),
        abstract=paragraph_text(plain(abstract)) if isinstance(abstract, str) else "",
        authors=tuple(one_line(plain(n)) for n in authors if n != "others") if isinstance(authors, list) else (),
        published=_published(raw("date"), raw("year"), raw("month"), raw("day")),
        arxiv=_arxiv_id(raw("eprint"), raw("archiveprefix") or raw("eprinttype"), venue, raw("url")),
        doi=bare_doi(raw("doi")) or _doi_from_url(raw("url")),
        venue="" if _PREPRINT_VENUE.match(venue) else venue,
        links=_url_links(raw("url")),
    )


def _arxiv_id(eprint: str, archive: str, venue: str, url: str) -> str:
    """Return the arXiv id from `eprint`, a venue such as "arXiv preprint arXiv:ID", or an arxiv.org URL."""
    if eprint and archive.lower() == "arxiv":
        try:
            return requested_id(eprint)
        except SourceError as exc:
            raise SourceError(f"eprint: {exc}") from None
    in_venue = _ARXIV_IN_VENUE.search(venue)
    candidates = (eprint, in_venue[1] if in_venue else "", url if _ARXIV_HOSTS.match(url) else "")
    for candidate in filter(None, candidates):
        try:
            return requested_id(candidate)
        except SourceError:
            continue
    return ""


def _published(iso: str, year: str, month: str, day: str) -> str:
    """Return "YYYY-MM-DD", the 1st when only the month is known; nothing when only the year is."""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", iso):
        return iso if len(iso) == 10 else f"{iso}-01"
    number = month.lower()[:3]
    if not re.fullmatch(r"[0-9]{4}", year) or not (number.isdigit() or number in MONTH_ABBREVIATIONS):
        return ""
    month_number = int(number) if number.isdigit() else MONTH_ABBREVIATIONS.index(number) + 1
    day_number = int(day) if day.isdigit() else 1
    return f"{year}-{month_number:02d}-{day_number:02d}"


def _doi_from_url(url: str) -> str:
    return bare_doi(url) if _DOI_HOSTS.match(url) else ""


def _url_links(url: str) -> dict[str, str]:
    """Return the entry's `url` by kind; arXiv and DOI addresses are already fields of their own."""
    if not url or _ARXIV_HOSTS.match(url) or _DOI_HOSTS.match(url):
        return {}
    return {("paper" if kind == "project" else kind): found for kind, found in links(url).items()}
