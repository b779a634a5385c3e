"""Fixtures: small catalogues in temporary project folders."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
# A copy of ../shared/seed/000_65cc0c86c1560c79.txt, so the suite needs nothing outside the repo.
SEED = REPO / "tests" / "fixtures" / "hf_papers_2025-03-12.txt"

TAGS = """\
vision:
  name: Computer vision
  description: Papers about seeing.
saliency:
  name: Saliency
  description: Papers about what stands out in an image.
  parent: vision
  aliases: [saliency, salient]
segmentation:
  name: Segmentation
  description: Papers that split images into regions.
  parent: vision
  aliases: [segmentation]
"""

ENTITIES = """\
imagenet:
  name: ImageNet
  kind: dataset
  description: A large labelled image dataset.
  aliases: [ImageNet]
"""


def entry(title: str = "A Study of Saliency", tags: str = "[saliency, segmentation]", **extra: str) -> str:
    """Return the text of a valid entry file, with extra or replaced top-level fields."""
    fields = {
        "title": title,
        "abstract": "We study salient regions in ImageNet images and segment them.",
        "listed": '"2025-03-12"',
        "tags": tags,
        **extra,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


class Project:
    """A throwaway project root with its own site_src/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.papers = root / "site_src" / "papers"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def add(self, slug: str, text: str) -> Path:
        return self.write(f"site_src/papers/{slug}.yaml", text)


def make_project(root: Path) -> Project:
    """Create a project at `root` with a three-tag taxonomy, one entity, no papers, and the real site config."""
    (root / "site_src" / "papers").mkdir(parents=True)
    shutil.copytree(REPO / "site_src" / "pages", root / "site_src" / "pages")
    shutil.copytree(REPO / "theme", root / "theme")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    proj = Project(root)
    proj.write("site_src/tags.yaml", TAGS)
    proj.write("site_src/entities.yaml", ENTITIES)
    return proj


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh fixture project (see make_project)."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed catalogue's production site, built once and served on 127.0.0.1."""
    from generator.cli import main
    from tests.browser import serve

    site = tmp_path_factory.mktemp("seed-served") / "site"
    assert main(["--root", str(REPO), "build", "--site-dir", str(site)]) == 0
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, launched once (skips, or fails under REQUIRE_BROWSER=1, without it)."""
    from tests.browser import chromium

    with chromium() as launched:
        yield launched
