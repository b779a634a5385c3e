"""BibTeX that never guesses, and TeX titles as plain text wherever they cannot be rendered."""

from __future__ import annotations

from datetime import date
from typing import Any

import pybtex.database
import pytest
from bibtexparser.entrypoint import parse_string

from generator.model import Paper
from generator.render.bibtex import arxiv_month, bibtex_entry
from generator.render.tex import plain_title


def paper(**fields: Any) -> Paper:
    base: dict[str, Any] = {
        "slug": "p",
        "title": "A Title",
        "abstract": "A.",
        "listed": date(2025, 3, 12),
        "tags": ("t",),
        "source": "s",
    }
    return Paper(**{**base, **fields})


def parsed(entry: str) -> tuple[str, dict[str, str]]:
    """Return the entry type and fields as pybtex reads them, after checking bibtexparser reads it too."""
    library = parse_string(entry)
    assert library.failed_blocks == [] and len(library.entries) == 1
    read = pybtex.database.parse_string(entry, "bibtex").entries["p"]
    return read.type, dict(read.fields)


def test_without_published_or_arxiv_the_year_is_left_out_not_taken_from_listed() -> None:
    kind, fields = parsed(bibtex_entry(paper(listed=date(2025, 3, 12))))
    assert kind == "misc"
    assert "year" not in fields and "month" not in fields


def test_the_year_comes_from_published_first() -> None:
    _, fields = parsed(bibtex_entry(paper(published=date(2014, 6, 1), arxiv="1706.03762")))
    assert (fields["year"], fields["month"]) == ("2014", "June")


@pytest.mark.parametrize(
    ("arxiv", "year", "month", "primaryclass"),
    [
        ("1706.03762", "2017", "June", None),
        ("2401.02412v2", "2024", "January", None),
        ("cs/9912017", "1999", "December", "cs"),
    ],
)
def test_else_the_year_and_month_come_from_the_arxiv_id(
    arxiv: str, year: str, month: str, primaryclass: str | None
) -> None:
    _, fields = parsed(bibtex_entry(paper(arxiv=arxiv)))
    assert (fields["year"], fields["month"]) == (year, month)
    assert (fields["eprint"], fields["archiveprefix"]) == (arxiv, "arXiv")
    assert fields.get("primaryclass") == primaryclass  # a new-style id does not name its category
    assert fields["url"] == f"https://arxiv.org/abs/{arxiv}"


def test_arxiv_month_reads_both_id_styles() -> None:
    assert arxiv_month("0704.0001") == (2007, 4)
    assert arxiv_month("hep-th/9108001v1") == (1991, 8)
    assert arxiv_month("not-an-id") is None


@pytest.mark.parametrize(
    ("venue", "kind", "field"),
    [
        ("CVPR 2023", "inproceedings", "booktitle"),
        ("Proceedings of the 40th International Conference on Machine Learning", "inproceedings", "booktitle"),
        ("NeurIPS Workshop on XAI", "inproceedings", "booktitle"),
        ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "article", "journal"),
        ("Proceedings of the IEEE", "article", "journal"),
        ("Nature Machine Intelligence", "article", "journal"),
        ("Lecture notes handed out in class", "misc", "howpublished"),
    ],
)
def test_the_entry_type_follows_what_the_venue_says(venue: str, kind: str, field: str) -> None:
    got_kind, fields = parsed(bibtex_entry(paper(venue=venue)))
    assert got_kind == kind
    assert fields[field] == venue
    assert {"booktitle", "journal", "howpublished"} - {field} & set(fields) == set()


def test_doi_url_and_authors_are_cited() -> None:
    entry = bibtex_entry(
        paper(
            doi="10.1109/CVPR.2023.00123", authors=("Ada Lovelace", "Grace Hopper"), links={"paper": "https://x.org/p"}
        )
    )
    read = pybtex.database.parse_string(entry, "bibtex").entries["p"]
    assert read.fields["doi"] == "10.1109/CVPR.2023.00123"
    assert read.fields["url"] == "https://x.org/p"
    assert [str(person) for person in read.persons["author"]] == ["Lovelace, Ada", "Hopper, Grace"]


def test_tex_in_a_title_stays_tex_in_bibtex() -> None:
    _, fields = parsed(bibtex_entry(paper(title="Sparse $k$-NN with $L^2$ loss")))
    assert fields["title"] == "{Sparse $k$-NN with $L^2$ loss}"


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("Sparse $k$-NN", "Sparse k-NN"),
        ("$^2$-Net", "²-Net"),
        ("$L^2$ and $\\ell_1$ losses", "L² and ℓ₁ losses"),
        ("$\\mathcal{O}(n^{2})$ time", "O(n²) time"),
        ("$\\alpha$-$\\beta$ pruning in $\\mathbb{R}^d$", "α-β pruning in ℝᵈ"),
        ("$x^{\\top}$ and $\\mathbf{\\hat{x}}_t$", "xᵀ and xₜ"),
        ("It costs $5 and $10", "It costs $5 and $10"),
        ("An escaped \\$ sign", "An escaped $ sign"),
        ("No math at all", "No math at all"),
    ],
)
def test_plain_title_reads_as_text(title: str, plain: str) -> None:
    assert plain_title(title) == plain
