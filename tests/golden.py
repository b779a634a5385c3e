"""Golden files: compare whole outputs; `make golden` (UPDATE_GOLDEN=1) rewrites them after review."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    """Assert `actual` equals tests/golden/<name>, or rewrite it when UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run `make golden` and review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file; if the change is right, run `make golden`"


def tree_text(root: Path) -> str:
    """Concatenate every file under `root`, each under a `=== path ===` header."""
    parts = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        parts.append(f"=== {path.relative_to(root).as_posix()} ===\n{path.read_text(encoding='utf-8')}")
    return "".join(parts)
