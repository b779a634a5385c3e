"""Page weight does not grow with the catalogue: no per-page nav or list of every paper."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from tests.conftest import build
from tests.synthetic import make_project

pytestmark = pytest.mark.slow

# Six times the seed's 79 papers: a link per paper on every page (about 150 bytes each) would add
# over 60 KB to a page of about 30 KB here, far beyond the 1.2 bound. `make bench` measures 10,000.
PAPERS = 500


def median_paper_page(site: Path) -> float:
    sizes = [p.stat().st_size for p in (site / "papers").glob("*/index.html")]
    return statistics.median(sizes)


def test_median_paper_page_at_500_papers_is_within_1_2_times_the_seed(seed_site: Path, tmp_path: Path) -> None:
    big = build(make_project(tmp_path / "big", PAPERS))
    ratio = median_paper_page(big) / median_paper_page(seed_site)
    assert ratio <= 1.2, f"median paper page grew {ratio:.2f}x from 79 to {PAPERS} papers"
