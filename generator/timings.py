"""Seconds spent in each stage of a run, shared by the pipeline and the write stage."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class Timings:
    """Seconds spent in each stage of a build."""

    stages: dict[str, float] = field(default_factory=dict)

    def record(self, stage: str, started: float) -> None:
        """Add the seconds since `started` to `stage` (a stage may run in several pieces)."""
        self.stages[stage] = round(self.stages.get(stage, 0.0) + time.perf_counter() - started, 3)
