"""Answers already fetched, kept under `.build/` so a re-run asks no service the same question twice."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ResponseCache:
    """One file per request, named by the SHA-256 of its key, in two-character shards."""

    folder: Path

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / digest

    def get(self, key: str) -> bytes | None:
        """Return the body stored for `key`, or None."""
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, body: bytes) -> None:
        """Store `body` for `key`, replacing the file whole so an interrupted run leaves no half answer."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(body)
        partial.replace(path)
