"""The loader reads every source file once, with its guards; validation is a pure function of what it read."""

from __future__ import annotations

import os
from datetime import date

from generator.diagnostics import Diagnostic, error
from generator.load.catalogue import SourceFiles, read_catalogue
from generator.load.sources import LoadedFile, SourceLayout
from generator.load.yaml_strict import parse_yaml
from generator.validate.check import validate_catalogue
from tests.conftest import ENTITIES, TAGS, Project, entry


def test_reads_every_source_file_with_positions(project: Project) -> None:
    project.add("b-paper", entry(title="B Paper"))
    project.add("a-paper", entry(title="A Paper"))
    sources = read_catalogue(SourceLayout(project.root))
    assert isinstance(sources.tags, LoadedFile) and isinstance(sources.entities, LoadedFile)
    assert sources.tags.path == "site_src/tags.yaml"
    assert sources.tags.document.value_mark(("saliency", "parent")) == (7, 11)
    assert [f.path for f in sources.entries] == ["site_src/papers/a-paper.yaml", "site_src/papers/b-paper.yaml"]
    assert sources.entries[0].document.value_mark(("listed",)) == (3, 9)
    assert sorted(sources.pages) == ["api.md", "contribute.md", "search.md"]
    assert sources.pages["search.md"] == (project.root / "site_src/pages/search.md").read_text(encoding="utf-8")
    assert sources.problems == ()


def test_unreadable_files_are_diagnostics_and_their_names_stay_taken(project: Project) -> None:
    project.add("good", entry())
    (project.papers / "huge.yaml").write_text("title: " + "x" * 70_000 + "\n", encoding="utf-8")
    (project.papers / "latin1.yaml").write_bytes(b"title: caf\xe9\n")
    (project.papers / "notes.yml").write_text("title: x\n", encoding="utf-8")
    os.symlink(project.papers / "good.yaml", project.papers / "link.yaml")
    os.symlink(project.root / "site_src/pages/api.md", project.root / "site_src/pages/linked.md")
    sources = read_catalogue(SourceLayout(project.root))
    assert [f.path for f in sources.entries] == ["site_src/papers/good.yaml"]
    assert sources.entry_names == {"good.yaml", "huge.yaml", "latin1.yaml", "notes.yml", "link.yaml"}
    assert "linked.md" not in sources.pages
    assert [d.format() for d in sorted(sources.problems)] == [
        "site_src/pages/linked.md:1:1: error: symbolic links are not allowed here; commit a regular file",
        "site_src/papers/huge.yaml:1:1: error: file is 70008 bytes; the limit is 65536 (64 KB)",
        "site_src/papers/latin1.yaml:1:1: error: not UTF-8 text (bad byte at offset 10); save the file as UTF-8",
        "site_src/papers/link.yaml:1:1: error: a symbolic link is not allowed in the papers folder; "
        "add regular <slug>.yaml files",
        "site_src/papers/notes.yml:1:1: error: not an entry file: rename it to notes.yaml",
    ]


def test_a_missing_taxonomy_is_reported_in_place_of_the_file(project: Project) -> None:
    (project.root / "site_src/tags.yaml").unlink()
    sources = read_catalogue(SourceLayout(project.root))
    assert isinstance(sources.tags, Diagnostic)
    assert sources.tags.format() == "site_src/tags.yaml:1:1: error: file not found"


def loaded(path: str, text: str) -> LoadedFile:
    return LoadedFile(path, parse_yaml(text))


def test_validation_needs_no_files_only_what_was_loaded() -> None:
    sources = SourceFiles(
        tags=loaded("site_src/tags.yaml", TAGS),
        entities=loaded("site_src/entities.yaml", ENTITIES),
        entries=(
            loaded("site_src/papers/one.yaml", entry(title="One Paper", arxiv='"1706.03762v2"')),
            loaded("site_src/papers/two.yaml", entry(title="Two Paper", arxiv='"1706.03762"', tags="[salency]")),
        ),
        entry_names=frozenset({"one.yaml", "two.yaml"}),
        pages={},
        problems=(),
    )
    catalogue, problems = validate_catalogue(sources, date(2025, 3, 12))
    assert [p.slug for p in catalogue.papers] == ["one", "two"]
    assert [p.format() for p in problems] == [
        "site_src/papers/two.yaml:4:8: error: tags[0]: unknown tag 'salency' (did you mean 'saliency'?); "
        "use a key of site_src/tags.yaml or add the tag there",
        "site_src/papers/two.yaml:5:8: error: arxiv: same arXiv id as site_src/papers/one.yaml; "
        "this paper is already in the catalogue, so edit that entry instead",
    ]


def test_load_problems_are_part_of_the_validation_result() -> None:
    missing = error("site_src/entities.yaml", 1, 1, "file not found")
    sources = SourceFiles(
        tags=loaded("site_src/tags.yaml", TAGS),
        entities=missing,
        entries=(),
        entry_names=frozenset(),
        pages={},
        problems=(error("site_src/papers/a.yml", 1, 1, "not an entry file"),),
    )
    catalogue, problems = validate_catalogue(sources, date(2025, 3, 12))
    assert catalogue.entities == {} and set(catalogue.tags) == {"vision", "saliency", "segmentation"}
    assert [p.path for p in problems] == ["site_src/entities.yaml", "site_src/papers/a.yml"]
