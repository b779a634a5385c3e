"""What makes two entries the same paper: the arXiv id, the DOI or the title, look-alike letters folded."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import icu

from generator.load.sources import LoadedFile

# The regex engine's word characters are exactly the str.isalnum() ones plus "_".
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_VERSION = re.compile(r"v[0-9]+$")
# ICU's implementation of the Unicode TS #39 confusable skeleton: Cyrillic U+0430 and Latin a agree.
_SPOOF = icu.SpoofChecker()


class PaperLike(Protocol):
    """Anything with a paper's identifying fields: a Paper, a Draft, an entry file's raw fields."""

    @property
    def title(self) -> str | None: ...

    @property
    def arxiv(self) -> str | None: ...

    @property
    def doi(self) -> str | None: ...


@dataclass(frozen=True)
class IdentityKey:
    """One key two entries must not share: `field` names the entry field, `label` the message's word for it."""

    field: str
    label: str
    key: str


@dataclass(frozen=True)
class RawIdentity:
    """The identifying fields of an entry file that may not be valid: text where the file has text."""

    title: str | None
    arxiv: str | None
    doi: str | None

    @classmethod
    def of(cls, data: Any) -> RawIdentity:
        """Return the text values of `title`, `arxiv` and `doi` in parsed entry data."""
        fields = data if isinstance(data, dict) else {}

        def text(name: str) -> str | None:
            value = fields.get(name)
            return value if isinstance(value, str) else None

        return cls(text("title"), text("arxiv"), text("doi"))


def normalised_title(title: str) -> str:
    """Fold case, Unicode form and punctuation so equal titles compare equal."""
    return _NOT_ALPHANUMERIC.sub("", unicodedata.normalize("NFKC", title).casefold())


def title_key(title: str) -> str:
    """Return the normalised TS #39 skeleton of a title: titles that look the same share it."""
    # Punctuation goes first: the skeleton reads some of it as letters (`|` as `l`).
    return normalised_title(_SPOOF.getSkeleton(0, normalised_title(title)))


def unversioned(arxiv_id: str) -> str:
    """Drop a version suffix: `1706.03762v7` becomes `1706.03762`."""
    return _VERSION.sub("", arxiv_id)


def identity_keys(paper: PaperLike) -> tuple[IdentityKey, ...]:
    """Return the keys that make another entry the same paper, in the order check reports them."""
    keys = []
    if paper.arxiv:
        keys.append(IdentityKey("arxiv", "arXiv id", unversioned(paper.arxiv)))
    if paper.doi:
        keys.append(IdentityKey("doi", "DOI", paper.doi.lower()))
    if paper.title and title_key(paper.title):
        keys.append(IdentityKey("title", "title", title_key(paper.title)))
    return tuple(keys)


def known_identities(files: Iterable[LoadedFile]) -> dict[IdentityKey, str]:
    """Map each identity key of the entry files, valid or not, to the first file that has it."""
    known: dict[IdentityKey, str] = {}
    for file in files:
        for key in identity_keys(RawIdentity.of(file.document.data)):
            known.setdefault(key, file.path)
    return known
