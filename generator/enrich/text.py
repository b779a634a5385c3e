"""Text vectors of the papers: TF-IDF over title and abstract, and its LSA (truncated SVD).

Terms are case-folded words and phrases of contiguous words. Stop words end a phrase rather than
being skipped over, so every term, read with single spaces, occurs verbatim in the paper it came from
("source code summarization" gives "source code" and "code summarization", never "source summarization").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from generator.model import Paper

MAX_WORDS = 2  # the longest phrase counted as one term
MIN_PAPERS = 2  # a term in one paper links it to nothing
COMMON_SHARE = 0.5  # a term in more than this share of papers tells them apart too little
SMALL_CATALOGUE = 10  # below this, a term in half the papers still tells them apart
LSA_DIMENSIONS = 50  # at most; a small catalogue gets fewer (see lsa_dimensions)
TITLE_REPEATS = 2  # the title says what a paper is about, so its words count more than the abstract's
STOP_WORDS = ENGLISH_STOP_WORDS
# Runs of letters, digits and inner hyphens, captured when they start with a letter (a word); a run that
# starts with a digit, or a separator other than one space, ends a phrase and captures nothing.
_WORDS = re.compile(r"([^\W\d_](?:[\w-]*[^\W_])?)|\d(?:[\w-]*[^\W_])?|[^\w ]+|_+|  +")


@dataclass(frozen=True)
class TextVectors:
    """Unit TF-IDF rows (papers x terms), the terms, each term's paper count, and unit LSA rows."""

    weights: sparse.csr_matrix
    terms: np.ndarray
    papers_per_term: np.ndarray
    lsa: np.ndarray


def paper_text(paper: Paper) -> str:
    """Return the text a paper is compared by: its title, then its abstract, as separate sentences."""
    return f"{paper.title}\n{paper.abstract}"


def terms_of(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Return the case-folded words (stop words left out) and phrases of contiguous words in `text`."""
    found: list[str] = []
    run: list[str] = []  # the words since the last separator, stop word or not
    for word in _WORDS.findall(text.casefold()):  # a word, or "" for anything else
        if not word or word in STOP_WORDS:
            run = []
            continue
        run.append(word)
        found.append(word)
        for n in range(2, min(max_words, len(run)) + 1):
            found.append(" ".join(run[-n:]))
    return found


def lsa_dimensions(papers: int) -> int:
    """Return how many LSA dimensions suit a catalogue: about 2 sqrt(N), which `make eval` found best."""
    return min(LSA_DIMENSIONS, round(2 * math.sqrt(papers)))


@dataclass(frozen=True)
class TextModel:
    """The fitted vocabulary, term weights and LSA basis, to place an edited or new paper among the others unrefitted."""

    vectorizer: TfidfVectorizer | None  # None: no term is shared by two papers
    svd: TruncatedSVD | None  # None: too few terms or papers for LSA

    def vectors(self, papers: Sequence[Paper], before: Sequence[Paper], kept: TextVectors) -> TextVectors:
        """Return the vectors of `papers`: the rows `kept` has for the papers of `before` unchanged, the others made anew."""
        row = {p.slug: i for i, p in enumerate(before)}
        fresh = [p for p in papers if p.slug not in row or before[row[p.slug]] != p]
        at = {p.slug: len(before) + n for n, p in enumerate(fresh)}
        order = np.array([at.get(p.slug, row.get(p.slug, -1)) for p in papers], dtype=np.int64)
        weights = self._weights(fresh, kept.weights.shape[1])
        lsa = np.zeros((len(fresh), kept.lsa.shape[1]), dtype=np.float32)
        if self.svd is not None and fresh:
            lsa = normalize(self.svd.transform(weights)).astype(np.float32)
        weights = sparse.vstack([kept.weights, weights]).tocsr()[order]
        weights.sort_indices()
        return TextVectors(
            weights=weights,
            terms=kept.terms,
            papers_per_term=np.bincount(weights.indices, minlength=weights.shape[1]),
            lsa=np.vstack([kept.lsa, lsa])[order],
        )

    def _weights(self, papers: Sequence[Paper], terms: int) -> sparse.csr_matrix:
        if self.vectorizer is None or not papers:
            return sparse.csr_matrix(np.zeros((len(papers), terms), dtype=np.float32))
        counts = self.vectorizer.transform([_weighted_text(p) for p in papers])
        weights: sparse.csr_matrix = normalize(counts).astype(np.float32).tocsr()
        return weights


def text_vectors(papers: Sequence[Paper], dimensions: int | None = None) -> TextVectors:
    """Return the catalogue's TF-IDF and LSA vectors, one row per paper in order."""
    return fitted_text(papers, dimensions)[1]


def fitted_text(papers: Sequence[Paper], dimensions: int | None = None) -> tuple[TextModel, TextVectors]:
    """Return the text model fitted to the catalogue, and its TF-IDF and LSA vectors, one row per paper in order."""
    vectorizer = TfidfVectorizer(
        analyzer=terms_of,
        sublinear_tf=True,
        min_df=MIN_PAPERS if len(papers) > MIN_PAPERS else 1,
        max_df=COMMON_SHARE if len(papers) >= SMALL_CATALOGUE else 1.0,
        dtype=np.float32,
    )
    fitted: TfidfVectorizer | None = vectorizer
    try:
        counts = vectorizer.fit_transform([_weighted_text(p) for p in papers])
        terms = vectorizer.get_feature_names_out()
    except ValueError:  # no term is shared by two papers
        counts, terms = sparse.csr_matrix(np.zeros((len(papers), 0), dtype=np.float32)), np.array([], dtype=str)
        fitted = None
    weights = (normalize(counts) if counts.shape[1] else counts).astype(np.float32).tocsr()
    weights.sort_indices()
    svd, lsa = _lsa(weights, dimensions or lsa_dimensions(len(papers)))
    vectors = TextVectors(
        weights=weights,
        terms=terms,
        papers_per_term=np.bincount(weights.indices, minlength=weights.shape[1]),
        lsa=lsa,
    )
    return TextModel(fitted, svd), vectors


def _weighted_text(paper: Paper) -> str:
    """Return the text a paper's terms are counted in: its title TITLE_REPEATS times, then its abstract."""
    return "\n".join([paper.title] * TITLE_REPEATS + [paper.abstract])


def _lsa(weights: sparse.csr_matrix, dimensions: int) -> tuple[TruncatedSVD | None, np.ndarray]:
    """Return a truncated SVD of `weights` and its unit rows (none, and zeros, where it has too few terms or papers)."""
    rank = min(dimensions, weights.shape[0] - 1, weights.shape[1] - 1)
    if rank < 2:
        return None, np.zeros((weights.shape[0], 0), dtype=np.float32)
    svd = TruncatedSVD(n_components=rank, algorithm="randomized", n_iter=4, random_state=0)
    reduced = svd.fit_transform(weights).astype(np.float32)
    return svd, np.asarray(normalize(reduced), dtype=np.float32)
