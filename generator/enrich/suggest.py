"""Tag suggestions for a new paper: the tags of its nearest papers, and the tags whose aliases it names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.enrich.gazetteer import Gazetteer
from generator.enrich.text import terms_of
from generator.model import Paper, Tag

NEIGHBOURS = 5
MIN_VOTES = 3  # of NEIGHBOURS similar papers, alone enough to suggest a tag
ALIAS_VOTES = 1  # with a tag's alias in the abstract, this many similar papers are enough
LIMIT = 5
MIN_SIMILARITY = 0.05  # a paper less similar than this (TF-IDF cosine) is not asked


@dataclass(frozen=True)
class TagSuggestion:
    """A suggested tag and why, in words a contributor can check."""

    key: str
    reason: str


class TagSuggester:
    """Suggests tags from a catalogue: fitted once, then asked for each new paper."""

    def __init__(self, papers: Sequence[Paper], tags: dict[str, Tag]) -> None:
        self._tags = tags
        self._papers = [p for p in papers if p.tags]
        self._vectorizer = TfidfVectorizer(analyzer=terms_of, sublinear_tf=True, dtype=np.float32)
        texts = [f"{p.title}\n{p.abstract}" for p in self._papers]
        self._matrix = self._vectorizer.fit_transform(texts) if texts else None
        # Tag aliases are lowercase phrases matched whatever the case ("vit" names ViT); each alias
        # is its own key, so a reason can quote the alias it found.
        self._aliases = [(alias, tag.key) for tag in tags.values() for alias in tag.aliases or (tag.name,)]
        self._gazetteer = Gazetteer(((alias, str(n)) for n, (alias, _) in enumerate(self._aliases)), lambda _: False)

    def suggest(self, title: str, abstract: str, limit: int = LIMIT) -> list[TagSuggestion]:
        """Return up to `limit` tags for a paper, most supported first, each with its reason."""
        votes, asked = self._votes(title, abstract)
        in_title = self._named(title)
        in_abstract = self._named(abstract)
        # With fewer than NEIGHBOURS similar papers to ask (a young catalogue), an abstract's alias is enough.
        needed = ALIAS_VOTES if asked == NEIGHBOURS else 0
        chosen = [
            key
            for key in self._tags
            if key in in_title or votes.get(key, 0) >= MIN_VOTES or (key in in_abstract and votes.get(key, 0) >= needed)
        ]
        chosen.sort(key=lambda key: (-(votes.get(key, 0) + 2 * (key in in_title) + (key in in_abstract)), key))
        return [
            TagSuggestion(key, _reason(votes.get(key, 0), in_title.get(key), in_abstract.get(key)))
            for key in chosen[:limit]
        ]

    def _votes(self, title: str, abstract: str) -> tuple[dict[str, int], int]:
        """Return how many of the NEIGHBOURS most similar papers have each tag, and how many were similar enough."""
        if self._matrix is None:
            return {}, 0
        query = self._vectorizer.transform([f"{title}\n{abstract}"])
        similarity = (self._matrix @ query.T).toarray().ravel()
        order = np.lexsort((np.arange(len(similarity)), -similarity))[:NEIGHBOURS]
        nearest = [n for n in order if similarity[n] >= MIN_SIMILARITY]
        votes: dict[str, int] = {}
        for n in nearest:
            for key in self._papers[n].tags:
                votes[key] = votes.get(key, 0) + 1
        return votes, len(nearest)

    def _named(self, text: str) -> dict[str, str]:
        """Return each tag whose alias `text` names, with the first such alias."""
        named: dict[str, str] = {}
        for found in self._gazetteer.find(text):
            alias, key = self._aliases[int(found)]
            named.setdefault(key, alias)
        return named


def _reason(votes: int, title_alias: str | None, abstract_alias: str | None) -> str:
    """Return why a tag is suggested: "4 of 5 similar papers have it; title mentions 'vit'"."""
    parts = [f"{votes} of {NEIGHBOURS} similar papers have it"] if votes else []
    if title_alias:
        parts.append(f"title mentions '{title_alias}'")
    elif abstract_alias:
        parts.append(f"abstract mentions '{abstract_alias}'")
    return "; ".join(parts)
