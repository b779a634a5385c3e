"""Related papers: text similarity first, then bonuses a reader can check, as a sparse top-k search.

The text score mixes the cosine of TF-IDF vectors (title and abstract) with that of their LSA. Each
paper's candidates come from its strongest terms and each term's strongest papers, and in the same way
from its tags, so the work per paper is bounded (TOP_TERMS x POSTINGS) and no N x N matrix is formed;
candidates are then rescored exactly. Above a floor of text similarity, shared tags (weighted by rarity), shared authors and shared
entities add a bonus; one abstract naming the other's short name adds one too. Every signal that
counts is kept in the Related record, so the page can say why. Between tagged papers, a pair whose
topics barely overlap is shown only if its text is close, so a list may hold fewer than RELATED.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from generator.enrich.reasons import shared_phrases, shown_terms
from generator.enrich.text import TextVectors, paper_text, text_vectors
from generator.model import Paper, Related, Tag

RELATED = 5
SPARE = 5  # candidates ranked past RELATED, for pairs that turn out to have nothing to show
CANDIDATES = 30  # text neighbours of each paper that are rescored exactly
TOP_TERMS = 40  # each paper's strongest terms, searched for candidates
POSTINGS = 200  # each term's strongest papers, searched for candidates
LSA_SHARE = 0.3  # the text score's share from LSA, which also matches related words
TEXT_FLOOR = 0.08  # below this text similarity, no tag, author or entity bonus counts
# Between two tagged papers, a pair is shown only if their tags overlap this much (cosine of the
# rarity-weighted tag vectors) or their text is at least TEXT_ALONE alike: reading the seed's lists, tag
# overlap told sensible pairs from the rest far better than text did, and one broad tag shared by
# otherwise unrelated papers did not ("fewer than 5 when nothing fits" in tests/eval_results.md).
TAG_FLOOR = 0.35
TEXT_ALONE = 0.35
TAG_WEIGHT = 0.2
AUTHOR_WEIGHT = 0.15
ENTITY_WEIGHT = 0.05
MENTION_WEIGHT = 0.15
CHUNK = 2000
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Scoring:
    """Which signals the score uses and how candidates are pruned (as shipped; `make eval` varies them)."""

    lsa: bool = True
    tags: bool = True
    authors: bool = True
    entities: bool = True
    mentions: bool = True
    top_terms: int = TOP_TERMS
    postings: int = POSTINGS
    tag_floor: float = TAG_FLOOR


def related_papers(
    papers: Sequence[Paper],
    entities: Mapping[str, tuple[str, ...]] | None = None,
    named_by: Mapping[str, tuple[str, ...]] | None = None,
    vectors: TextVectors | None = None,
    scoring: Scoring = Scoring(),
    taxonomy: Mapping[str, Tag] | None = None,
) -> dict[str, tuple[Related, ...]]:
    """Return up to RELATED related papers for each paper, best first, each with a reason.

    `entities` holds each paper's entity keys, `named_by` the papers whose abstract names each paper's
    short name (both from generator.enrich.entities). With the `taxonomy`, a paper's tags include
    their parent topics, so two papers under one topic share it.
    """
    if len(papers) < 2:
        return {p.slug: () for p in papers}
    vectors = vectors or text_vectors(papers)
    index = {p.slug: i for i, p in enumerate(papers)}
    ties = _paper_hashes(papers)
    named = _named_pairs(index, named_by or {}) if scoring.mentions else np.zeros((0, 2), dtype=np.int64)
    topics = [_with_parents(p.tags, taxonomy or {}) for p in papers]
    tag_vectors = _rarity_vectors(topics)
    searched = [vectors.weights, tag_vectors] if scoring.tags else [vectors.weights]
    rows, cols = _candidates(searched, ties, named, scoring)
    text = _pair_dot(vectors.weights, rows, cols)
    if scoring.lsa and vectors.lsa.shape[1]:
        text = (1 - LSA_SHARE) * text + LSA_SHARE * _pair_dot(vectors.lsa, rows, cols)
    counts = text >= TEXT_FLOOR
    author_vectors = _rarity_vectors([tuple(a.casefold() for a in p.authors) for p in papers])
    entity_keys = [tuple((entities or {}).get(p.slug, ())) for p in papers]
    entity_vectors = _rarity_vectors(entity_keys)
    papers_per_entity = Counter(key for keys in entity_keys for key in dict.fromkeys(keys))
    bonus = np.zeros_like(text)
    tag_overlap = _pair_dot(tag_vectors, rows, cols)
    if scoring.tags:
        bonus += TAG_WEIGHT * tag_overlap
    if scoring.authors:
        bonus += AUTHOR_WEIGHT * _pair_dot(author_vectors, rows, cols)
    if scoring.entities:
        bonus += ENTITY_WEIGHT * _pair_dot(entity_vectors, rows, cols)
    naming = _is_named(rows, cols, named, len(papers))
    score = np.round(text + counts * bonus + MENTION_WEIGHT * (naming[0] | naming[1]), 6)
    if scoring.tags:
        tagged = np.array([bool(p.tags) for p in papers])
        keep = _worth_showing(tagged[rows] & tagged[cols], tag_overlap, text, naming[0] | naming[1], scoring.tag_floor)
        rows, cols, score, counts = rows[keep], cols[keep], score[keep], counts[keep]
        naming = (naming[0][keep], naming[1][keep])
    order = np.lexsort((_pair_ties(ties, rows, cols), -score, rows))
    rows, cols, score, counts = rows[order], cols[order], score[order], counts[order]
    names_it, named_by_it = naming[0][order], naming[1][order]
    rank = _rank_in_group(rows)
    shown = shown_terms(vectors)
    texts = [paper_text(p) for p in papers]
    result: dict[str, list[Related]] = {p.slug: [] for p in papers}

    def add(chosen: np.ndarray) -> None:
        pairs = list(zip(rows[chosen].tolist(), cols[chosen].tolist(), strict=True))
        for n, (i, j), terms in zip(chosen.tolist(), pairs, shared_phrases(vectors, shown, pairs), strict=True):
            source, other = papers[i], papers[j]
            counted = bool(counts[n])
            related = Related(
                slug=other.slug,
                score=float(score[n]),
                shared_terms=tuple(_as_written(term, texts[i]) for term in terms),
                # Shown below the text floor too: there, the shared topics are what lets the pair be listed.
                shared_tags=_most_specific(_shared(topics[i], topics[j]), taxonomy or {}) if scoring.tags else (),
                shared_authors=_shared_authors(source.authors, other.authors) if counted and scoring.authors else (),
                shared_entities=_shared_entities(entity_keys[i], entity_keys[j], papers_per_entity, len(papers))
                if counted and scoring.entities
                else (),
                names_it=bool(names_it[n]),
                named_by_it=bool(named_by_it[n]),
            )
            if related.has_reason and len(result[source.slug]) < RELATED:
                result[source.slug].append(related)

    add(np.flatnonzero(rank < RELATED))
    # A pair with nothing to show is left out; the next candidates fill its place, in order.
    short = np.array([len(result[p.slug]) < RELATED for p in papers])
    add(np.flatnonzero((rank >= RELATED) & (rank < RELATED + SPARE) & short[rows]))
    return {slug: tuple(chosen) for slug, chosen in result.items()}


def _worth_showing(
    both_tagged: np.ndarray, tag_overlap: np.ndarray, text: np.ndarray, named: np.ndarray, tag_floor: float
) -> np.ndarray:
    """Return which pairs may be shown: untagged, or overlapping in topics, or close in text, or naming one another."""
    shown: np.ndarray = ~both_tagged | (tag_overlap >= tag_floor) | (text >= TEXT_ALONE) | named
    return shown


def _paper_hashes(papers: Sequence[Paper]) -> np.ndarray:
    """Return a stable 64-bit hash of each slug, to break ties without favouring any slug order."""
    return np.array(
        [int.from_bytes(hashlib.blake2b(p.slug.encode(), digest_size=8).digest(), "little") for p in papers],
        dtype=np.uint64,
    )


def _pair_ties(ties: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return a tie-breaking key for each pair: a mix of both papers' hashes, the same either way round."""
    with np.errstate(over="ignore"):
        mixed: np.ndarray = (ties[rows] ^ ties[cols]) * _GOLDEN
    return mixed


def _named_pairs(index: Mapping[str, int], named_by: Mapping[str, tuple[str, ...]]) -> np.ndarray:
    """Return (naming paper, named paper) index pairs."""
    pairs = [
        (index[source], index[slug])
        for slug, sources in named_by.items()
        for source in sources
        if slug in index and source in index
    ]
    return np.array(sorted(set(pairs)), dtype=np.int64).reshape(-1, 2)


def _is_named(rows: np.ndarray, cols: np.ndarray, named: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Return, per pair, whether the first paper names the second, and whether the second names the first."""
    codes = np.sort(named[:, 0] * size + named[:, 1])
    return np.isin(rows * size + cols, codes), np.isin(cols * size + rows, codes)


def _candidates(
    searched: Sequence[sparse.csr_matrix], ties: np.ndarray, named: np.ndarray, scoring: Scoring
) -> tuple[np.ndarray, np.ndarray]:
    """Return (row, col) pairs: each paper's CANDIDATES nearest by each of `searched`, and the naming pairs both ways.

    Text finds most candidates; the tag vectors add papers on the same topics that share few words,
    which text alone never brings forward.
    """
    size = searched[0].shape[0]
    found_rows, found_cols = [named[:, 0], named[:, 1]], [named[:, 1], named[:, 0]]
    for vectors in searched:
        for i, best in _nearest(vectors, ties, scoring):
            found_rows.append(np.full(len(best), i))
            found_cols.append(best)
    codes = np.unique(np.concatenate(found_rows).astype(np.int64) * size + np.concatenate(found_cols))
    return codes // size, codes % size


def _nearest(vectors: sparse.csr_matrix, ties: np.ndarray, scoring: Scoring) -> Iterator[tuple[int, np.ndarray]]:
    """Yield each paper with its CANDIDATES nearest papers, found through its strongest features' strongest papers."""
    queries = _top_per_row(vectors, scoring.top_terms, np.zeros(vectors.shape[1], dtype=np.uint64))
    postings = _top_per_row(vectors.T.tocsr(), scoring.postings, ties)  # features x papers
    for start in range(0, vectors.shape[0], CHUNK):
        scores = (queries[start : start + CHUNK] @ postings).tocsr()
        for offset in range(scores.shape[0]):
            i = start + offset
            cols = scores.indices[scores.indptr[offset] : scores.indptr[offset + 1]]
            values = scores.data[scores.indptr[offset] : scores.indptr[offset + 1]]
            keep = cols != i
            yield i, _strongest(cols[keep], values[keep], CANDIDATES, _pair_ties(ties, np.full(1, i), cols[keep]))


def _strongest(items: np.ndarray, values: np.ndarray, k: int, ties: np.ndarray) -> np.ndarray:
    """Return the k items of largest value; among equal values at the cut, those of smallest `ties`."""
    if len(values) <= k:
        return items
    cut = np.partition(values, -k)[-k]
    above = values > cut
    level = np.flatnonzero(values == cut)
    level = level[np.argsort(ties[level], kind="stable")[: k - int(above.sum())]]
    return np.concatenate([items[above], items[level]])


def _top_per_row(matrix: sparse.csr_matrix, k: int, ties: np.ndarray) -> sparse.csr_matrix:
    """Keep the k largest entries of each row; equal entries are kept by `ties` of their column."""
    coo = matrix.tocoo()
    order = np.lexsort((ties[coo.col], -coo.data, coo.row))
    row, col, data = coo.row[order], coo.col[order], coo.data[order]
    keep = _rank_in_group(row) < k
    return sparse.csr_matrix((data[keep], (row[keep], col[keep])), shape=matrix.shape)


def _rank_in_group(group: np.ndarray) -> np.ndarray:
    """Return each element's position within its run of equal, sorted group values."""
    if not len(group):
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(group)])
    return np.arange(len(group)) - np.repeat(starts, sizes)


def _pair_dot(vectors: sparse.csr_matrix | np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return the dot product of rows[n] and cols[n] of `vectors`, for every n."""
    out = np.empty(len(rows), dtype=np.float32)
    step = CHUNK * CANDIDATES
    for start in range(0, len(rows), step):
        mine, theirs = rows[start : start + step], cols[start : start + step]
        if isinstance(vectors, np.ndarray):
            out[start : start + step] = np.einsum("ij,ij->i", vectors[mine], vectors[theirs])
        else:
            out[start : start + step] = np.asarray(vectors[mine].multiply(vectors[theirs]).sum(axis=1)).ravel()
    return out


def _rarity_vectors(labels: Sequence[tuple[str, ...]]) -> sparse.csr_matrix:
    """Return unit rows of each paper's labels weighted by rarity (IDF), so a rare shared label counts most."""
    keys = sorted({key for row in labels for key in row})
    column = {key: n for n, key in enumerate(keys)}
    rows = [i for i, row in enumerate(labels) for _ in dict.fromkeys(row)]
    cols = [column[key] for row in labels for key in dict.fromkeys(row)]
    frequency = np.bincount(np.array(cols, dtype=np.int64), minlength=len(keys))
    idf = np.log(len(labels) / np.maximum(frequency, 1)).astype(np.float32)
    matrix = sparse.csr_matrix((idf[cols], (rows, cols)), shape=(len(labels), len(keys)), dtype=np.float32)
    matrix.eliminate_zeros()
    return normalize(matrix).tocsr() if keys else matrix


def _with_parents(tags: tuple[str, ...], taxonomy: Mapping[str, Tag]) -> tuple[str, ...]:
    """Return the tags, then every parent topic above them not already listed."""
    found = list(tags)
    for key in tags:
        parent = taxonomy[key].parent if key in taxonomy else None
        while parent and parent not in found:
            found.append(parent)
            parent = taxonomy[parent].parent if parent in taxonomy else None
    return tuple(found)


def _most_specific(keys: tuple[str, ...], taxonomy: Mapping[str, Tag]) -> tuple[str, ...]:
    """Return the keys that are not the parent topic of another of them ("saliency", not also "explainability")."""
    parents = {taxonomy[key].parent for key in keys if key in taxonomy}
    return tuple(key for key in keys if key not in parents)


def _shared(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """Return the items of `first` that `second` has too, in first's order."""
    return tuple(item for item in first if item in second)


def _shared_authors(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """Return the authors of `first` that `second` lists too, compared without case."""
    others = {a.casefold() for a in second}
    return tuple(a for a in first if a.casefold() in others)


def _shared_entities(
    first: tuple[str, ...], second: tuple[str, ...], papers_per_entity: Mapping[str, int], size: int
) -> tuple[str, ...]:
    """Return the entities both papers name, rarest first, leaving out those every paper names."""
    both = [key for key in first if key in second and papers_per_entity[key] < size]
    return tuple(sorted(both, key=lambda key: (papers_per_entity[key], key)))


def _as_written(term: str, text: str) -> str:
    """Return `term` as the paper writes it (its case), where case folding kept the text's length."""
    folded = text.casefold()
    at = folded.find(term)
    if at < 0 or len(folded) != len(text):
        return term
    return text[at : at + len(term)]
