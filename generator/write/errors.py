"""The one error the write stage raises."""

from __future__ import annotations


class BuildFailed(Exception):
    """The site could not be built; the previous site is untouched."""
