"""Fixtures: small catalogues in temporary project folders, and the sites the suite builds once a session."""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

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


SITE_URL = "https://paper-catalogue.github.io/catalogue/"
HOSTILE = '<script>alert(1)</script> & "quotes" $x^2$ 100% {braces}'
# The edge catalogue: one hostile entry, TeX, odd characters. Four papers, so that two pairs share terms.
PAPERS: dict[str, dict[str, Any]] = {
    "hostile": {
        "title": HOSTILE,
        "abstract": "Cortical attention maps predict fixations.\n\n</script><script>alert(2)</script> & <b>more</b>",
        "listed": "2025-03-12",
        "published": "2024-11-02",
        "tags": ["saliency", "segmentation"],
        "authors": ["<b>Ann</b> & Co", "Jürgen Müller", "Smith, Jr., John"],
        "arxiv": "2403.01234",
        "doi": "10.1109/CVPR.2023.00123",
        "venue": "CVPR <2023> & {friends}",
    },
    "plain": {
        "title": "Plain Saliency Maps",
        "abstract": r"Cortical attention maps again, now for video, with $\nabla_w \ell(x)$.",
        "listed": "2025-01-05",
        "tags": ["saliency"],
        "authors": ["A. Person"],
    },
    "tex-title": {
        "title": r"Unbalanced } { braces, back\slash, under_score, #hash, ~tilde, ^caret and Ünïcödé – 日本",
        "abstract": "Boundary refinement for segmentation masks.",
        "listed": "2024-06-30",
        "tags": ["segmentation"],
    },
    "fourth": {
        "title": "Boundary Refinement with Transformers",
        "abstract": "Boundary refinement with transformers, costs $5 and $10.",
        "listed": "2024-06-30",
        "tags": ["segmentation"],
    },
}


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


@contextmanager
def turn_to_build(root: Path) -> Iterator[None]:
    """Wait until no other test process builds the project at `root`.

    A project's build lock refuses a second build at once, as it should for people; the suite's
    xdist workers each build the seed, so they take turns instead of failing.
    """
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    with (Path(tempfile.gettempdir()) / f"catalogue-tests-{name}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build(root: Path, site_dir: Path | None = None) -> Path:
    """Build the project at `root` with the CLI (into `site_dir`, or its own site/); return the site folder."""
    from generator.cli import main

    site = site_dir or root / "site"
    with turn_to_build(root):
        assert main(["--root", str(root), "build", "--site-dir", str(site)]) == 0
    return site


def tracked_changes() -> str:
    """Return `git status` of the repository's tracked files."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True
    )
    return status.stdout


@pytest.fixture(scope="session")
def tracked_before_build() -> str:
    """The repository's tracked changes before the seed site was built."""
    return tracked_changes()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory, tracked_before_build: str) -> Path:
    """The seed catalogue's production site, built once a session; tests only read it."""
    return build(REPO, tmp_path_factory.mktemp("seed") / "site")


@pytest.fixture(scope="session")
def edge_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edge catalogue (PAPERS) built once a session, for the feed, export, citation and TeX tests."""
    project = make_project(tmp_path_factory.mktemp("edge") / "project")
    for slug, fields in PAPERS.items():
        project.add(slug, yaml.safe_dump(fields, allow_unicode=True, sort_keys=False))
    return build(project.root)


@pytest.fixture(scope="session")
def base_url(seed_site: Path) -> Iterator[str]:
    """The seed site served on 127.0.0.1."""
    from tests.browser import serve

    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, launched once (skips, or fails under REQUIRE_BROWSER=1, without it)."""
    from tests.browser import chromium

    with chromium() as launched:
        yield launched
