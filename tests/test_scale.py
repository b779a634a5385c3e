"""Page weight does not grow with the catalogue: no per-page nav or list of every paper."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import REPO
from tests.synthetic import make_project

pytestmark = pytest.mark.slow


def median_paper_page(site: Path) -> float:
    sizes = [p.stat().st_size for p in (site / "papers").glob("*/index.html")]
    return statistics.median(sizes)


def test_median_paper_page_at_2000_papers_is_within_1_2_times_the_seed(tmp_path: Path) -> None:
    seed_site = tmp_path / "seed-site"
    assert main(["--root", str(REPO), "build", "--site-dir", str(seed_site)]) == 0
    big = make_project(tmp_path / "big", 2000)
    assert main(["--root", str(big), "build"]) == 0
    ratio = median_paper_page(big / "site") / median_paper_page(seed_site)
    assert ratio <= 1.2, f"median paper page grew {ratio:.2f}x from 79 to 2000 papers"
