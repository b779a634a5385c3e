"""Run a list of independent jobs in forked processes, each taking every n-th job, and gather the results in order.

Forked, not spawned, so a job is any callable over what the caller already holds (the enriched
catalogue): nothing is pickled on the way in, only each job's result on the way back, a chunk at a time.
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
# A forked process sends back the results of this many jobs at a time, so it never holds its whole share.
CHUNK = 500

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


def _run(indices: range) -> list[Any]:
    return [_jobs[i]() for i in indices]


def run_shared(jobs: Sequence[Callable[[], T]], processes: int | None = None, chunk: int | None = None) -> list[T]:
    """Run the jobs in `processes` processes (by default processes_for(len(jobs))), this one among them, the
    others sending back `chunk` results at a time (CHUNK); return their results in order."""
    global _jobs
    parts = processes or processes_for(len(jobs))
    step = chunk or CHUNK
    if parts == 1:
        return run_here(jobs)
    _jobs = jobs
    shares = [range(part, len(jobs), parts) for part in range(parts)]  # every `parts`-th job, this process the first
    try:
        # Forked once `_jobs` is set, so they hold it. An executor, not a Pool: a Pool whose process is
        # killed waits for its share for ever, where the executor raises BrokenProcessPool.
        with frozen_heap(), ProcessPoolExecutor(parts - 1, mp_context=get_context("fork")) as pool:
            chunks = [share[i : i + step] for share in shares[1:] for i in range(0, len(share), step)]
            others = [pool.submit(_run, chunk) for chunk in chunks]
            done = [(shares[0], _run(shares[0]))]
            done += [(chunk, other.result()) for chunk, other in zip(chunks, others, strict=True)]
    except BrokenProcessPool as exc:
        raise ShareLost(f"a process building part of the site ended abruptly: {exc}") from None
    finally:
        _jobs = ()
    results: list[Any] = [None] * len(jobs)
    for indices, values in done:
        for i, value in zip(indices, values, strict=True):
            results[i] = value
    return results
