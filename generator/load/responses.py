"""Read the answers `resolve` fetched before, from its cache under `.build/`."""

from __future__ import annotations

import hashlib
from pathlib import Path


def response_file(folder: Path, key: str) -> Path:
    """Return where the answer for `key` is kept: the SHA-256 of the key, in two-character shards."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return folder / digest[:2] / digest


def cached_response(folder: Path, key: str) -> bytes | None:
    """Return the answer kept for `key`, or None when it was never fetched."""
    try:
        return response_file(folder, key).read_bytes()
    except FileNotFoundError:
        return None
