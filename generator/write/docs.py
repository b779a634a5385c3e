"""Write rendered files into a docs folder, touching only what changed."""

from __future__ import annotations

from pathlib import Path


def write_docs(files: dict[str, str], docs_dir: Path) -> int:
    """Make `docs_dir` hold exactly `files`; return how many files were written or removed."""
    changed = 0
    docs_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = docs_dir / name
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed += 1
    for stale in sorted(docs_dir.rglob("*"), reverse=True):
        relative = stale.relative_to(docs_dir).as_posix()
        if stale.is_file() and relative not in files:
            stale.unlink()
            changed += 1
        elif stale.is_dir() and not any(stale.iterdir()):
            stale.rmdir()
    return changed
