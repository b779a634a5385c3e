"""Synthetic catalogues of any size, made by recombining the seed papers (for scale tests and the benchmark)."""

from __future__ import annotations

import itertools
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


FIRST_NAMES = [
    "Ada",
    "Alan",
    "Amir",
    "Ana",
    "Bo",
    "Chen",
    "Dana",
    "Eli",
    "Emma",
    "Farah",
    "Hana",
    "Ivan",
    "Jia",
    "Kai",
    "Lena",
    "Li",
    "Luca",
    "Mei",
    "Mina",
    "Nadia",
    "Omar",
    "Priya",
    "Ravi",
    "Sara",
    "Tomas",
    "Wei",
    "Yara",
    "Yuki",
    "Zoe",
]
SYLLABLES = "ba ko ri sa to ne lu mi da ve zu han chi gar lin mor pet sul"
START = date(2020, 1, 1)
YEARS = 5


def author_pool(size: int, rng: random.Random) -> list[str]:
    """Return `size` distinct author names."""
    syllables = SYLLABLES.split()
    names: dict[str, None] = {}
    while len(names) < size:
        last = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
        names[f"{rng.choice(FIRST_NAMES)} {last}"] = None
    return list(names)


def synthetic_entries(count: int, seed: int = 7) -> list[tuple[str, dict[str, Any]]]:
    """Return `count` distinct (slug, entry) pairs that look like a real catalogue's.

    Abstracts mix sentences of two seed papers; titles are distinct; authors come from a long-tailed
    pool (a few prolific, most with one paper); each paper has 1 to 5 tags, a listed date within five
    years, a short name on a third and links on a third.
    """
    rng = random.Random(seed)
    seeds = seed_entries()
    sentences = [re.split(r"(?<=[.!?])\s+", s["abstract"]) for s in seeds]
    words = sorted({w for s in seeds for w in re.findall(r"[A-Za-z][a-z]{4,}", s["title"])})
    pool = author_pool(max(50, count), rng)
    # Zipf's law over the pool: a few prolific authors and a long tail with one paper each.
    weights = list(itertools.accumulate(1 / (rank + 20) for rank in range(len(pool))))
    width = max(5, len(str(count - 1)))
    entries = []
    for i in range(count):
        a, b = rng.sample(range(len(seeds)), 2)
        abstract = " ".join(sentences[a][: rng.randint(3, 6)] + sentences[b][: rng.randint(2, 4)])
        title = f"{' '.join(rng.sample(words, 5)).capitalize()} {seeds[a]['title'].split(':')[-1].strip()} {i}"
        choices = list(dict.fromkeys(seeds[a]["tags"] + seeds[b]["tags"]))
        authors = dict.fromkeys(rng.choices(pool, cum_weights=weights, k=rng.randint(1, 6)))
        entry: dict[str, Any] = {
            "title": title,
            "authors": list(authors),
            "abstract": abstract,
            "listed": (START + timedelta(days=rng.randrange(365 * YEARS))).isoformat(),
            "tags": choices[: rng.randint(1, min(5, len(choices)))],
        }
        if i % 3 == 0:
            entry["short_name"] = "".join(rng.choice("ABCDEFGHKLMNPRSTVW") for _ in range(4)) + str(i)
        if i % 3 == 1:
            entry["links"] = {"code": f"https://github.com/example/paper-{i}"}
        entries.append((f"synthetic-{i:0{width}d}", entry))
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
