"""Jobs shared among forked processes come back in order, and a site rendered that way is the one-process site."""

from __future__ import annotations

import functools
import os
import signal
from collections.abc import Callable
from datetime import date

import pytest

from generator import shares
from generator.load.catalogue import read_catalogue
from generator.load.settings import read_settings
from generator.load.sources import SourceLayout
from generator.pipeline import enriched_catalogue
from generator.render.site import render_site
from generator.timings import Timings
from tests.conftest import REPO


@pytest.fixture
def three_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shares, "JOBS_PER_PROCESS", 1)
    monkeypatch.setattr(shares, "CHUNK", 2)  # the forked processes send their results back two at a time
    monkeypatch.setattr(os, "cpu_count", lambda: 3)


def _whose(n: int) -> tuple[int, int]:
    return n, os.getpid()


@pytest.mark.usefixtures("three_processes")
def test_shared_jobs_run_in_several_processes_and_return_in_order() -> None:
    results = shares.run_shared([functools.partial(_whose, n) for n in range(10)])
    assert [n for n, _ in results] == list(range(10))
    # This process takes every third job; the others are taken by the forked processes.
    assert {pid for _, pid in results[0::3]} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in results[1::3] + results[2::3]}
    assert shares.run_shared([]) == []


def test_few_jobs_stay_in_this_process() -> None:
    assert {pid for _, pid in shares.run_shared([functools.partial(_whose, n) for n in range(5)])} == {os.getpid()}


def _fails() -> tuple[int, int]:
    raise ValueError("job failed")


@pytest.mark.usefixtures("three_processes")
def test_a_failing_job_fails_the_run() -> None:
    with pytest.raises(ValueError, match="job failed"):
        jobs: list[Callable[[], tuple[int, int]]] = [functools.partial(_whose, 1), _fails, functools.partial(_whose, 3)]
        shares.run_shared(jobs)


def _dies_away_from(parent: int) -> tuple[int, int]:
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel ends a process for want of memory
    return 0, parent


@pytest.mark.usefixtures("three_processes")
def test_a_killed_process_fails_the_run_instead_of_waiting_for_ever() -> None:
    jobs = [functools.partial(_dies_away_from, os.getpid()) for _ in range(3)]
    with pytest.raises(shares.ShareLost, match="ended abruptly"):
        shares.run_shared(jobs)


@pytest.mark.usefixtures("three_processes")
def test_the_seed_site_rendered_in_three_processes_is_the_one_process_site() -> None:
    layout = SourceLayout(REPO)
    enriched = enriched_catalogue(layout, date(2025, 6, 1), Timings())
    settings, pages = read_settings(layout.config_file), read_catalogue(layout).pages
    shared = render_site(enriched, settings, pages, run=shares.run_shared)
    assert list(shared.items()) == list(render_site(enriched, settings, pages).items())
