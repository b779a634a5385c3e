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


@dataclass(frozen=True)
class _Signals:
    """Everything a pair of papers is scored by, for the whole catalogue."""

    papers: Sequence[Paper]
    vectors: TextVectors
    scoring: Scoring
    taxonomy: Mapping[str, Tag]
    ties: np.ndarray
    named: np.ndarray
    topics: list[tuple[str, ...]]
    tag_vectors: sparse.csr_matrix
    author_vectors: sparse.csr_matrix
    entity_keys: list[tuple[str, ...]]
    entity_vectors: sparse.csr_matrix
    papers_per_entity: Counter[str]
    tagged: np.ndarray


@dataclass(frozen=True)
class _Pairs:
    """Scored (row, col) pairs that may be shown, with whether each names the other."""

    rows: np.ndarray
    cols: np.ndarray
    score: np.ndarray
    counts: np.ndarray  # text similarity reached TEXT_FLOOR, so the bonuses count
    names_it: np.ndarray
    named_by_it: np.ndarray


def related_papers(
    papers: Sequence[Paper],
    entities: Mapping[str, tuple[str, ...]] | None = None,
    named_by: Mapping[str, tuple[str, ...]] | None = None,
    vectors: TextVectors | None = None,
    scoring: Scoring = Scoring(),
    taxonomy: Mapping[str, Tag] | None = None,
    rows: Sequence[int] | None = None,
) -> dict[str, tuple[Related, ...]]:
    """Return up to RELATED related papers for each paper, best first, each with a reason.

    `entities` holds each paper's entity keys, `named_by` the papers whose abstract names each paper's
    short name (both from generator.enrich.entities). With the `taxonomy`, a paper's tags include
    their parent topics, so two papers under one topic share it. With `rows` (positions in `papers`),
    only those papers' lists are made, each as the whole run would make it.
    """
    wanted = np.arange(len(papers)) if rows is None else np.unique(np.asarray(rows, dtype=np.int64))
    if len(papers) < 2:
        return {papers[i].slug: () for i in wanted.tolist()}
    signals = _signals(papers, entities or {}, named_by or {}, vectors or text_vectors(papers), scoring, taxonomy or {})
    return _lists(signals, wanted)


def _lists(signals: _Signals, wanted: np.ndarray) -> dict[str, tuple[Related, ...]]:
    """Return the lists of the papers at rows `wanted`."""
    scoring = signals.scoring
    searched = [signals.vectors.weights, signals.tag_vectors] if scoring.tags else [signals.vectors.weights]
    found_rows, found_cols = _candidates(searched, signals.ties, signals.named, scoring, wanted)
    return _chosen(signals, _scored(signals, found_rows, found_cols), wanted)


def related_again(
    papers: Sequence[Paper],
    related: Mapping[str, tuple[Related, ...]],
    changed: Sequence[int],
    also: Sequence[int],
    entities: Mapping[str, tuple[str, ...]],
    named_by: Mapping[str, tuple[str, ...]],
    vectors: TextVectors,
    taxonomy: Mapping[str, Tag],
) -> dict[str, tuple[Related, ...]]:
    """Return the lists that changed papers (rows `changed`) may enter, and those of rows `also`, as a whole run makes them.

    A changed paper can enter a list only where it shares a term or a tag with the paper or names it
    (or is named), and only if it scores at least the list's last paper, or the list is not full. The
    changed papers' own lists are made too; lists that held a paper gone or changed are the caller's
    to name in `also`.
    """
    signals = _signals(papers, entities, named_by, vectors, Scoring(), taxonomy)
    reached = [np.asarray([*changed, *also], dtype=np.int64)]
    for i in changed:
        sharing = np.concatenate([_sharing(vectors.weights, i), _sharing(signals.tag_vectors, i)])
        naming = signals.named[(signals.named[:, 0] == i) | (signals.named[:, 1] == i)].ravel()
        others = np.setdiff1d(np.concatenate([sharing, naming]), [i])
        pairs = _scored(signals, others, np.full(len(others), i, dtype=np.int64))
        last = np.array([_last_score(related.get(papers[j].slug, ())) for j in pairs.rows.tolist()])
        reached.append(pairs.rows[pairs.score >= last])
    return _lists(signals, np.unique(np.concatenate(reached)))


def _sharing(vectors: sparse.csr_matrix, row: int) -> np.ndarray:
    """Return the rows that have a feature (a term, a tag) in common with `row`."""
    return np.flatnonzero(np.asarray((vectors @ vectors[row].T).todense()).ravel())


def _last_score(chosen: tuple[Related, ...]) -> float:
    """Return the score a paper must reach to enter a list: its last one's, or none while it is not full."""
    return chosen[-1].score if len(chosen) >= RELATED else -np.inf


def _signals(
    papers: Sequence[Paper],
    entities: Mapping[str, tuple[str, ...]],
    named_by: Mapping[str, tuple[str, ...]],
    vectors: TextVectors,
    scoring: Scoring,
    taxonomy: Mapping[str, Tag],
) -> _Signals:
    """Return what every pair is scored by."""
    index = {p.slug: i for i, p in enumerate(papers)}
    topics = [_with_parents(p.tags, taxonomy) for p in papers]
    entity_keys = [tuple(entities.get(p.slug, ())) for p in papers]
    return _Signals(
        papers=papers,
        vectors=vectors,
        scoring=scoring,
        taxonomy=taxonomy,
        ties=_paper_hashes(papers),
        named=_named_pairs(index, named_by) if scoring.mentions else np.zeros((0, 2), dtype=np.int64),
        topics=topics,
        tag_vectors=_rarity_vectors(topics),
        author_vectors=_rarity_vectors([tuple(a.casefold() for a in p.authors) for p in papers]),
        entity_keys=entity_keys,
        entity_vectors=_rarity_vectors(entity_keys),
        papers_per_entity=Counter(key for keys in entity_keys for key in dict.fromkeys(keys)),
        tagged=np.array([bool(p.tags) for p in papers]),
    )


def _scored(signals: _Signals, rows: np.ndarray, cols: np.ndarray) -> _Pairs:
    """Return the pairs (rows[n], cols[n]) scored, leaving out those not worth showing."""
    scoring, vectors = signals.scoring, signals.vectors
    text = _pair_dot(vectors.weights, rows, cols)
    if scoring.lsa and vectors.lsa.shape[1]:
        text = (1 - LSA_SHARE) * text + LSA_SHARE * _pair_dot(vectors.lsa, rows, cols)
    counts = text >= TEXT_FLOOR
    bonus = np.zeros_like(text)
    tag_overlap = _pair_dot(signals.tag_vectors, rows, cols)
    if scoring.tags:
        bonus += TAG_WEIGHT * tag_overlap
    if scoring.authors:
        bonus += AUTHOR_WEIGHT * _pair_dot(signals.author_vectors, rows, cols)
    if scoring.entities:
        bonus += ENTITY_WEIGHT * _pair_dot(signals.entity_vectors, rows, cols)
    names_it, named_by_it = _is_named(rows, cols, signals.named, len(signals.papers))
    score = np.round(text + counts * bonus + MENTION_WEIGHT * (names_it | named_by_it), 6)
    keep = np.ones(len(rows), dtype=bool)
    if scoring.tags:
        both_tagged = signals.tagged[rows] & signals.tagged[cols]
        keep = _worth_showing(both_tagged, tag_overlap, text, names_it | named_by_it, scoring.tag_floor)
    return _Pairs(rows[keep], cols[keep], score[keep], counts[keep], names_it[keep], named_by_it[keep])


def _chosen(signals: _Signals, pairs: _Pairs, wanted: np.ndarray) -> dict[str, tuple[Related, ...]]:
    """Return the lists of the papers at rows `wanted`: their best pairs that have a reason to show."""
    papers, scoring, taxonomy = signals.papers, signals.scoring, signals.taxonomy
    order = np.lexsort((_pair_ties(signals.ties, pairs.rows, pairs.cols), -pairs.score, pairs.rows))
    rows, cols, score, counts = pairs.rows[order], pairs.cols[order], pairs.score[order], pairs.counts[order]
    names_it, named_by_it = pairs.names_it[order], pairs.named_by_it[order]
    rank = _rank_in_group(rows)
    shown = shown_terms(signals.vectors)
    topics, entity_keys = signals.topics, signals.entity_keys
    result: dict[str, list[Related]] = {papers[i].slug: [] for i in wanted.tolist()}

    def add(chosen: np.ndarray) -> None:
        pairs = list(zip(rows[chosen].tolist(), cols[chosen].tolist(), strict=True))
        for n, (i, j), terms in zip(chosen.tolist(), pairs, shared_phrases(signals.vectors, shown, pairs), strict=True):
            source, other = papers[i], papers[j]
            counted = bool(counts[n])
            related = Related(
                slug=other.slug,
                score=float(score[n]),
                shared_terms=tuple(_as_written(term, paper_text(source)) for term in terms),
                # Shown below the text floor too: there, the shared topics are what lets the pair be listed.
                shared_tags=_most_specific(_shared(topics[i], topics[j]), taxonomy) if scoring.tags else (),
                shared_authors=_shared_authors(source.authors, other.authors) if counted and scoring.authors else (),
                shared_entities=_shared_entities(entity_keys[i], entity_keys[j], signals.papers_per_entity, len(papers))
                if counted and scoring.entities
                else (),
                names_it=bool(names_it[n]),
                named_by_it=bool(named_by_it[n]),
            )
            if related.has_reason and len(result[source.slug]) < RELATED:
                result[source.slug].append(related)

    add(np.flatnonzero(rank < RELATED))
    # A pair with nothing to show is left out; the next candidates fill its place, in order.
    short = np.zeros(len(papers), dtype=bool)
    short[wanted] = [len(result[papers[i].slug]) < RELATED for i in wanted.tolist()]
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
    searched: Sequence[sparse.csr_matrix], ties: np.ndarray, named: np.ndarray, scoring: Scoring, wanted: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return (row, col) pairs of the rows `wanted`: each one's CANDIDATES nearest by each of `searched`, and the naming pairs both ways.

    Text finds most candidates; the tag vectors add papers on the same topics that share few words,
    which text alone never brings forward.
    """
    size = searched[0].shape[0]
    naming, named_back = np.isin(named[:, 0], wanted), np.isin(named[:, 1], wanted)
    found_rows = [named[naming, 0], named[named_back, 1]]
    found_cols = [named[naming, 1], named[named_back, 0]]
    for vectors in searched:
        for i, best in _nearest(vectors, ties, scoring, wanted):
            found_rows.append(np.full(len(best), i))
            found_cols.append(best)
    codes = np.unique(np.concatenate(found_rows).astype(np.int64) * size + np.concatenate(found_cols))
    return codes // size, codes % size


def _nearest(
    vectors: sparse.csr_matrix, ties: np.ndarray, scoring: Scoring, wanted: np.ndarray
) -> Iterator[tuple[int, np.ndarray]]:
    """Yield each paper of rows `wanted` with its CANDIDATES nearest papers, found through its strongest features' strongest papers."""
    queries = _top_per_row(vectors[wanted], scoring.top_terms, np.zeros(vectors.shape[1], dtype=np.uint64))
    postings = _top_per_row(_only_rows(vectors.T.tocsr(), queries.indices), scoring.postings, ties)  # features x papers
    for start in range(0, len(wanted), CHUNK):
        scores = (queries[start : start + CHUNK] @ postings).tocsr()
        for offset in range(scores.shape[0]):
            i = int(wanted[start + offset])
            cols = scores.indices[scores.indptr[offset] : scores.indptr[offset + 1]]
            values = scores.data[scores.indptr[offset] : scores.indptr[offset + 1]]
            keep = cols != i
            yield i, _strongest(cols[keep], values[keep], CANDIDATES, _pair_ties(ties, np.full(1, i), cols[keep]))


def _only_rows(matrix: sparse.csr_matrix, rows: np.ndarray) -> sparse.csr_matrix:
    """Return `matrix` with every row but `rows` emptied (the features no query uses need no postings)."""
    used = np.zeros(matrix.shape[0], dtype=bool)
    used[rows] = True
    lengths = np.diff(matrix.indptr) * used
    take = np.repeat(used, np.diff(matrix.indptr))
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    return sparse.csr_matrix((matrix.data[take], matrix.indices[take], indptr), shape=matrix.shape)


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
