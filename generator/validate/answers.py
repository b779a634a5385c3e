"""Answers of the checks across entries that depend on a few fields alone, kept between the preview's runs."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from generator.identity import IdentityKey

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Answers(Generic[K, V]):
    """A pure function's answers by argument: those of this run, and of the last one (older ones are let go).

    Not `keep`ing (a one-off build), it keeps none: each is asked for again.
    """

    def __init__(self, keep: bool = True) -> None:
        self._keep = keep
        self._last: dict[K, V] = {}
        self._now: dict[K, V] = {}

    def get(self, key: K, answer: Callable[[], V]) -> V:
        """Return the answer for `key`: the one kept, or `answer()`."""
        if not self._keep:
            return answer()
        if key in self._now:
            return self._now[key]
        value = self._last[key] if key in self._last else answer()
        self._now[key] = value
        return value

    def next_run(self) -> None:
        """Keep only this run's answers for the next."""
        self._last, self._now = self._now, {}


class CrossAnswers:
    """What the checks across entries compute per title or entry: normalised titles, identity keys, near pairs."""

    def __init__(self, keep: bool = True) -> None:
        self.normal: Answers[str, str] = Answers(keep)
        self.identity: Answers[tuple[str, str | None, str | None], tuple[IdentityKey, ...]] = Answers(keep)
        self.near: Answers[tuple[str, str], bool] = Answers(keep)

    def next_run(self) -> None:
        """Keep only this run's answers for the next."""
        for answers in (self.normal, self.identity, self.near):
            answers.next_run()
