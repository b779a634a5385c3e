"""The fast path (write/fastpath.py): pages kept out of the nav skip Python-Markdown; every built file is the plain build's."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build as plain_mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from generator.load.sources import SourceLayout
from generator.pipeline import render_docs
from generator.write import mkdocs_build
from generator.write.docs import write_docs
from generator.write.fastpath import FastPath
from generator.write.mkdocs_build import PAPER_PAGE
from tests.conftest import REPO, entry, make_project
from tests.hostile import TEXT_PAYLOADS
from tests.test_site_build import digest


def hostile_root(root: Path) -> Path:
    """A catalogue of every text payload in a title, an abstract and an author name."""
    project = make_project(root)
    for i, payload in enumerate(TEXT_PAYLOADS):
        project.add(
            f"hostile-{i}",
            entry(
                title=json.dumps(f"Saliency {payload} {i}"),
                authors=json.dumps([payload, f"Author {i}"]),
                abstract=json.dumps(f"We study saliency, see https://x.org/a_b?c=1&d=2.\n\n{payload}\n\nEnd {payload}"),
            ),
        )
    return project.root


@pytest.mark.slow
@pytest.mark.parametrize("catalogue", ["seed", "hostile"])
def test_fast_path_pages_are_byte_identical_to_a_plain_mkdocs_build(
    catalogue: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = REPO if catalogue == "seed" else hostile_root(tmp_path / "project")
    docs = render_docs(SourceLayout(root), date(2025, 6, 1))
    write_docs(docs, tmp_path / "docs")
    converted: list[str] = []
    markdown_render = Page.render

    def counting_render(page: Page, *args: Any) -> None:
        converted.append(page.file.src_uri)
        markdown_render(page, *args)

    monkeypatch.setattr(Page, "render", counting_render)
    config = REPO / "mkdocs.yml"
    # Plain: mkdocs.yml as a user's `mkdocs build` reads it, its hooks included, and no plugin of ours.
    plain_mkdocs_build(load_config(str(config), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "plain")))
    pages = {name for name in docs if name.endswith(".md")}
    assert set(converted) == pages
    converted.clear()
    mkdocs_build.build(config, tmp_path / "docs", tmp_path / "fast")
    nav = {next(iter(item.values())) for item in yaml.safe_load(config.read_text(encoding="utf-8"))["nav"]}
    assert set(converted) == nav  # only the nav's pages went through Python-Markdown
    assert any(PAPER_PAGE.fullmatch(name) for name in pages - nav)
    assert digest(tmp_path / "fast") == digest(tmp_path / "plain")
    # Our build hands MkDocs the docs from memory, with an empty docs folder: the same pages again.
    (tmp_path / "empty").mkdir()
    mkdocs_build.build(config, tmp_path / "empty", tmp_path / "memory", docs=docs)
    assert digest(tmp_path / "memory") == digest(tmp_path / "plain")


def test_a_paper_page_edited_into_markdown_is_converted_after_all(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_docs({"index.md": "# Home\n", "papers/hand.md": "# By hand\n\nSome *Markdown*.\n"}, docs)
    config = load_config(str(REPO / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"))
    config.plugins["catalogue-fast-path"] = FastPath()
    plain_mkdocs_build(config)
    page = (tmp_path / "site/papers/hand/index.html").read_text(encoding="utf-8")
    assert '<h1 id="by-hand">By hand</h1>' in page and "<em>Markdown</em>" in page
