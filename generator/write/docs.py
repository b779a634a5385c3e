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


class DocsFolder:
    """A docs folder only this process writes, its texts kept in memory: an update compares texts, not files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._held: dict[str, str] | None = None  # None: not known yet, read the folder

    def write(self, files: dict[str, str]) -> list[str]:
        """Make the folder hold exactly `files`, as write_docs does; return the paths written or removed."""
        held, self._held = self._held, None  # forgotten until the folder is known to match again
        if held is None:
            changed = write_docs(files, self.folder)
        else:
            changed = [name for name, text in files.items() if held.get(name) != text]
            for name in changed:
                target = self.folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(files[name].encode("utf-8"))
            gone = sorted(held.keys() - files.keys())
            for name in gone:
                (self.folder / name).unlink(missing_ok=True)
            changed += gone
        self._held = dict(files)
        return changed
