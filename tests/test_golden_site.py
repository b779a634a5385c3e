"""Whole-site golden test: the Markdown, data and search documents a small catalogue renders to, file by file."""

from __future__ import annotations

from datetime import date

from generator.load.settings import read_settings
from generator.load.sources import SourceLayout
from generator.pipeline import enriched_catalogue, render_docs
from generator.render.search_docs import search_documents
from generator.timings import Timings
from tests.conftest import REPO, Project, entry
from tests.golden import assert_golden


def test_fixture_catalogue_renders_to_golden_files(project: Project) -> None:
    project.add(
        "saliency-maps",
        entry(
            title="Saliency Maps for $\\ell_1$ Vision Transformers",
            short_name="SMVT",
            authors='["Ada Lovelace", "Alan Turing"]',
            abstract='"Saliency maps explain ImageNet classifiers.\\n\\nWe compare *attention* rollout with [links](x)."',
            arxiv='"2401.02412"',
            venue="CVPR 2024",
            links="\n  code: https://github.com/example/smvt",
        ),
    )
    project.add(
        "segmenting",
        entry(
            title="Segmenting Salient Things",
            tags="[segmentation]",
            abstract="Salient object segmentation, compared with SMVT.",
        ),
    )
    project.add("older", entry(title="An Older Saliency Study", listed='"2024-01-05"', tags="[saliency]"))
    layout = SourceLayout(project.root)
    hand_written = {p.name for p in (REPO / "site_src" / "pages").glob("*.md")}
    docs = render_docs(layout, date(2025, 6, 1))
    assert_golden(
        "fixture_site.txt",
        "".join(f"=== {path} ===\n{docs[path]}" for path in sorted(docs) if path not in hand_written),
    )
    search = search_documents(
        enriched_catalogue(layout, date(2025, 6, 1), Timings()), read_settings(layout.config_file)
    )
    assert_golden("fixture_search.txt", "".join(f"=== {path} ===\n{search[path]}" for path in sorted(search)))
