"""Make Pagefind's search bundle byte-reproducible, so two builds of one catalogue stay identical.

Pagefind 1.x writes each filter's values in hash-map order, which changes from run to run, and
names each filter file and the index metadata by a hash of their bytes. This sorts the values,
renames the files by a hash of their new bytes and points the metadata and the entry file at
them. The files are gzipped CBOR behind a `pagefind_dcd` signature; the small codec below handles
the parts of CBOR they use and refuses anything it would not write back byte for byte.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
PAGES = 1  # position of the [page, ...] list in the metadata record
FILTERS = 3  # position of the [filter name, file hash] list in the metadata record
SORTS = 4  # position of the [sort name, pages in order] list, which Pagefind writes in hash-map order too
# An array holds CBOR items too; Any there spares isinstance checks the codec already makes.
CBOR = list[Any] | str | int | bytes | bool | None


class UnexpectedIndex(Exception):
    """Pagefind wrote a bundle this module does not know how to make reproducible."""


def make_reproducible(bundle: Path, adjust: Callable[[list[Any]], None] | None = None) -> None:
    """Rewrite the filter files, metadata and entry file of the Pagefind bundle in `bundle`.

    `adjust`, if given, changes the metadata record in place first (write/search_shards.py spreads a
    shard's sort lists over the whole catalogue's positions).
    """
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_record(meta_file)
        if not (isinstance(meta, list) and len(meta) > FILTERS and isinstance(meta[FILTERS], list)):
            raise UnexpectedIndex(f"{meta_file.name}: no filter list at position {FILTERS}")
        if adjust:
            adjust(meta)
        for pair in meta[FILTERS]:
            filter_file = bundle / "filter" / f"{pair[1]}.pf_filter"
            pair[1] = _store(_sorted_filter(read_record(filter_file)), filter_file, language, 7)
        meta[FILTERS].sort()
        if len(meta) > SORTS and isinstance(meta[SORTS], list):
            meta[SORTS].sort(key=lambda pair: pair[0] if isinstance(pair, list) and pair else "")
        info["hash"] = _store(meta, meta_file, language, 10)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _sorted_filter(record: CBOR) -> CBOR:
    """Return a filter record `[name, [[value, [page, ...]], ...]]` with its values in order."""
    if not (isinstance(record, list) and len(record) == 2 and isinstance(record[1], list)):
        raise UnexpectedIndex("a filter file is not [name, values]")
    return [record[0], sorted(record[1], key=lambda value: value[0])]


def _store(record: CBOR, old: Path, language: str, length: int) -> str:
    """Replace `old` with `record`, renamed by the hash of its new bytes; return that hash."""
    body = SIGNATURE + _encode(record)
    new_hash = f"{language}_{hashlib.sha256(body).hexdigest()[:length]}"
    old_hash = old.name.split(".")[-2]  # en_1a2b3c4.pf_filter, pagefind.en_1a2b3c4d5e.pf_meta
    old.unlink()
    (old.parent / old.name.replace(old_hash, new_hash)).write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    return new_hash


def read_record(path: Path) -> CBOR:
    """Return the record in a gzipped `pagefind_dcd` CBOR file, checking it encodes back unchanged."""
    body = gzip.decompress(path.read_bytes())
    if not body.startswith(SIGNATURE):
        raise UnexpectedIndex(f"{path.name}: no {SIGNATURE.decode()} signature")
    record, end = _decode(body, len(SIGNATURE))
    if end != len(body) or SIGNATURE + _encode(record) != body:
        raise UnexpectedIndex(f"{path.name}: CBOR this module would not write back unchanged")
    return record


def _decode(data: bytes, at: int) -> tuple[CBOR, int]:
    """Decode one CBOR item (integers, strings, arrays, false, true, null) at `at`."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise UnexpectedIndex(f"indefinite or reserved CBOR item at byte {at - 1}")
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major in (2, 3):
        raw = data[at : at + n]
        return (raw if major == 2 else raw.decode("utf-8")), at + n
    if major == 4:
        items = []
        for _ in range(n):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 7 and n in (20, 21, 22):
        return {20: False, 21: True, 22: None}[n], at
    raise UnexpectedIndex(f"CBOR major type {major} at byte {at - 1}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise UnexpectedIndex(f"integer {n} is too large for CBOR")


def _encode(item: CBOR) -> bytes:
    """Encode an item in CBOR's shortest form, as Pagefind does."""
    if isinstance(item, bool) or item is None:
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[item]])
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(item)) + b"".join(_encode(part) for part in item)
