"""The Hugging Face page importer: golden output for the seed dump, and it never overwrites."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer.entry_file import slugify
from generator.importer.hf_page import PageFormatError, links, parse_page, short_name
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
