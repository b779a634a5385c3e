"""Synthetic catalogues of any size, made by recombining the seed papers (for scale tests and the benchmark)."""

from __future__ import annotations

import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from generator.importer.entry_file import entry_text
from generator.load.yaml_strict import parse_yaml
from tests.conftest import REPO


def seed_entries() -> list[dict[str, Any]]:
    """Return the committed seed entries as plain data."""
    return [parse_yaml(p.read_text(encoding="utf-8")).data for p in sorted((REPO / "site_src/papers").glob("*.yaml"))]


def synthetic_entries(count: int, seed: int = 7) -> list[tuple[str, dict[str, Any]]]:
    """Return `count` distinct (slug, entry) pairs mixing sentences and tags of seed papers."""
    rng = random.Random(seed)
    seeds = seed_entries()
    sentences = [re.split(r"(?<=[.!?])\s+", s["abstract"]) for s in seeds]
    words = sorted({w for s in seeds for w in re.findall(r"[A-Za-z][a-z]{4,}", s["title"])})
    entries = []
    for i in range(count):
        a, b = rng.sample(range(len(seeds)), 2)
        abstract = " ".join(sentences[a][: rng.randint(3, 6)] + sentences[b][: rng.randint(2, 4)])
        title = f"{' '.join(rng.sample(words, 5)).capitalize()} {seeds[a]['title'].split(':')[-1].strip()} {i}"
        tags = list(dict.fromkeys(seeds[a]["tags"][:3] + seeds[b]["tags"][:1]))
        entry = {
            "title": title,
            "abstract": abstract,
            "listed": (date(2023, 1, 1) + timedelta(days=rng.randrange(800))).isoformat(),
            "tags": tags,
        }
        if i % 3 == 0:
            entry["short_name"] = "".join(rng.choice("ABCDEFGHKLMNPRSTVW") for _ in range(4)) + str(i)
        entries.append((f"synthetic-{i:05d}", entry))
    return entries


def make_project(root: Path, count: int) -> Path:
    """Create a project at `root` with the real site config and `count` synthetic papers."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    src = root / "site_src"
    (src / "papers").mkdir(parents=True)
    shutil.copytree(REPO / "site_src" / "pages", src / "pages")
    for name in ("tags.yaml", "entities.yaml"):
        shutil.copy(REPO / "site_src" / name, src / name)
    for slug, entry in synthetic_entries(count):
        (src / "papers" / f"{slug}.yaml").write_text(entry_text(entry), encoding="utf-8")
    return root
