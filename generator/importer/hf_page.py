"""Read a pasted Hugging Face papers page: a date line, then title and abstract pairs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.validate.fields import MAX_TITLE, MONTH_ABBREVIATIONS

_DATE_LINE = re.compile(r"^(?P<month>[A-Z][a-z]{2})[a-z]* (?P<day>[0-9]{1,2})$")
_URL = re.compile(r"https?://[^\s{}<>\"'\\]+")
_TRAILING = ".,;:!?)]}'\""
# A paper's own page: Hugging Face Papers names it `/papers/<arXiv id>`, arXiv `/abs/<id>` (new-style ids).
_PAPER_LINK = re.compile(
    r"(?:https?://)?(?:(?:www\.)?huggingface\.co)?/papers/(?P<hf>[0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?"
    r"|(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?P<arxiv>[0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?(?:\.pdf)?"
)
_MARKUP = re.compile(r"</?a\b[^>]*>|\[|\]\(\s*\)|\(\s*\)|^#+\s|[<>]")
_SHORT_NAME = re.compile(r"^(?P<name>[^\s:]{2,30}):\s")
_LINK_KINDS = (
    ("code", ("github.com", "gitlab.com")),
    ("package", ("pypi.org",)),
    ("video", ("youtube.com", "youtu.be", "www.youtube.com")),
)


class PageFormatError(Exception):
    """The page does not have the expected shape; `line` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class PagePaper:
    """One title/abstract pair from the page, and the line it starts on."""

    title: str
    abstract: str
    line: int
    arxiv: str = ""  # from a link to the paper's Hugging Face or arXiv page, when the paste kept one


def parse_page(text: str, year: int) -> tuple[date, list[PagePaper]]:
    """Return the page's date and its papers, in page order."""
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        match = _DATE_LINE.match(line.strip())
        if match and match["month"].lower() in MONTH_ABBREVIATIONS:
            try:
                listed = date(year, MONTH_ABBREVIATIONS.index(match["month"].lower()) + 1, int(match["day"]))
            except ValueError:
                raise PageFormatError(f"impossible date {line.strip()!r} in {year}", number) from None
            return listed, _pairs(lines[number:], number + 1)
    raise PageFormatError("no date line such as 'Mar 12' found before the papers", 1)


def _pairs(lines: list[str], first: int) -> list[PagePaper]:
    filled = [(first + i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    filled = _links_joined(filled)
    if len(filled) % 2:
        raise PageFormatError(
            "a title has no abstract after it: expected title and abstract lines in pairs", filled[-1][0]
        )
    papers = []
    for (line, title_line), (_, abstract) in zip(filled[::2], filled[1::2], strict=False):
        title, arxiv = linked_title(title_line)
        if len(title) > MAX_TITLE or len(abstract) < len(title):
            raise PageFormatError(f"expected a title line here, got {title[:60]!r}...", line)
        papers.append(PagePaper(title, abstract, line, arxiv))
    return papers


def _links_joined(filled: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join a line that is only a paper link to the title line before it."""
    joined: list[tuple[int, str]] = []
    for line, text in filled:
        if joined and _PAPER_LINK.fullmatch(text):
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text}")
        else:
            joined.append((line, text))
    return joined


def linked_title(line: str) -> tuple[str, str]:
    """Return a title line's text and the arXiv id its paper link names (Hugging Face `/papers/<id>` or arXiv).

    The line may be plain, a Markdown link `[Title](https://huggingface.co/papers/2401.02412)`, an HTML
    anchor, or a title followed by the link.
    """
    link = _PAPER_LINK.search(line)
    if link is None:
        return line, ""
    text = _MARKUP.sub(" ", _PAPER_LINK.sub(" ", line))
    return " ".join(text.split()), link["hf"] or link["arxiv"]


def short_name(title: str) -> str | None:
    """Return `ACRONYM` for titles shaped `ACRONYM: ...`."""
    match = _SHORT_NAME.match(title)
    if match and any(c.isupper() or c.isdigit() for c in match["name"][1:]):
        return match["name"]
    return None


def links(abstract: str) -> dict[str, str]:
    """Return the https links an abstract names, by kind; the first of each kind wins."""
    found: dict[str, str] = {}
    for raw in _URL.findall(abstract):
        url = raw.rstrip(_TRAILING)
        if not url.startswith("https://"):
            continue
        host = url[len("https://") :].split("/", 1)[0].lower()
        kind = next((k for k, hosts in _LINK_KINDS if host in hosts), "project")
        found.setdefault(kind, url)
    return found
