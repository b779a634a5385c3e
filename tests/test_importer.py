"""The Hugging Face page importer: golden output for the seed dump, and it never overwrites."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer.entry_file import slugify
from generator.importer.hf_page import PageFormatError, linked_title, links, parse_page, short_name
from generator.load.yaml_strict import parse_yaml
from tests.conftest import REPO, SEED, Project
from tests.golden import assert_golden, tree_text


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run_import(project: Project, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(project.root), "import", "hf-page", str(SEED), "--year", "2025"])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture
def seeded(project: Project) -> Project:
    shutil.copy(REPO / "site_src" / "tags.yaml", project.root / "site_src" / "tags.yaml")
    return project


def test_seed_import_matches_golden(seeded: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run_import(seeded, capsys)
    assert code == 0
    assert len(lines) == 79 and all(line.startswith("new     site_src/papers/") for line in lines)
    assert_golden("hf_import.txt", tree_text(seeded.papers))


def test_second_run_writes_nothing(seeded: Project, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(seeded, capsys)
    before = snapshot(seeded.root)
    code, lines = run_import(seeded, capsys)
    assert code == 0
    assert all(line.startswith("skipped site_src/papers/") for line in lines) and len(lines) == 79
    assert snapshot(seeded.root) == before


def test_writes_only_new_files_under_papers(seeded: Project, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(seeded.root)
    run_import(seeded, capsys)
    after = snapshot(seeded.root)
    assert {k: v for k, v in after.items() if k in before} == before
    assert all(path.startswith("site_src/papers/") for path in set(after) - set(before))


def test_taken_slug_gets_a_suffix_and_the_old_file_is_kept(seeded: Project, capsys: pytest.CaptureFixture[str]) -> None:
    squatter = seeded.add("volo", "title: Something else entirely\n")
    run_import(seeded, capsys)
    assert squatter.read_text() == "title: Something else entirely\n"
    assert "VOLO: Vision Outlooker" in (seeded.papers / "volo-2.yaml").read_text()


def test_links_are_classified_and_trimmed() -> None:
    text = (
        "Tool: https://pypi.org/project/comex - GitHub: https://github.com/IBM/tree-sitter-codeviews - "
        "Demo: https://youtu.be/GER6U87FVbU. See https://serre-lab.github.io/Lens, and "
        "https://github.com/Zood123/COMET{https://github.com/Zood123/COMET}."
    )
    assert links(text) == {
        "package": "https://pypi.org/project/comex",
        "code": "https://github.com/IBM/tree-sitter-codeviews",
        "video": "https://youtu.be/GER6U87FVbU",
        "project": "https://serre-lab.github.io/Lens",
    }


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("GCoNet+: A Stronger Detector", "GCoNet+"),
        ("T^3-S2S: Training-free", "T^3-S2S"),
        ("There and Back Again: Revisiting", None),
        ("Multifaceted: lower", None),
    ],
)
def test_short_name_from_acronym_titles(title: str, expected: str | None) -> None:
    assert short_name(title) == expected


def test_slugs() -> None:
    assert slugify("GCoNet+") == "gconet-plus"
    assert slugify("T^3-S2S") == "t3-s2s"
    assert slugify("The 'Paris-end' of town? Urban typology through machine learning") == (
        "the-paris-end-of-town-urban-typology-through-machine"
    )


def test_page_without_date_line_is_a_clear_error() -> None:
    with pytest.raises(PageFormatError, match="no date line"):
        parse_page("Title\n\nAbstract\n", 2025)


LINKED_PAGE = """\
Mar 12

[LLM Augmented LLMs: Expanding Capabilities through Composition](https://huggingface.co/papers/2401.02412)

We compose an anchor model with augmenting models, and segmentation improves on every benchmark we tried.

Deep Residual Learning for Image Recognition
https://arxiv.org/abs/1512.03385v1
Deeper neural networks are more difficult to train; residual learning eases training for segmentation.

A Paper Without a Link
An abstract long enough to be an abstract, which mentions segmentation and arXiv 2401.99999 in passing.
"""


def test_paper_links_on_a_pasted_page_give_arxiv_ids() -> None:
    _, papers = parse_page(LINKED_PAGE, 2025)
    assert [(p.title, p.arxiv) for p in papers] == [
        ("LLM Augmented LLMs: Expanding Capabilities through Composition", "2401.02412"),
        ("Deep Residual Learning for Image Recognition", "1512.03385"),
        ("A Paper Without a Link", ""),  # an id in the abstract may be any paper's: not taken
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<a href="/papers/2401.02412" class="line-clamp-3">CALM</a>', ("CALM", "2401.02412")),
        ("## [Title (v2)](https://huggingface.co/papers/2401.02412v2)", ("Title (v2)", "2401.02412")),
        ("Deep Residual Learning https://arxiv.org/pdf/1512.03385.pdf", ("Deep Residual Learning", "1512.03385")),
        ("Scaling to 2401.02412 tokens", ("Scaling to 2401.02412 tokens", "")),
    ],
)
def test_linked_title(line: str, expected: tuple[str, str]) -> None:
    assert linked_title(line) == expected


def test_import_keeps_linked_arxiv_ids_and_the_seed_has_none(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project.write("page.txt", LINKED_PAGE)
    assert main(["--root", str(project.root), "import", "hf-page", str(page), "--year", "2025"]) == 0
    ids = {p.name: parse_yaml(p.read_text(encoding="utf-8")).data.get("arxiv") for p in project.papers.glob("*.yaml")}
    assert sorted(ids.values(), key=str) == ["1512.03385", "2401.02412", None]
    _, seed_papers = parse_page(SEED.read_text(encoding="utf-8"), 2025)
    assert {p.arxiv for p in seed_papers} == {""}  # the seed dump is plain text: its links were lost in the paste
