"""The preview's reuse of parses and validations: only changed files are parsed again, with the same answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.load.catalogue import read_catalogue
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout
from generator.pipeline import Reuse
from generator.validate.check import validate_catalogue
from generator.write.docs import DocsFolder
from tests.conftest import Project, entry


def test_unchanged_files_keep_their_parse_and_validation_and_answers_stay_the_same(project: Project) -> None:
    layout = SourceLayout(project.root)
    study = project.add("study", entry(title="First Title of Saliency"))
    project.add("other", entry(title="Segmenting Salient Things", tags="[saliency, salincy]"))
    reuse = Reuse(DocsFolder(project.root / ".build" / "docs"))
    first = read_catalogue(layout, reuse.parses)
    validate_catalogue(first, date.today(), reuse.checks)
    study.write_text(study.read_text().replace("First", "Edited"))
    second = read_catalogue(layout, reuse.parses)
    by_path = {f.path: f for f in first.entries}
    assert [f is by_path[f.path] for f in second.entries] == [True, False]  # other.yaml, then study.yaml
    assert second.entries[1].document.data["title"] == "Edited Title of Saliency"
    assert validate_catalogue(second, date.today(), reuse.checks) == validate_catalogue(
        read_catalogue(layout), date.today()
    )


def test_a_run_with_nothing_changed_is_told_apart_from_one_with_an_edit(project: Project) -> None:
    layout = SourceLayout(project.root)
    study = project.add("study", entry())
    reuse, settings, today = (
        Reuse(DocsFolder(project.root / ".build" / "docs")),
        read_settings(layout.config_file),
        date.today(),
    )
    assert reuse.changed(read_catalogue(layout, reuse.parses), settings, today)
    assert not reuse.changed(read_catalogue(layout, reuse.parses), settings, today)
    study.write_text(study.read_text())  # saved as it was
    assert not reuse.changed(read_catalogue(layout, reuse.parses), settings, today)
    study.write_text(study.read_text().replace("Saliency", "Salience"))
    assert reuse.changed(read_catalogue(layout, reuse.parses), settings, today)
    tags = project.root / "site_src" / "tags.yaml"
    tags.write_text(tags.read_text().replace("name: Saliency", "name: Salience"))
    assert reuse.changed(read_catalogue(layout, reuse.parses), settings, today)


def test_a_docs_folder_held_in_memory_writes_what_write_docs_would(tmp_path: Path) -> None:
    folder = DocsFolder(tmp_path)
    (tmp_path / "stale.md").write_text("old")
    assert folder.write({"a.md": "A", "sub/b.md": "B"}) == ["a.md", "sub/b.md", "stale.md"]
    assert folder.write({"a.md": "A", "sub/b.md": "B2", "c.md": "C"}) == ["sub/b.md", "c.md"]
    assert folder.write({"c.md": "C"}) == ["a.md", "sub/b.md"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")) == ["c.md"]
