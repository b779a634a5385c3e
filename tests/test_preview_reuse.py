"""The preview's reuse: only changed files are parsed again, only what an edit reaches is enriched and rendered again."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import pipeline
from generator.enrich import layout
from generator.enrich.authors import authors_of
from generator.enrich.enrichment import enrich_again, enrich_fully
from generator.enrich.entities import mentioned_by
from generator.enrich.related import related_papers
from generator.load.catalogue import read_catalogue
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout
from generator.model import Catalogue, Paper
from generator.pipeline import Reuse, checked_catalogue, update_preview
from generator.render import exports
from generator.render.site import render_site
from generator.timings import Timings
from generator.validate.check import EntryChecks, validate_catalogue
from generator.write.docs import DocsFolder
from tests.conftest import Project, entry
from tests.synthetic import make_project, synthetic_entries


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


def test_checks_across_entries_kept_between_runs_report_what_a_fresh_run_does(project: Project) -> None:
    layout, today, checks = SourceLayout(project.root), date.today(), EntryChecks()
    words = [
        "Saliency",
        "Segmentation",
        "Transformers",
        "Diffusion",
        "Unlearning",
        "Retrieval",
        "Pruning",
        "Distillation",
    ]
    for i, word in enumerate(words):  # titles that sort next to one another, forwards and backwards
        project.add(f"p{i}", entry(title=f"Learning {word} at Scale"))
    twin = project.add("twin", entry(title="Learning Saliency at Scales"))
    steps: list[tuple[Callable[[], object], int]] = [
        (lambda: None, 1),
        (lambda: project.add("p3b", entry(title="Learning Diffusion at Scales")), 2),
        (lambda: twin.write_text(entry(title="Something Else Entirely")), 1),
        (lambda: (project.papers / "p3.yaml").unlink(), 0),
        (lambda: twin.write_text(entry(title="Learning Saliency at Scales")), 1),
        (lambda: project.add("dup", entry(title="Learning saliency at scale!")), 2),  # p0's title: an error
    ]
    for n, (change, near) in enumerate(steps):
        change()
        kept = validate_catalogue(read_catalogue(layout), today, checks)
        assert kept == validate_catalogue(read_catalogue(layout), today), n
        assert sum("nearly the same title" in d.message for d in kept[1]) == near, n


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


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _docs(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def test_each_edit_renders_again_only_what_it_reaches_and_the_docs_match_a_whole_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small pieces, so that 120 papers make several of each, and an edit reaches some pieces only.
    monkeypatch.setattr(exports, "JSON_PIECE", 25)
    monkeypatch.setattr(exports, "BIBTEX_PIECE", 10)
    root = make_project(tmp_path / "project", 120)
    layout, today, docs = SourceLayout(root), date(2026, 12, 2), tmp_path / "docs"
    reuse = Reuse(DocsFolder(docs))
    update_preview(layout, today, reuse, Timings())
    papers = sorted((root / "site_src" / "papers").glob("*.yaml"))
    twin = yaml.safe_load(papers[5].read_text(encoding="utf-8"))
    twin["title"] = "A Twin: " + twin["title"]
    edits: list[tuple[str, Callable[[], object]]] = [
        ("title", lambda: _edit(papers[0], lambda d: d.update(title="Edited " + d["title"]))),
        ("tags", lambda: _edit(papers[1], lambda d: d.update(tags=d["tags"][:1]))),
        ("listed", lambda: _edit(papers[2], lambda d: d.update(listed="2020-01-01"))),
        ("author", lambda: _edit(papers[3], lambda d: d.update(authors=["Zed Newperson", *d.get("authors", [])]))),
        ("author page", lambda: _edit(papers[4], lambda d: d.update(authors=["Zed Newperson"]))),
        ("new", lambda: (papers[0].parent / "zz-twin.yaml").write_text(yaml.safe_dump(twin), encoding="utf-8")),
        ("deleted", lambda: papers[6].unlink()),
        ("abstract", lambda: _edit(papers[7], lambda d: d.update(abstract=twin["abstract"]))),
    ]
    for name, change in edits:
        change()
        written = update_preview(layout, today, reuse, Timings())
        assert written is not None
        catalogue, _ = checked_catalogue(layout, today)
        enriched = reuse.enrichment(catalogue).enriched  # no change since: the very enrichment rendered
        whole = render_site(enriched, read_settings(layout.config_file), read_catalogue(layout).pages)
        assert _docs(docs) == whole, name  # no page the edit reaches is stale
        assert enriched.authors == authors_of(catalogue.papers), name
        assert enriched.mentioned_by == mentioned_by(catalogue.papers), name
        assert len(written[0]) < len(whole) / 4, name
    related = reuse.enrichment(checked_catalogue(layout, today)[0]).enriched.related
    assert related["zz-twin"][0].slug == papers[5].stem  # the new paper's list, and its twin's, hold each other
    assert related[papers[5].stem][0].slug == "zz-twin"
    assert all(r.slug != papers[6].stem for chosen in related.values() for r in chosen)  # the deleted paper left


def test_the_preview_freezes_its_heap_after_a_run_and_unfreezes_it_now_and_then(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "FROZEN_RUNS", 2)
    study = project.add("study", entry())
    reuse = Reuse(DocsFolder(project.root / ".build" / "docs"))
    try:
        update_preview(SourceLayout(project.root), date.today(), reuse, Timings())
        assert gc.get_freeze_count() > 0  # the next run's collections leave what it keeps alone
        study.write_text(entry(title="Edited"))
        update_preview(SourceLayout(project.root), date.today(), reuse, Timings())
        assert gc.get_freeze_count() == 0  # a collection may free the cycles left meanwhile
    finally:
        gc.unfreeze()


def test_lists_made_for_some_rows_are_those_of_a_whole_run() -> None:
    papers = [Paper(slug=slug, tags=tuple(e["tags"]), **_fields(e)) for slug, e in synthetic_entries(80)]
    whole = related_papers(papers)
    assert related_papers(papers, rows=[3, 40, 3, 79]) == {papers[i].slug: whole[papers[i].slug] for i in (3, 40, 79)}


def test_an_edit_that_keeps_tags_authors_and_names_gives_the_lists_of_a_whole_run_on_the_same_vectors() -> None:
    papers = [Paper(slug=slug, tags=tuple(e["tags"]), **_fields(e)) for slug, e in synthetic_entries(80)]
    last = enrich_fully(Catalogue(tuple(papers), {}, {}))
    papers[10] = replace(papers[10], title=papers[20].title, abstract=papers[20].abstract)
    again = enrich_again(last, Catalogue(tuple(papers), {}, {}))
    whole = related_papers(papers, vectors=again.vectors)
    # The same papers in the same order with the same scores; a list not made again may still give as
    # reasons terms that the edit made too common to show.
    assert {s: [(r.slug, r.score) for r in chosen] for s, chosen in again.enriched.related.items()} == {
        s: [(r.slug, r.score) for r in chosen] for s, chosen in whole.items()
    }
    assert again.enriched.related[papers[20].slug][0].slug == papers[10].slug  # it entered its twin's list
    assert again.model is last.model  # not fitted again


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": entry["title"],
        "abstract": entry["abstract"],
        "listed": date.fromisoformat(str(entry["listed"])),
        "source": "x.yaml",
        "authors": tuple(entry.get("authors", ())),
    }


def test_the_map_places_again_only_the_changed_papers_and_gives_a_whole_placement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(layout, "LANDMARKS", 30)  # fewer landmarks than papers, so most are placed among them
    papers = [Paper(slug=slug, tags=tuple(e["tags"]), **_fields(e)) for slug, e in synthetic_entries(120)]
    last = enrich_fully(Catalogue(tuple(papers), {}, {}))
    landmark = set(last.landmarks.slugs if last.landmarks else ())
    edited = next(i for i, p in enumerate(papers) if p.slug not in landmark)
    papers[edited] = replace(papers[edited], title=papers[20].title, abstract=papers[20].abstract)
    papers.append(replace(papers[40], slug="zz-new", title="A New Paper on " + papers[40].title))
    again = enrich_again(last, Catalogue(tuple(papers), {}, {}))
    assert again.landmarks is not None and last.landmarks is not None
    assert again.landmarks.placed is last.landmarks.placed  # the same landmarks, so places were kept
    whole, _ = layout.map_layout(papers, again.vectors, last.landmarks)  # every paper placed again
    assert again.enriched.positions == whole
    assert again.enriched.positions[papers[edited].slug] != last.enriched.positions[papers[edited].slug]
