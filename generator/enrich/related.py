"""Related papers: TF-IDF over title and abstract plus tag overlap, as a sparse top-k search.

Each paper keeps only its strongest terms, and each term only its strongest papers, so the
work per paper is bounded (TOP_TERMS x POSTINGS) and the whole search grows linearly with the
catalogue. No N x N matrix is ever formed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from generator.model import Paper, Related

RELATED = 5
TOP_TERMS = 40
POSTINGS = 200
TAG_WEIGHT = 0.3
CHUNK = 2000
SMALL_CATALOGUE = 10  # below this, a term in half the papers still tells them apart
SHOWN_TERMS = 3
CANDIDATE_TERMS = 12  # the strongest shared terms, among which SHOWN_TERMS are picked
# A term shown as a reason must be rarer than this share of papers, so reasons stay specific.
DISTINCTIVE_SHARE = 0.12
# Words every abstract uses; they say nothing about what two papers have in common.
ABSTRACT_STOP_WORDS = frozenset(
    """
    able achieve achieves achieving address allows also approach approaches based benchmark
    benchmarks better challenge challenging code competitive comprehensive conduct demonstrate
    demonstrates design designed different effective effectively efficient end existing experiment
    experiments extensive framework furthermore github however https improve improved improves
    improving including introduce key large leverage leveraging lead make method methods model
    models new novel outperform outperforms paper particular performance present previous problem
    propose proposed provide recent released research result results set show shows significant
    significantly simple state art study task tasks technique techniques use used using various
    way work works entire final following output recently fully low terms quantitative smaller
    instances efficiency focusing ai level end-to-end respectively additionally specifically
    """.split()
)


def related_papers(papers: Sequence[Paper]) -> dict[str, tuple[Related, ...]]:
    """Return up to RELATED related papers for each paper, best first, with their reasons."""
    if len(papers) < 2:
        return {p.slug: () for p in papers}
    weights, terms, shown = _weights(papers)
    pruned = _keep_top_per_row(weights, TOP_TERMS)
    postings = _keep_top_per_column(pruned, POSTINGS).T.tocsr()
    result: dict[str, tuple[Related, ...]] = {}
    for start in range(0, len(papers), CHUNK):
        scores = (pruned[start : start + CHUNK] @ postings).tocsr()
        for offset in range(scores.shape[0]):
            i = start + offset
            chosen = _best(*_row(scores, offset), exclude=i)
            result[papers[i].slug] = tuple(
                Related(
                    slug=papers[j].slug,
                    score=round(score, 6),
                    shared_tags=tuple(k for k in papers[i].tags if k in papers[j].tags),
                    shared_terms=shared_terms(_row(weights, i), _row(weights, j), terms, shown),
                )
                for j, score in chosen
            )
    return result


def _weights(papers: Sequence[Paper]) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Return unit rows of text TF-IDF columns then tag columns, the text terms, and which to show."""
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2),
        stop_words=sorted(ENGLISH_STOP_WORDS | ABSTRACT_STOP_WORDS),
        sublinear_tf=True,
        min_df=2,
        max_df=0.5 if len(papers) >= SMALL_CATALOGUE else 1.0,
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9]+\b",
        dtype=np.float32,
    )
    texts = [f"{p.title}. {p.title}. {p.abstract}" for p in papers]
    try:
        text = vectorizer.fit_transform(texts)
        terms = vectorizer.get_feature_names_out()
    except ValueError:  # no term is shared by two papers
        text, terms = sparse.csr_matrix((len(papers), 0), dtype=np.float32), np.array([], dtype=str)
    tag_keys = sorted({key for p in papers for key in p.tags})
    column = {key: i for i, key in enumerate(tag_keys)}
    rows = [i for i, p in enumerate(papers) for _ in p.tags]
    cols = [column[key] for p in papers for key in p.tags]
    frequency = np.bincount(cols, minlength=len(tag_keys)).astype(np.float32)
    idf = np.log((1 + len(papers)) / (1 + frequency)) + 1
    tag_matrix = sparse.csr_matrix((idf[cols], (rows, cols)), shape=(len(papers), len(tag_keys)))
    parts = [np.sqrt(1 - TAG_WEIGHT) * normalize(text)] if text.shape[1] else []
    parts.append(np.sqrt(TAG_WEIGHT) * normalize(tag_matrix))
    mixed = sparse.hstack(parts, format="csr").astype(np.float32)
    papers_per_term = np.bincount(text.indices, minlength=text.shape[1])
    shown = papers_per_term <= max(2, DISTINCTIVE_SHARE * len(papers))
    return mixed, terms, shown


def _keep_top_per_row(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Zero all but the k largest entries of each row."""
    matrix = matrix.tocsr(copy=True)
    for i in range(matrix.shape[0]):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        if end - start > k:
            row = matrix.data[start:end]
            row[np.argsort(-row, kind="stable")[k:]] = 0
    matrix.eliminate_zeros()
    return matrix


def _keep_top_per_column(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Zero all but the k largest entries of each column."""
    return _keep_top_per_row(matrix.T.tocsr(), k).T.tocsr()


def _best(indices: np.ndarray, data: np.ndarray, exclude: int) -> list[tuple[int, float]]:
    """Return the RELATED best (index, score) pairs, ties broken by index."""
    keep = (indices != exclude) & (data > 0)
    indices, data = indices[keep], data[keep]
    order = np.lexsort((indices, -data))[:RELATED]
    return [(int(indices[n]), float(data[n])) for n in order]


def _row(matrix: sparse.csr_matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the column indices and values of one CSR row, without building a matrix."""
    start, end = matrix.indptr[i], matrix.indptr[i + 1]
    return matrix.indices[start:end], matrix.data[start:end]


def shared_terms(
    a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray], terms: np.ndarray, shown: np.ndarray
) -> tuple[str, ...]:
    """Return the distinctive text terms with the largest product of weights in two rows."""
    common, ia, ib = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
    is_text = common < len(terms)
    common, products = common[is_text], (a[1][ia] * b[1][ib])[is_text]
    keep = shown[common]
    if keep.any():  # otherwise fall back to any common terms, so a reason is never empty
        common, products = common[keep], products[keep]
    order = np.lexsort((common, -products))[:CANDIDATE_TERMS]
    return tuple(_prefer_phrases([(str(terms[common[n]]), float(products[n])) for n in order])[:SHOWN_TERMS])


def _prefer_phrases(ranked: list[tuple[str, float]]) -> list[str]:
    """Show "saliency maps" rather than "saliency" and "maps", when the phrase weighs nearly as much."""
    kept: list[str] = []
    for term, weight in ranked:
        if " " not in term:
            term = next((t for t, w in ranked if " " in t and term in t.split() and w >= weight / 2), term)
        covered = {word for shown in kept for word in shown.split()}
        if not set(term.split()) <= covered:
            kept.append(term)
    return kept
