"""Why two papers are related, in words both use: phrases found verbatim in each, specific and distinct."""

from __future__ import annotations

import itertools

import numpy as np
from scipy import sparse

from generator.enrich.text import TextVectors

SHOWN_TERMS = 3
CANDIDATE_TERMS = 12  # the strongest shared terms, among which SHOWN_TERMS are picked
# A term shown as a reason must be in at most this share of papers, so reasons stay specific.
DISTINCTIVE_SHARE = 0.12
# Words any abstract uses; a phrase made only of these says nothing about what two papers share.
GENERIC_WORDS = frozenset(
    [
        "ability",
        "able",
        "accuracy",
        "accurate",
        "accurately",
        "achieve",
        "achieved",
        "achieves",
        "achieving",
        "additional",
        "additionally",
        "address",
        "addressing",
        "adopt",
        "advance",
        "advances",
        "advantage",
        "affect",
        "ai",
        "aim",
        "aims",
        "allow",
        "allowing",
        "allows",
        "analysis",
        "analyze",
        "analyzing",
        "application",
        "applications",
        "applied",
        "apply",
        "approach",
        "approaches",
        "art",
        "aspect",
        "assumptions",
        "automatic",
        "available",
        "average",
        "based",
        "baseline",
        "baselines",
        "benchmark",
        "benchmarks",
        "benefit",
        "better",
        "captures",
        "capturing",
        "central",
        "certain",
        "challenge",
        "challenges",
        "challenging",
        "closely",
        "code",
        "codes",
        "come",
        "common",
        "community",
        "compare",
        "comparing",
        "competitive",
        "complex",
        "components",
        "comprehensive",
        "conduct",
        "conducted",
        "consequently",
        "consider",
        "consistent",
        "consistently",
        "contribute",
        "contribution",
        "contributions",
        "cost",
        "costs",
        "critical",
        "critically",
        "crucial",
        "current",
        "data",
        "datasets",
        "decision",
        "demonstrate",
        "demonstrated",
        "demonstrates",
        "description",
        "design",
        "designed",
        "designs",
        "desirable",
        "detailed",
        "details",
        "develop",
        "different",
        "direct",
        "directly",
        "discover",
        "distinguish",
        "domain",
        "drawbacks",
        "easily",
        "effect",
        "effective",
        "effectively",
        "effectiveness",
        "efficiency",
        "efficient",
        "emerged",
        "enable",
        "enables",
        "end",
        "enhances",
        "entire",
        "especially",
        "essential",
        "evaluate",
        "evaluated",
        "evaluation",
        "evidence",
        "example",
        "excel",
        "existing",
        "experiment",
        "experimental",
        "experiments",
        "explicit",
        "explore",
        "explored",
        "extensive",
        "extensively",
        "extract",
        "extracted",
        "extracts",
        "fail",
        "field",
        "final",
        "finally",
        "firstly",
        "fixed",
        "focus",
        "focusing",
        "following",
        "framework",
        "frameworks",
        "fully",
        "furthermore",
        "future",
        "general",
        "generate",
        "generated",
        "generic",
        "github",
        "given",
        "good",
        "great",
        "guided",
        "hand",
        "help",
        "high",
        "higher",
        "highly",
        "however",
        "https",
        "hypothesize",
        "identifying",
        "impact",
        "important",
        "impressive",
        "improve",
        "improved",
        "improvement",
        "improvements",
        "improves",
        "improving",
        "includes",
        "including",
        "indicates",
        "information",
        "inspired",
        "instead",
        "interestingly",
        "introduce",
        "introduces",
        "investigate",
        "irrelevant",
        "issue",
        "issues",
        "key",
        "knowledge",
        "lack",
        "lacks",
        "large",
        "lead",
        "leading",
        "leads",
        "learn",
        "learned",
        "learning",
        "learns",
        "level",
        "leverage",
        "leverages",
        "leveraging",
        "limitation",
        "limitations",
        "limited",
        "limiting",
        "literature",
        "locally",
        "low",
        "main",
        "make",
        "makes",
        "making",
        "manner",
        "mapped",
        "measure",
        "method",
        "methods",
        "model",
        "modeling",
        "models",
        "nature",
        "need",
        "neglect",
        "new",
        "novel",
        "number",
        "numerous",
        "obtain",
        "offer",
        "often",
        "open",
        "operations",
        "optimizing",
        "order",
        "outperform",
        "outperforming",
        "outperforms",
        "output",
        "overall",
        "overcome",
        "owing",
        "paper",
        "particular",
        "particularly",
        "performance",
        "performs",
        "position",
        "possible",
        "potential",
        "potentially",
        "prediction",
        "predictions",
        "predicts",
        "present",
        "presents",
        "previous",
        "prior",
        "problem",
        "problems",
        "process",
        "progress",
        "prominent",
        "propose",
        "proposed",
        "proposes",
        "provide",
        "provides",
        "qualitative",
        "quality",
        "quantitative",
        "question",
        "random",
        "range",
        "real",
        "recent",
        "recently",
        "reducing",
        "reflects",
        "related",
        "relatively",
        "released",
        "rely",
        "remains",
        "require",
        "requires",
        "research",
        "respective",
        "respectively",
        "response",
        "result",
        "resulting",
        "results",
        "reveals",
        "rigorously",
        "robust",
        "sample",
        "samples",
        "scheme",
        "score",
        "scores",
        "secondly",
        "seen",
        "selected",
        "semantically",
        "separate",
        "series",
        "set",
        "setting",
        "settings",
        "show",
        "shown",
        "shows",
        "significant",
        "significantly",
        "simple",
        "simultaneously",
        "size",
        "small",
        "smaller",
        "solution",
        "solutions",
        "sota",
        "specific",
        "specifically",
        "standard",
        "state",
        "strategies",
        "strong",
        "studies",
        "study",
        "subset",
        "substantial",
        "suggest",
        "suggests",
        "superior",
        "support",
        "surprisingly",
        "systems",
        "task",
        "tasks",
        "technique",
        "techniques",
        "tend",
        "terms",
        "time",
        "tremendous",
        "tuned",
        "type",
        "understanding",
        "unique",
        "use",
        "used",
        "useful",
        "uses",
        "using",
        "utilization",
        "validate",
        "variety",
        "various",
        "way",
        "wide",
        "work",
        "works",
        "world",
    ]
)
_SUFFIXES = tuple(
    sorted(
        [
            "izations",
            "ization",
            "ations",
            "ation",
            "ements",
            "ement",
            "ings",
            "ing",
            "ions",
            "ion",
            "ers",
            "er",
            "ors",
            "or",
            "ies",
            "es",
            "ed",
            "e",
            "s",
            "ly",
            "al",
            "ity",
            "ive",
            "ic",
        ],
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 4


def shown_terms(vectors: TextVectors) -> np.ndarray:
    """Return which terms may be shown: in few enough papers, starting with a letter, not only generic words."""
    papers = vectors.weights.shape[0]
    rare = vectors.papers_per_term <= max(2, DISTINCTIVE_SHARE * papers)
    specific = np.array(
        [term[0].isalpha() and not set(term.split(" ")) <= GENERIC_WORDS for term in vectors.terms.tolist()], dtype=bool
    )
    return rare & specific if len(specific) else rare


def shared_phrases(vectors: TextVectors, shown: np.ndarray, pairs: list[tuple[int, int]]) -> list[tuple[str, ...]]:
    """Return, for each pair of rows, up to SHOWN_TERMS shown terms both have, strongest first (maybe none)."""
    if not pairs:
        return []
    pair, term, product = _common_terms(vectors.weights, pairs)
    keep = shown[term]
    pair, term, product = _largest_per_group(pair[keep], term[keep], product[keep], len(pairs), CANDIDATE_TERMS)
    names, values = vectors.terms[term].tolist(), product.tolist()
    bounds = np.searchsorted(pair, np.arange(len(pairs) + 1)).tolist()
    stems: dict[str, frozenset[str]] = {}
    return [
        tuple(_prefer_phrases(list(zip(names[b:e], values[b:e], strict=True)), stems))
        for b, e in itertools.pairwise(bounds)
    ]


def _common_terms(
    weights: sparse.csr_matrix, pairs: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (pair, term, product of weights) for each term both rows of a pair have, by pair then term."""
    first, second = [i for i, _ in pairs], [j for _, j in pairs]
    # Weights are positive and far above float32's underflow, so no product of two is zero and
    # the element-wise product keeps exactly the terms both rows have.
    products = weights[first].multiply(weights[second]).tocsr()
    products.sort_indices()
    coo = products.tocoo()
    return coo.row, coo.col, coo.data.astype(np.float32)


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


def stem(word: str) -> str:
    """Return a crude stem, so "decompilation" and "decompiler", "image" and "images" count as one word."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def _prefer_phrases(ranked: list[tuple[str, float]], stems: dict[str, frozenset[str]]) -> list[str]:
    """Pick up to SHOWN_TERMS terms, one per word family; a phrase beats its words if it weighs nearly as much.

    `stems` caches each term's word stems across calls.
    """
    phrases = [(term, weight, term.split(" ")) for term, weight in ranked if " " in term]
    kept: list[str] = []
    covered: set[str] = set()
    for term, weight in ranked:
        if " " not in term:
            term = next((phrase for phrase, w, words in phrases if term in words and w >= weight / 2), term)
        if term not in stems:
            stems[term] = frozenset(stem(word) for word in term.split(" "))
        if not stems[term] <= covered:
            kept.append(term)
            covered |= stems[term]
            if len(kept) == SHOWN_TERMS:
                break
    return kept
