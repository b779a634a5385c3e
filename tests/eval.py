"""Quality of related papers and tag suggestions (`make eval`; not part of `make test`).

Leave-tags-out precision@5: the algorithm sees every paper without its tags, and a related paper is a
hit when it shares a human tag with its source. Beside the shipped score it reports the random base
rate, a plain TF-IDF baseline, and one row per signal or setting switched off. Tag suggestions are
scored leave-one-out: each paper's tags are suggested from the other papers.

    python -m tests.eval                       # the seed catalogue; writes tests/eval_results.md
    python -m tests.eval --catalogue DIR       # any project root with site_src/ (prints only)
    python -m tests.eval --synthetic 2000      # a synthetic catalogue made from the seed (prints only)
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.enrich.entities import entity_mentions, mentioned_by
from generator.enrich.related import RELATED, Scoring, related_papers
from generator.enrich.suggest import TagSuggester
from generator.enrich.text import text_vectors
from generator.load.catalogue import read_catalogue
from generator.load.sources import SourceLayout
from generator.model import Catalogue, Paper
from generator.validate.check import valid_catalogue

REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "eval_results.md"
Neighbours = dict[str, list[str]]
READING = "## Reading"  # the section of the results written by a person, kept when `make eval` rewrites the rest


def precision_at_5(papers: Sequence[Paper], neighbours: Neighbours) -> float:
    """Return the mean share of each paper's RELATED slots filled by a paper sharing one of its tags."""
    tags = {p.slug: set(p.tags) for p in papers}
    hits = [sum(bool(tags[p.slug] & tags[s]) for s in neighbours.get(p.slug, [])[:RELATED]) for p in papers]
    return float(np.mean(hits)) / RELATED


def random_base_rate(papers: Sequence[Paper]) -> float:
    """Return the expected precision of RELATED papers drawn at random: the mean share of others sharing a tag."""
    tags = [set(p.tags) for p in papers]
    shares = [sum(bool(t & u) for j, u in enumerate(tags) if j != i) / (len(tags) - 1) for i, t in enumerate(tags)]
    return float(np.mean(shares))


def plain_tfidf(papers: Sequence[Paper]) -> Neighbours:
    """Return each paper's RELATED nearest papers by plain TF-IDF cosine (1-2-grams, sublinear tf, stop words)."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    matrix = vectorizer.fit_transform([f"{p.title} {p.abstract}" for p in papers])
    result: Neighbours = {}
    for start in range(0, len(papers), 1000):
        block = (matrix[start : start + 1000] @ matrix.T).toarray()
        for offset, row in enumerate(block):
            row[start + offset] = -1
            order = np.lexsort((np.arange(len(row)), -row))[:RELATED]
            result[papers[start + offset].slug] = [papers[j].slug for j in order]
    return result


def shipped(catalogue: Catalogue, scoring: Scoring, hide_tags: bool = True) -> Neighbours:
    """Return the shipped algorithm's related papers, computed with the tags hidden unless told otherwise."""
    papers = [dataclasses.replace(p, tags=()) for p in catalogue.papers] if hide_tags else list(catalogue.papers)
    entities = entity_mentions(papers, catalogue.entities)
    related = related_papers(
        papers, entities, mentioned_by(papers), text_vectors(papers), scoring, taxonomy=catalogue.tags
    )
    return {slug: [r.slug for r in rs] for slug, rs in related.items()}


def relatedness_rows(catalogue: Catalogue) -> list[tuple[str, float, float]]:
    """Return (method, P@5, seconds) for every compared method."""
    papers = catalogue.papers
    rows: list[tuple[str, float, float]] = []

    def measure(name: str, compute: Callable[[], Neighbours]) -> None:
        started = time.perf_counter()
        neighbours = compute()
        rows.append((name, precision_at_5(papers, neighbours), time.perf_counter() - started))

    every = Scoring()
    measure("shipped related papers (tags hidden)", lambda: shipped(catalogue, every))
    measure("plain TF-IDF cosine (1-2-grams, sublinear tf, English stop words)", lambda: plain_tfidf(papers))
    measure(
        "shipped, without LSA (TF-IDF cosine only)", lambda: shipped(catalogue, dataclasses.replace(every, lsa=False))
    )
    measure("shipped, without shared entities", lambda: shipped(catalogue, dataclasses.replace(every, entities=False)))
    measure(
        "shipped, without short-name mentions", lambda: shipped(catalogue, dataclasses.replace(every, mentions=False))
    )
    measure("shipped, without shared authors", lambda: shipped(catalogue, dataclasses.replace(every, authors=False)))
    text_only = Scoring(lsa=False, tags=False, authors=False, entities=False, mentions=False)
    measure("text TF-IDF only (no LSA, entities, mentions, authors)", lambda: shipped(catalogue, text_only))
    measure(
        "shipped, candidates unpruned (every term, every posting)",
        lambda: shipped(catalogue, dataclasses.replace(every, top_terms=10**9, postings=10**9)),
    )
    measure(
        "shipped, candidates from 20 terms per paper",
        lambda: shipped(catalogue, dataclasses.replace(every, top_terms=20)),
    )
    return rows


def visible_rows(catalogue: Catalogue) -> list[tuple[str, float, float, float]]:
    """Return (setting, P@5, papers shown per paper, share of shown papers that are hits), tags visible."""
    papers = catalogue.papers
    rows = []
    for name, scoring in [
        ("as shipped", Scoring()),
        ("without the tag floor (any shared tag, or close text)", Scoring(tag_floor=1e-9)),
        ("without any floor (every candidate may be shown)", Scoring(tag_floor=0.0)),
    ]:
        neighbours = shipped(catalogue, scoring, hide_tags=False)
        shown = sum(len(v[:RELATED]) for v in neighbours.values())
        hits = precision_at_5(papers, neighbours) * RELATED * len(papers)
        rows.append((name, precision_at_5(papers, neighbours), shown / len(papers), hits / max(shown, 1)))
    return rows


def suggestion_scores(catalogue: Catalogue) -> tuple[float, float, float]:
    """Return leave-one-out (precision, recall, mean tags suggested) of tag suggestions, micro-averaged."""
    papers = catalogue.papers
    right = suggested = wanted = 0
    for n, paper in enumerate(papers):
        suggester = TagSuggester([*papers[:n], *papers[n + 1 :]], catalogue.tags)
        keys = {s.key for s in suggester.suggest(paper.title, paper.abstract)}
        right += len(keys & set(paper.tags))
        suggested += len(keys)
        wanted += len(paper.tags)
    return right / max(suggested, 1), right / max(wanted, 1), suggested / len(papers)


def report(catalogue: Catalogue, label: str) -> str:
    """Return the Markdown report for one catalogue."""
    papers = catalogue.papers
    lines = [
        f"# Related papers and tag suggestions: {label}",
        "",
        "Made by `make eval` (`python -m tests.eval`). Leave-tags-out precision@5: tags are hidden from the",
        "algorithm; a related paper is a hit when it shares a human tag with its source.",
        "",
        f"{len(papers)} papers, {len(catalogue.tags)} tags, {sum(len(p.tags) for p in papers) / len(papers):.2f} tags per paper.",
        "",
        "| method | P@5 | seconds |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {p:.3f} | {seconds:.2f} |" for name, p, seconds in relatedness_rows(catalogue)]
    lines.append(f"| 5 random papers (expected) | {random_base_rate(papers):.3f} | |")
    lines += [
        "",
        "With tags visible (circular: tags are both signal and answer; it shows what the floors cost and buy):",
        "",
        "| setting | P@5 | shown per paper | hits among shown |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {p:.3f} | {n:.2f} | {share:.3f} |" for name, p, n, share in visible_rows(catalogue)]
    precision, recall, per_paper = suggestion_scores(catalogue)
    lines += [
        "",
        "Tag suggestions, leave-one-out (each paper's tags suggested from the other papers' tags and the aliases):",
        "",
        "| precision | recall | tags suggested per paper |",
        "|---|---|---|",
        f"| {precision:.3f} | {recall:.3f} | {per_paper:.2f} |",
        "",
    ]
    return "\n".join(lines)


def kept_reading() -> str:
    """Return the reading recorded by hand below READING in the results file, which a new run keeps."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    return old[old.index(READING) :] if READING in old else ""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print (and, on the seed, write) the report."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalogue", type=Path, help="a project root holding site_src/ (default: this repository)")
    parser.add_argument("--synthetic", type=int, metavar="N", help="evaluate a synthetic catalogue of N papers instead")
    args = parser.parse_args(argv)
    today = date.today()
    if args.synthetic:
        from tests.synthetic import make_project

        with tempfile.TemporaryDirectory() as tmp:
            root = make_project(Path(tmp) / "project", args.synthetic)
            text = report(
                valid_catalogue(read_catalogue(SourceLayout(root)), today), f"synthetic catalogue of {args.synthetic}"
            )
    else:
        root = (args.catalogue or REPO).resolve()
        if not (root / "site_src" / "papers").is_dir():
            parser.error(f"{root} has no site_src/papers/: pass a project root with --catalogue DIR")
        text = report(valid_catalogue(read_catalogue(SourceLayout(root)), today), "seed" if root == REPO else str(root))
        if root == REPO:
            kept = kept_reading()
            RESULTS.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
