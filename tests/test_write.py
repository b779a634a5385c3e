"""Write stage: the docs folder mirrors the render, and a failed build never touches site/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.load.sources import SourceLayout
from generator.pipeline import render_docs
from generator.write import mkdocs_build, publish
from generator.write.docs import write_docs
from generator.write.errors import BuildFailed
from generator.write.mkdocs_build import build_in_parts, site_config, split_docs
from generator.write.publish import check_site_dir
from generator.write.whitespace import strip_indentation
from tests.conftest import REPO, Project, entry
from tests.test_site_build import digest


def test_write_docs_writes_changes_and_removes_stale_files(tmp_path: Path) -> None:
    assert write_docs({"a.md": "A", "sub/b.md": "B", "c.md": "C"}, tmp_path) == ["a.md", "sub/b.md", "c.md"]
    unchanged = os.stat(tmp_path / "c.md").st_mtime_ns
    os.utime(tmp_path / "c.md", ns=(unchanged - 10**9, unchanged - 10**9))
    assert write_docs({"a.md": "A", "sub/b.md": "B", "c.md": "C"}, tmp_path) == []
    assert write_docs({"a.md": "A2", "c.md": "C"}, tmp_path) == ["a.md", "sub/b.md"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a.md", "c.md"]
    assert os.stat(tmp_path / "c.md").st_mtime_ns == unchanged - 10**9  # an unchanged file keeps its time


@pytest.mark.parametrize("bad", [".", "..", "site_src", "site_src/papers", "theme/x", "generator"])
def test_site_dir_cannot_point_at_the_project_or_its_sources(tmp_path: Path, bad: str) -> None:
    with pytest.raises(BuildFailed):
        check_site_dir(tmp_path, tmp_path / bad)


@pytest.mark.slow
def test_failed_build_leaves_the_previous_site_intact(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("good", entry())
    project.add("also-good", entry(title="Segmenting Salient Things"))
    assert main(["--root", str(project.root), "build"]) == 0
    before = digest(project.root / "site")
    assert "papers/good/index.html" in before

    project.add("broken", entry(listed='"2025-02-30"'))
    assert main(["--root", str(project.root), "build"]) == 1
    out = capsys.readouterr().out
    assert "site_src/papers/broken.yaml:3:9: error: listed: impossible date" in out
    assert digest(project.root / "site") == before


@pytest.mark.slow
def test_mkdocs_failure_leaves_the_previous_site_intact(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("good", entry())
    assert main(["--root", str(project.root), "build"]) == 0
    before = digest(project.root / "site")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text() + "\nnot_a_mkdocs_option: 1\n")
    assert main(["--root", str(project.root), "build"]) == 1
    assert "the previous site is unchanged" in capsys.readouterr().out
    assert digest(project.root / "site") == before


@pytest.mark.parametrize("bad", [".", "site_src", "site_src/site"])
def test_site_dir_in_mkdocs_yml_is_checked_too(
    project: Project, capsys: pytest.CaptureFixture[str], bad: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.pipeline as pipeline

    project.add("good", entry())
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_dir: site", f"site_dir: {bad}"))
    before = digest(project.root / "site_src")
    monkeypatch.setattr(
        pipeline, "enriched_catalogue", lambda *_: pytest.fail("loaded the catalogue before refusing site_dir")
    )
    assert main(["--root", str(project.root), "build"]) == 1
    assert "the previous site is unchanged" in capsys.readouterr().out
    assert digest(project.root / "site_src") == before


@pytest.mark.slow
def test_generated_pages_pass_through_the_sanitiser(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Should an escaping bug ever let markup through, nh3 still strips it from the built page."""
    import generator.pipeline as pipeline
    from generator.render.site import render_site

    project.add("good", entry())

    def leaky_render(*args: Any, **kwargs: Any) -> dict[str, str]:
        files = render_site(*args, **kwargs)
        files["papers/good.md"] += (
            '\n<p onclick="alert(1)">x<script>alert(2)</script><a href="javascript:alert(3)">j</a></p>\n'
        )
        return files

    monkeypatch.setattr(pipeline, "render_site", leaky_render)
    assert main(["--root", str(project.root), "build"]) == 0
    html = (project.root / "site/papers/good/index.html").read_text()
    article = html[html.index("<article") : html.index("</article>")]
    assert "alert(" not in article and "onclick" not in article
    assert "<p>x<a>j</a></p>" in article


def test_sanitiser_cleans_generated_pages_and_leaves_hand_written_pages_alone() -> None:
    from types import SimpleNamespace

    from generator.write.sanitise import on_page_content

    raw = '<p><img src="diagram.png"></p>'
    page = SimpleNamespace(file=SimpleNamespace(src_uri="contribute.md"))
    assert on_page_content(raw, page=page) == raw
    for generated in ("papers/x.md", "authors/x.md", "days/2025-03-12.md", "weeks/2025-W11.md", "index.md"):
        listing = SimpleNamespace(file=SimpleNamespace(src_uri=generated))
        assert on_page_content(raw, page=listing) == "<p></p>", generated


@pytest.mark.slow
def test_paper_pages_built_in_parts_are_the_pages_one_process_builds(seed_site: Path, tmp_path: Path) -> None:
    # The seed site is small enough for one process (processes_for(79) == 1); the publisher adds
    # Pagefind's bundle and its marker file beside what MkDocs built.
    docs = render_docs(SourceLayout(REPO), date.today())
    (tmp_path / "docs").mkdir()
    # Parts of at most 40 pages not in the nav: more parts than the 2 processes, each taking several in turn.
    parts = split_docs(site_config(REPO / "mkdocs.yml", tmp_path / "docs", tmp_path / "x"), docs, 2, 40)
    assert len(parts) > 4
    build_in_parts(REPO / "mkdocs.yml", tmp_path / "docs", tmp_path / "parts", 2, docs, per_part=40)
    added = ("pagefind/", publish.MARKER)
    one = {path: sha for path, sha in digest(seed_site).items() if not path.startswith(added)}
    assert len([path for path in one if path.startswith("papers/") and path.count("/") == 2]) == 79
    assert one == digest(tmp_path / "parts")
    assert not list(tmp_path.glob("parts-part*/papers/*/index.html"))  # every share's pages were moved in
    # Each page not in the nav is in one part; the nav's pages and the other files are in every part.
    counts = Counter(name for part in parts for name in part)
    assert set(counts) == set(docs) and set(counts.values()) == {1, len(parts)}


@pytest.mark.parametrize(
    ("papers", "cores", "processes"), [(79, 8, 1), (999, 8, 1), (1000, 8, 2), (10_000, 2, 2), (10_000, 64, 8)]
)
def test_sites_are_built_in_parts_only_when_large_enough(
    monkeypatch: pytest.MonkeyPatch, papers: int, cores: int, processes: int
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert mkdocs_build.processes_for(papers) == processes


def test_use_directory_urls_false_is_refused_with_a_message(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.add("good", entry())
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    assert main(["--root", str(project.root), "build"]) == 1
    assert (
        capsys.readouterr().out
        == "error: mkdocs.yml: use_directory_urls must stay true; generated pages link to folder addresses\n"
    )
    assert not (project.root / "site").exists()


@pytest.mark.slow
def test_plain_mkdocs_build_sanitises_too(project: Project, tmp_path: Path) -> None:
    """`render --out` followed by plain `mkdocs build`, as the README allows, still runs the nh3 hook."""
    shutil.copytree(REPO / "generator", project.root / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    project.add("good", entry())
    assert main(["--root", str(project.root), "render", "--out", str(project.root / ".build" / "docs")]) == 0
    page = project.root / ".build" / "docs" / "papers" / "good.md"
    page.write_text(page.read_text() + '\n<p onclick="alert(1)">x<script>alert(2)</script></p>\n')
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    built = subprocess.run([str(mkdocs), "build", "--quiet"], cwd=project.root, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    html = (project.root / "site/papers/good/index.html").read_text()
    article = html[html.index("<article") : html.index("</article>")]
    assert "alert(" not in article and "onclick" not in article


def test_indentation_and_block_edge_breaks_are_stripped_outside_verbatim_blocks_only() -> None:
    html = '<ul>\n    <li><a href="x">A</a>\n      <a>B</a></li>\n</ul>\n<pre><code>@misc{a,\n  title = {T}\n}</code></pre>\n  <p>x  y</p>'
    assert strip_indentation(html) == (
        # the break between the two links is a space a reader sees; the ones at a list item's edges are not
        '<ul><li><a href="x">A</a>\n<a>B</a></li></ul>\n<pre><code>@misc{a,\n  title = {T}\n}</code></pre>\n<p>x  y</p>'
    )
