"""A 2-D map of the catalogue: t-SNE of a fixed sample of papers, the rest placed among their nearest.

t-SNE (openTSNE, spectral initialisation, fixed seed) lays out the LANDMARKS papers whose slug hashes
are smallest, from the cosine distances of their TF-IDF rows; every other paper goes to the similarity-weighted mean of its
NEAREST closest landmarks, plus a small offset from its own slug hash. So the cost is a constant plus
one pass over the catalogue, the layout is the same for the same catalogue, and adding a few papers
rarely changes the landmarks. The result is turned so that two main themes of the text (LSA
components, each signed by its skew) run left to right and bottom to top, so that a small change of
input does not rotate or mirror the whole map; the map's own principal axes would, when its cloud is
nearly round.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from generator.enrich.text import TextVectors
from generator.model import Paper

LANDMARKS = 600
NEAREST = 8
ITERATIONS = 250
EXAGGERATION = 4.0
GRID = 4095  # coordinates are integers 0..GRID on both axes
JITTER = 0.01  # of the map's extent, so papers with one text do not hide each other
CHUNK = 4096


@dataclass(frozen=True)
class Landmarks:
    """The papers t-SNE laid out, by slug, with their TF-IDF rows and places: a map of the same rows reuses them."""

    slugs: tuple[str, ...]
    weights: sparse.csr_matrix
    placed: np.ndarray
    # Each paper mapped with them, by slug: its place among them, before the map is turned.
    among: dict[str, np.ndarray] = field(default_factory=dict, compare=False)

    def fit(self, slugs: tuple[str, ...], weights: sparse.csr_matrix) -> bool:
        """Return whether these are the landmarks `slugs`, with the TF-IDF rows `weights`."""
        return self.slugs == slugs and self.weights.shape == weights.shape and abs(self.weights - weights).max() == 0


def map_positions(papers: Sequence[Paper], vectors: TextVectors) -> dict[str, tuple[int, int]]:
    """Return each paper's (x, y) on the map, integers in 0..GRID, from its unit TF-IDF and LSA rows."""
    return map_layout(papers, vectors)[0]


def map_layout(
    papers: Sequence[Paper], vectors: TextVectors, kept: Landmarks | None = None, same: frozenset[str] = frozenset()
) -> tuple[dict[str, tuple[int, int]], Landmarks | None]:
    """Return map_positions() and the landmarks laid out, reusing `kept` where it holds the same ones, and the
    places among them of the papers `same` (whose TF-IDF rows are those `kept` was mapped with)."""
    weights = vectors.weights
    if not papers:
        return {}, None
    hashes = np.array([_hash(p.slug) for p in papers], dtype=np.uint64)
    if len(papers) < 4 or weights.shape[1] < 2:
        points = np.stack([(hashes % 1000).astype(np.float64), (hashes // 1000 % 1000).astype(np.float64)], axis=1)
        return _on_grid(papers, points), None
    landmarks = np.sort(np.argsort(hashes, kind="stable")[: min(LANDMARKS, len(papers))])
    slugs, rows = tuple(papers[i].slug for i in landmarks.tolist()), weights[landmarks]
    laid = kept if kept is not None and kept.fit(slugs, rows) else Landmarks(slugs, rows, _tsne(rows))
    points = _places(papers, weights, laid, same if laid is kept else frozenset())
    among = dict(zip((p.slug for p in papers), points.copy(), strict=True))
    points[landmarks] = laid.placed
    points = _oriented(points, vectors.lsa)
    extent = float(np.ptp(points, axis=0).max()) or 1.0
    offsets = np.stack([(hashes % 2003) / 2003.0, (hashes // 2003 % 2011) / 2011.0], axis=1) - 0.5
    return _on_grid(papers, points + JITTER * extent * offsets), Landmarks(laid.slugs, laid.weights, laid.placed, among)


def _places(papers: Sequence[Paper], weights: sparse.csr_matrix, laid: Landmarks, same: frozenset[str]) -> np.ndarray:
    """Return each paper's place among the landmarks: kept for the papers `same`, placed anew for the others."""
    kept = [i for i, p in enumerate(papers) if p.slug in same and p.slug in laid.among]
    if not kept:
        return _place(weights, laid.weights, laid.placed)
    points = np.empty((len(papers), 2), dtype=np.float64)
    points[kept] = [laid.among[papers[i].slug] for i in kept]
    if again := sorted(set(range(len(papers))) - set(kept)):
        points[again] = _place(weights[again], laid.weights, laid.placed)
    return points


def _hash(slug: str) -> int:
    return int.from_bytes(hashlib.blake2b(slug.encode(), digest_size=8).digest(), "little")


def _tsne(vectors: sparse.csr_matrix) -> np.ndarray:
    """Return a deterministic 2-D t-SNE layout of a few hundred unit rows, from their cosine distances."""
    from openTSNE import TSNE  # imported here: only the map needs it

    distances = np.clip(1 - (vectors @ vectors.T).toarray(), 0, 2).astype(np.float64)
    np.fill_diagonal(distances, 0)
    perplexity = float(min(30, max(2, (vectors.shape[0] - 1) // 3)))
    embedding = TSNE(
        n_components=2,
        perplexity=perplexity,
        initialization="spectral",
        metric="precomputed",
        neighbors="exact",
        negative_gradient_method="bh",
        n_iter=ITERATIONS,
        # No early exaggeration, then a mild one throughout: the layout keeps more global structure and
        # no longer depends chaotically on small changes of the catalogue (`make eval`-style check in tests).
        early_exaggeration_iter=0,
        exaggeration=EXAGGERATION,
        random_state=0,
        n_jobs=1,
        verbose=False,
    ).fit(distances)
    return np.asarray(embedding, dtype=np.float64)


def _place(vectors: sparse.csr_matrix, landmarks: sparse.csr_matrix, placed: np.ndarray) -> np.ndarray:
    """Return each vector's position: the mean of its nearest landmarks' positions, weighted by similarity."""
    k = min(NEAREST, landmarks.shape[0])
    points = np.empty((vectors.shape[0], 2), dtype=np.float64)
    for start in range(0, vectors.shape[0], CHUNK):
        similarity = (vectors[start : start + CHUNK] @ landmarks.T).toarray()
        nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        weight = np.maximum(np.take_along_axis(similarity, nearest, axis=1), 0) ** 4 + 1e-9
        points[start : start + CHUNK] = np.einsum("nk,nkd->nd", weight, placed[nearest]) / weight.sum(axis=1)[:, None]
    return points


def _oriented(points: np.ndarray, lsa: np.ndarray) -> np.ndarray:
    """Return the points centred, then rotated (or mirrored) to lie as close as they can to LSA components 1 and 2."""
    if lsa.shape[1] < 3:
        return _canonical(points)
    centred = points - points.mean(axis=0)
    themes = lsa[:, 1:3] - lsa[:, 1:3].mean(axis=0)
    themes = themes * np.where((themes**3).sum(axis=0) < 0, -1.0, 1.0)  # an SVD component's sign is arbitrary
    left, _, right = np.linalg.svd(centred.T @ themes)  # orthogonal Procrustes: the best turn onto the themes
    turned: np.ndarray = centred @ (left @ right)
    return turned


def _canonical(points: np.ndarray) -> np.ndarray:
    """Return the points centred, rotated to their principal axes, each axis flipped to a positive skew."""
    centred = points - points.mean(axis=0)
    _, vectors = np.linalg.eigh(centred.T @ centred)
    rotated = centred @ vectors[:, ::-1]
    signs = np.where((rotated**3).sum(axis=0) < 0, -1.0, 1.0)
    canonical: np.ndarray = rotated * signs
    return canonical


def _on_grid(papers: Sequence[Paper], points: np.ndarray) -> dict[str, tuple[int, int]]:
    """Return the points as integers 0..GRID, by slug: centred on their median, scaled by a robust extent.

    A far-out point or two would otherwise set the scale of the whole map, and move every point when
    they move; those few are drawn at the edge instead.
    """
    centre = np.median(points, axis=0)
    reach = float(np.percentile(np.abs(points - centre), 99.5, axis=0).max()) or 1.0
    grid = np.rint((np.clip((points - centre) / reach, -1, 1) + 1) / 2 * GRID).astype(int)
    return {p.slug: (int(x), int(y)) for p, (x, y) in zip(papers, grid.tolist(), strict=True)}
