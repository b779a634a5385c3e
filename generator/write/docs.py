"""Write rendered files into a docs folder, touching only what changed."""

from __future__ import annotations

from pathlib import Path


def write_docs(files: dict[str, str], docs_dir: Path) -> list[str]:
    """Make `docs_dir` hold exactly `files`; return the paths written or removed, relative to it.

    A file whose bytes are already right is left alone, modification time included, so the preview
    rebuilds only the pages whose docs changed.
    """
    changed: list[str] = []
    docs_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = docs_dir / name
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(name)
    for stale in sorted(docs_dir.rglob("*"), reverse=True):
        relative = stale.relative_to(docs_dir).as_posix()
        if stale.is_file() and relative not in files:
            stale.unlink()
            changed.append(relative)
        elif stale.is_dir() and not any(stale.iterdir()):
            stale.rmdir()
    return changed
