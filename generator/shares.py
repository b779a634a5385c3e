"""Run a list of independent jobs in forked processes, each taking every n-th job, and gather the results in order.

Forked, not spawned, so a job is any callable over what the caller already holds (the enriched
catalogue): nothing is pickled on the way in, only each job's result on the way back.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any, TypeVar

T = TypeVar("T")
# Below this many jobs per process, forking costs more than it saves.
JOBS_PER_PROCESS = 2000

_jobs: Sequence[Callable[[], Any]] = ()  # the jobs of the run in progress, inherited by its forked processes


class ShareLost(Exception):
    """A process running a share of the jobs ended abruptly (killed, for instance, for want of memory)."""


def processes_for(jobs: int) -> int:
    """Return how many processes should share `jobs` jobs on this machine."""
    return max(1, min(os.cpu_count() or 1, jobs // JOBS_PER_PROCESS))


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the objects made so far, while processes forked meanwhile share them.

    A forked process shares the parent's memory until either writes to it; a collection that walked
    the inherited objects would write to each, copying the whole heap into every process.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def run_here(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Run the jobs one after the other in this process."""
    return [job() for job in jobs]


def _share(part: int, parts: int) -> list[Any]:
    return [job() for job in _jobs[part::parts]]


def run_shared(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Run the jobs in `processes_for(len(jobs))` processes, this one among them; return their results in order."""
    global _jobs
    parts = processes_for(len(jobs))
    if parts == 1:
        return run_here(jobs)
    _jobs = jobs
    try:
        # Forked once `_jobs` is set, so they hold it. An executor, not a Pool: a Pool whose process is
        # killed waits for its share for ever, where the executor raises BrokenProcessPool.
        with frozen_heap(), ProcessPoolExecutor(parts - 1, mp_context=get_context("fork")) as pool:
            others = [pool.submit(_share, part, parts) for part in range(1, parts)]
            shares = [_share(0, parts), *(other.result() for other in others)]
    except BrokenProcessPool as exc:
        raise ShareLost(f"a process rendering part of the site ended abruptly: {exc}") from None
    finally:
        _jobs = ()
    results: list[Any] = [None] * len(jobs)
    for part, share in enumerate(shares):
        results[part::parts] = share
    return results
