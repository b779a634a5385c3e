"""Checks for single field values; each returns the value or raises ValueError with advice."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# YYMM.NNNN up to 2014, YYMM.NNNNN since 2015, or the old archive/YYMMNNN form.
ARXIV_PATTERN = (
    r"^((0[7-9]|1[0-4])(0[1-9]|1[0-2])\.[0-9]{4}|(1[5-9]|[2-9][0-9])(0[1-9]|1[0-2])\.[0-9]{5}"
    r"|[a-z-]+(\.[A-Z]{2})?/[0-9]{7})(v[1-9][0-9]*)?$"
)
DOI_PATTERN = r"^10\.[0-9]{4,9}/[-._;()/:A-Za-z0-9+]+$"
KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Written for ECMA-262 too (the JSON Schema publishes it): no identity escapes such as \" inside the class.
URL_PATTERN = "^https://[^\\s<>\"'`{}|\\\\^]+$"

MAX_TITLE = 300
MAX_LINE = 200
MAX_ABSTRACT = 5000

# Bidi embeddings, overrides and isolates can make text display differently from what it is.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Category Cc is exactly C0, DEL and C1 in every Unicode version; line feeds separate paragraphs.
_PARAGRAPH_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + "".join(sorted(_BIDI_CONTROLS)) + "]")
_URL_FORBIDDEN = frozenset(" <>\"'`{}|\\^")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "jan" ... "dec", as dates in pasted pages and BibTeX `month` fields abbreviate them.
MONTH_ABBREVIATIONS = tuple(name[:3].lower() for name in MONTH_NAMES)


def is_noncharacter(char: str) -> bool:
    """Return True for the 66 code points Unicode never assigns: U+FDD0..U+FDEF and the last two of every plane."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _describe_char(char: str) -> str:
    if is_noncharacter(char):
        name = "noncharacter"
    elif unicodedata.category(char) == "Cs":
        name = "surrogate"
    else:
        name = unicodedata.name(char, "control character").lower()
    return f"U+{ord(char):04X} ({name})"


# Surrogates (category Cs), the BMP's noncharacters, and any character beyond the BMP (only its
# noncharacters are refused): the regex engine scans an abstract in C, and few texts hold such characters.
_MAYBE_UNENCODABLE = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]")


def _refuse_unencodable(value: str) -> None:
    """Refuse what XML 1.0, and so every feed, cannot carry: surrogates and noncharacters (controls are refused too)."""
    found = (match.group() for match in _MAYBE_UNENCODABLE.finditer(value))
    bad = next((c for c in found if ord(c) < 0x10000 or is_noncharacter(c)), None)
    if bad is not None:
        raise ValueError(
            f"character {_describe_char(bad)} is not allowed in text (feeds and other XML cannot carry it); delete it"
        )


def single_line(value: str) -> str:
    """Refuse line breaks, control, format (bidi, zero-width) and leading/trailing blanks."""
    # Printable text holds no control, format, line separator, surrogate or noncharacter (all of them
    # categories C and Z other than Zs), so only other text needs the scan.
    if not value.isprintable():
        _refuse_unencodable(value)
        for char in value:
            if char in "\r\n":
                raise ValueError("expected a single line of text; remove the line break")
            if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
                raise ValueError(f"invisible character {_describe_char(char)} is not allowed; delete it")
    if value != value.strip():
        raise ValueError("remove the spaces at the start or end")
    if not value:
        raise ValueError("expected text, got an empty value")
    return value


def paragraphs(value: str) -> str:
    """Refuse control characters other than line breaks, and bidi controls."""
    forbidden = _PARAGRAPH_FORBIDDEN.search(value)
    if forbidden:
        raise ValueError(f"invisible character {_describe_char(forbidden.group())} is not allowed; delete it")
    _refuse_unencodable(value)
    if not value.strip():
        raise ValueError("expected text, got an empty value")
    if len(value) > MAX_ABSTRACT:
        raise ValueError(
            f"is {len(value)} characters long; the limit is {MAX_ABSTRACT}: shorten it to the published abstract"
        )
    return value


def iso_date(value: str) -> date:
    """Parse a `YYYY-MM-DD` date and explain impossible ones."""
    if not re.fullmatch(DATE_PATTERN, value):
        raise ValueError(f'expected a date as "YYYY-MM-DD" (e.g. "2025-03-12"), got {value!r}')
    year, month, day = (int(part) for part in value.split("-"))
    if not 1 <= month <= 12:
        raise ValueError(f"impossible date {value!r}: there is no month {month}")
    try:
        return date(year, month, day)
    except ValueError:
        last = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
        raise ValueError(f"impossible date {value!r}: {MONTH_NAMES[month - 1]} {year} has {last} days") from None


def date_text(value: str) -> str:
    """Check a `YYYY-MM-DD` date and keep it as text."""
    iso_date(value)
    return value


def https_url(value: str) -> str:
    """Accept only well-formed https:// URLs with a host name."""
    lowered = value.lower()
    if lowered.startswith("http://"):
        raise ValueError(f"expected an https:// URL, got {value!r}; change http:// to https://")
    if not value.startswith("https://"):
        raise ValueError(f"expected an https:// URL, got {value!r}")
    bad = next((c for c in value if c in _URL_FORBIDDEN or unicodedata.category(c)[0] in "CZ"), None)
    if bad is not None:
        raise ValueError(f"malformed URL {value!r}: character {bad!r} is not allowed; percent-encode it")
    host = value[len("https://") :].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "@" in host:
        raise ValueError(f"malformed URL {value!r}: remove the user name from the host")
    hostname = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if not re.fullmatch(r"([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,63}", hostname):
        raise ValueError(f"malformed URL {value!r}: expected a host name such as 'github.com'")
    return value


def arxiv_id(value: str) -> str:
    """Accept new-style (`2401.02412v2`) and old-style (`cs/0112017`) arXiv identifiers."""
    if not re.fullmatch(ARXIV_PATTERN, value):
        raise ValueError(f"malformed arXiv id {value!r}; expected e.g. '2401.02412', '2401.02412v2' or 'cs/0112017'")
    return value


def doi(value: str) -> str:
    """Accept a bare DOI such as `10.1109/CVPR52729.2023.00123`."""
    if value.lower().startswith(("https://doi.org/", "http://doi.org/", "doi:")):
        bare = value.split("doi.org/", 1)[-1].removeprefix("doi:")
        raise ValueError(f"write the bare DOI {bare!r}, without the prefix")
    if not re.fullmatch(DOI_PATTERN, value):
        raise ValueError(f"malformed DOI {value!r}; expected e.g. '10.1109/CVPR52729.2023.00123'")
    return value


def key(value: str) -> str:
    """Accept a lowercase kebab-case key such as `vision-transformers`."""
    if not re.fullmatch(KEY_PATTERN, value):
        raise ValueError(f"expected a lowercase key such as 'vision-transformers', got {value!r}")
    return value
