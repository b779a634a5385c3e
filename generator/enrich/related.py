"""Related papers: TF-IDF over title and abstract plus tag overlap, as a sparse top-k search.

Each paper keeps only its strongest terms, and each term only its strongest papers, so the
work per paper is bounded (TOP_TERMS x POSTINGS) and the whole search grows linearly with the
catalogue. No N x N matrix is ever formed.
"""

from __future__ import annotations

import itertools
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
    [
        "able",
        "achieve",
        "achieves",
        "achieving",
        "address",
        "allows",
        "also",
        "approach",
        "approaches",
        "based",
        "benchmark",
        "benchmarks",
        "better",
        "challenge",
        "challenging",
        "code",
        "competitive",
        "comprehensive",
        "conduct",
        "demonstrate",
        "demonstrates",
        "design",
        "designed",
        "different",
        "effective",
        "effectively",
        "efficient",
        "end",
        "existing",
        "experiment",
        "experiments",
        "extensive",
        "framework",
        "furthermore",
        "github",
        "however",
        "https",
        "improve",
        "improved",
        "improves",
        "improving",
        "including",
        "introduce",
        "key",
        "large",
        "leverage",
        "leveraging",
        "lead",
        "make",
        "method",
        "methods",
        "model",
        "models",
        "new",
        "novel",
        "outperform",
        "outperforms",
        "paper",
        "particular",
        "performance",
        "present",
        "previous",
        "problem",
        "propose",
        "proposed",
        "provide",
        "recent",
        "released",
        "research",
        "result",
        "results",
        "set",
        "show",
        "shows",
        "significant",
        "significantly",
        "simple",
        "state",
        "art",
        "study",
        "task",
        "tasks",
        "technique",
        "techniques",
        "use",
        "used",
        "using",
        "various",
        "way",
        "work",
        "works",
        "entire",
        "final",
        "following",
        "output",
        "recently",
        "fully",
        "low",
        "terms",
        "quantitative",
        "smaller",
        "instances",
        "efficiency",
        "focusing",
        "ai",
        "level",
        "end-to-end",
        "respectively",
        "additionally",
        "specifically",
    ]
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
        best = {
            start + offset: _best(*_row(scores, offset), exclude=start + offset) for offset in range(scores.shape[0])
        }
        pairs = [(i, j) for i, chosen in best.items() for j, _ in chosen]
        reasons = iter(shared_terms(weights, pairs, terms, shown))  # consumed below in the order of `pairs`
        for i, chosen in best.items():
            result[papers[i].slug] = tuple(
                Related(
                    slug=papers[j].slug,
                    score=round(score, 6),
                    shared_tags=tuple(k for k in papers[i].tags if k in papers[j].tags),
                    shared_terms=next(reasons),
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
    if len(data) > RELATED:
        # The best all score at least the RELATED-th highest score, so only those need sorting.
        strong = data >= np.partition(data, -RELATED)[-RELATED]
        indices, data = indices[strong], data[strong]
    order = np.lexsort((indices, -data))[:RELATED]
    return [(int(indices[n]), float(data[n])) for n in order]


def _row(matrix: sparse.csr_matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the column indices and values of one CSR row, without building a matrix."""
    start, end = matrix.indptr[i], matrix.indptr[i + 1]
    return matrix.indices[start:end], matrix.data[start:end]


def shared_terms(
    weights: sparse.csr_matrix, pairs: list[tuple[int, int]], terms: np.ndarray, shown: np.ndarray
) -> list[tuple[str, ...]]:
    """Return, for each pair of rows, the distinctive text terms with the largest product of weights."""
    pair, term, product = _common_terms(weights[:, : len(terms)], pairs)
    is_shown = shown[term]
    # A pair sharing no distinctive term falls back to any common terms, so a reason is never empty.
    keep = is_shown | (np.bincount(pair[is_shown], minlength=len(pairs)) == 0)[pair]
    pair, term, product = _largest_per_group(pair[keep], term[keep], product[keep], len(pairs), CANDIDATE_TERMS)
    names, values = terms[term].tolist(), product.tolist()
    bounds = np.searchsorted(pair, np.arange(len(pairs) + 1)).tolist()
    return [
        tuple(_prefer_phrases(list(zip(names[b:e], values[b:e], strict=False)))) for b, e in itertools.pairwise(bounds)
    ]


def _common_terms(text: sparse.csr_matrix, pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (pair, term, product of weights) for each term both rows of a pair have, by pair then term."""
    first, second = [i for i, _ in pairs], [j for _, j in pairs]
    # Weights are positive and far above float32's underflow, so no product of two is zero and
    # the element-wise product keeps exactly the terms both rows have.
    products = text[first].multiply(text[second]).tocsr()
    products.sort_indices()
    products = products.tocoo()
    return products.row, products.col, products.data


def _largest_per_group(
    group: np.ndarray, term: np.ndarray, value: np.ndarray, groups: int, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep each group's k largest values, ordered by group, then value (largest first), then term."""
    # A positive float32's bits, read as an unsigned integer, sort like the float itself, so one stable
    # sort of 64-bit keys orders by group then value, and equal values keep their ascending term order.
    descending = np.uint32(0xFFFFFFFF) - value.view(np.uint32)
    order = np.argsort((group.astype(np.int64) << 32) | descending.astype(np.int64), kind="stable")
    group, term, value = group[order], term[order], value[order]
    size = np.bincount(group, minlength=groups)
    rank = np.arange(len(group)) - (np.cumsum(size) - size)[group]
    return group[rank < k], term[rank < k], value[rank < k]


def _prefer_phrases(ranked: list[tuple[str, float]]) -> list[str]:
    """Pick up to SHOWN_TERMS terms; a phrase ("saliency maps") beats its words if it weighs nearly as much."""
    phrases = [(term, weight, term.split()) for term, weight in ranked if " " in term]
    kept: list[str] = []
    covered: set[str] = set()
    for term, weight in ranked:
        if " " not in term:
            term = next((phrase for phrase, w, words in phrases if term in words and w >= weight / 2), term)
        words = set(term.split())
        if not words <= covered:
            kept.append(term)
            covered |= words
            if len(kept) == SHOWN_TERMS:
                break
    return kept
