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
# Runs of letters, digits and inner hyphens; a separator other than one space ends a phrase.
_WORDS = re.compile(r"[^\W_](?:[\w-]*[^\W_])?|[^\w ]+|_+|  +")
_WORD = re.compile(r"[^\W\d_](?:[\w-]*[^\W_])?")


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
    for piece in _WORDS.findall(text.casefold()):
        if not _WORD.fullmatch(piece):
            run = []
            continue
        if piece in STOP_WORDS:
            run = []
            continue
        run.append(piece)
        found.append(piece)
        for n in range(2, min(max_words, len(run)) + 1):
            found.append(" ".join(run[-n:]))
    return found


def lsa_dimensions(papers: int) -> int:
    """Return how many LSA dimensions suit a catalogue: about 2 sqrt(N), which `make eval` found best."""
    return min(LSA_DIMENSIONS, round(2 * math.sqrt(papers)))


def text_vectors(papers: Sequence[Paper], dimensions: int | None = None) -> TextVectors:
    """Return the catalogue's TF-IDF and LSA vectors, one row per paper in order."""
    vectorizer = TfidfVectorizer(
        analyzer=terms_of,
        sublinear_tf=True,
        min_df=MIN_PAPERS if len(papers) > MIN_PAPERS else 1,
        max_df=COMMON_SHARE if len(papers) >= SMALL_CATALOGUE else 1.0,
        dtype=np.float32,
    )
    texts = ["\n".join([p.title] * TITLE_REPEATS + [p.abstract]) for p in papers]
    try:
        counts = vectorizer.fit_transform(texts)
        terms = vectorizer.get_feature_names_out()
    except ValueError:  # no term is shared by two papers
        counts, terms = sparse.csr_matrix(np.zeros((len(papers), 0), dtype=np.float32)), np.array([], dtype=str)
    weights = (normalize(counts) if counts.shape[1] else counts).astype(np.float32).tocsr()
    weights.sort_indices()
    return TextVectors(
        weights=weights,
        terms=terms,
        papers_per_term=np.bincount(weights.indices, minlength=weights.shape[1]),
        lsa=_lsa(weights, dimensions or lsa_dimensions(len(papers))),
    )


def _lsa(weights: sparse.csr_matrix, dimensions: int) -> np.ndarray:
    """Return unit rows of a truncated SVD of `weights` (zeros where it has too few terms or papers)."""
    rank = min(dimensions, weights.shape[0] - 1, weights.shape[1] - 1)
    if rank < 2:
        return np.zeros((weights.shape[0], 0), dtype=np.float32)
    svd = TruncatedSVD(n_components=rank, algorithm="randomized", n_iter=4, random_state=0)
    reduced = svd.fit_transform(weights).astype(np.float32)
    return np.asarray(normalize(reduced), dtype=np.float32)
