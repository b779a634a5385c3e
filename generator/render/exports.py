"""Data exports: the catalogue as JSON and BibTeX, documented on the "API and data" page.

Every paper is in exactly one piece of `api/papers/<n>.json` and one of `api/bibtex/<n>.bib`
(fixed-size pieces in slug order), which a client walks from the manifest `api/index.json`.
While the whole catalogue fits in one JSON piece, `api/papers.json` and `api/papers.bib` hold it
all in one file as well. A tag's `papers.bib` holds its newest papers, like its feed.
A paper's record says nothing a client can derive: its page and entry file are the `{slug}`
templates every papers document carries, and a field the paper does not have (`title_text` when
the title has no TeX, a missing date, identifier or venue, no authors, links, entities or related
papers)
is left out, not written as null or empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial

from generator.load.settings import SiteSettings
from generator.model import LINK_KINDS, Enriched, Paper
from generator.render.bibtex import bibtex_entry
from generator.render.feeds import FEED_SIZE
from generator.render.kept import MadeFrom, fresh
from generator.render.tex import plain_title
from generator.render.views import absolute_url, json_text, page_path

# Bump when a field is renamed or removed; adding a field keeps the version.
# 2: a paper's `url` and `source` became the documents' `paper_url` and `paper_source` templates.
# 3: a record leaves out the fields the paper does not have instead of null or empty values (97 bytes
# of the API's 2.05 KB per paper at 10,000 synthetic papers).
SCHEMA_VERSION = 3
SOURCE_TEMPLATE = "site_src/papers/{slug}.yaml"
JSON_PIECE = 1000
# Small, because a paper page fetches the piece holding its entry when a reader opens "Cite".
BIBTEX_PIECE = 100


def render_exports(enriched: Enriched, settings: SiteSettings, made_from: MadeFrom = fresh) -> dict[str, str]:
    """Return every export file, keyed by its docs path; `made_from` may keep a piece whose inputs are unchanged."""
    records = {p.slug: p for p in enriched.catalogue.papers}
    slugs = sorted(records)
    entries = _Entries(records)  # each paper is in several files, and a kept piece needs none
    files: dict[str, str] = {"api/tags.json": tags_json(enriched, settings)}
    if len(slugs) <= JSON_PIECE:
        files["api/papers.json"] = papers_json(enriched, settings)
        files["api/papers.bib"] = bibliography(slugs, entries)
    json_pieces = pieces(slugs, JSON_PIECE)
    for number, piece in enumerate(json_pieces, 1):
        path = json_piece_path(number)
        shown = tuple((records[s], enriched.mentions.get(s, ()), enriched.related.get(s, ())) for s in piece)
        files.update(made_from(("api", path), shown, partial(_json_piece, enriched, settings, path, piece, number)))
    bibtex_pieces = pieces(slugs, BIBTEX_PIECE)
    for number, piece in enumerate(bibtex_pieces, 1):
        path = bibtex_piece_path(number)
        files.update(made_from(("api", path), tuple(records[s] for s in piece), partial(_bib, path, piece, entries)))
    files["api/index.json"] = manifest(settings, json_pieces, bibtex_pieces, "api/papers.json" in files)
    for key in enriched.catalogue.tags:
        path = f"tags/{key}/papers.bib"
        newest = enriched.papers_by_tag.get(key, ())[:FEED_SIZE]  # newest first, as a feed lists them
        files.update(made_from(("api", path), tuple(records[s] for s in newest), partial(_bib, path, newest, entries)))
    return files


class _Entries(Mapping[str, str]):
    """Each paper's BibTeX entry by slug, made on first use."""

    def __init__(self, papers: Mapping[str, Paper]) -> None:
        self._papers, self._made = papers, dict[str, str]()

    def __getitem__(self, slug: str) -> str:
        if slug not in self._made:
            self._made[slug] = bibtex_entry(self._papers[slug])
        return self._made[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self._papers)

    def __len__(self) -> int:
        return len(self._papers)


def _json_piece(
    enriched: Enriched, settings: SiteSettings, path: str, piece: Sequence[str], number: int
) -> dict[str, str]:
    """Return JSON piece `number` of the papers, {docs path: text}."""
    rows = [paper_record(enriched, enriched.paper[slug]) for slug in piece]
    return {path: _document(settings, "papers", rows, piece=number)}


def _bib(path: str, slugs: Iterable[str], entries: Mapping[str, str]) -> dict[str, str]:
    """Return the BibTeX file at `path` of the papers `slugs`, {docs path: text}."""
    return {path: bibliography(slugs, entries)}


def pieces(slugs: Sequence[str], size: int) -> list[Sequence[str]]:
    """Return the sorted `slugs` cut into consecutive pieces of `size` (the last may be shorter)."""
    return [slugs[start : start + size] for start in range(0, len(slugs), size)]


def json_piece_path(number: int) -> str:
    """Return the docs path of JSON piece `number` (from 1)."""
    return f"api/papers/{number}.json"


def bibtex_piece_path(number: int) -> str:
    """Return the docs path of BibTeX piece `number` (from 1)."""
    return f"api/bibtex/{number}.bib"


def manifest(
    settings: SiteSettings, json_pieces: list[Sequence[str]], bibtex_pieces: list[Sequence[str]], one_file: bool
) -> str:
    """Return `api/index.json`: where every piece of the API is, with the first and last slug in each."""

    def listing(paths: list[str], cut: list[Sequence[str]]) -> list[dict[str, object]]:
        return [
            {"path": path, "count": len(p), "first": p[0], "last": p[-1]} for path, p in zip(paths, cut, strict=True)
        ]

    document = {
        "schema_version": SCHEMA_VERSION,
        "generated_from": settings.repo_url,
        "count": sum(len(p) for p in json_pieces),
        **paper_templates(settings),
        "tags": "api/tags.json",
        "papers": listing([json_piece_path(n) for n in range(1, len(json_pieces) + 1)], json_pieces),
        "bibtex": listing([bibtex_piece_path(n) for n in range(1, len(bibtex_pieces) + 1)], bibtex_pieces),
        "one_file": {"papers": "api/papers.json", "bibtex": "api/papers.bib"} if one_file else None,
    }
    return json_text(document, indent=2) + "\n"


def paper_record(enriched: Enriched, paper: Paper) -> dict[str, object]:
    """Return one paper as papers.json shows it, without the fields it does not have."""
    text = plain_title(paper.title)
    record: dict[str, object] = {
        "slug": paper.slug,
        "title": paper.title,
        "title_text": text if text != paper.title else None,
        "short_name": paper.short_name,
        "authors": list(paper.authors),
        "abstract": paper.abstract,
        "listed": paper.listed.isoformat(),
        "published": paper.published.isoformat() if paper.published else None,
        "arxiv": paper.arxiv,
        "doi": paper.doi,
        "venue": paper.venue,
        "links": {kind: paper.links[kind] for kind in LINK_KINDS if kind in paper.links},
        "tags": list(paper.tags),
        "entities": list(enriched.mentions.get(paper.slug, ())),
        "related": [r.slug for r in enriched.related.get(paper.slug, ())],
    }
    # Every entry has a slug, title, abstract, listed date and 1 to 8 tags, so only the others can drop out.
    return {key: value for key, value in record.items() if value}


def paper_templates(settings: SiteSettings) -> dict[str, str]:
    """Return where a paper's page and entry file are, with `{slug}` standing for its slug."""
    return {"paper_url": absolute_url(settings, page_path("papers", "{slug}")), "paper_source": SOURCE_TEMPLATE}


def papers_json(enriched: Enriched, settings: SiteSettings) -> str:
    """Return `api/papers.json`: every paper, sorted by slug."""
    papers = sorted(enriched.catalogue.papers, key=lambda p: p.slug)
    return _document(settings, "papers", [paper_record(enriched, p) for p in papers])


def tags_json(enriched: Enriched, settings: SiteSettings) -> str:
    """Return `api/tags.json`: every tag with its paper count, sorted by key."""
    tags = [
        {
            "key": tag.key,
            "name": tag.name,
            "description": tag.description,
            "parent": tag.parent,
            "count": len(enriched.papers_by_tag.get(tag.key, ())),
            "url": absolute_url(settings, page_path("tags", tag.key)),
        }
        for tag in sorted(enriched.catalogue.tags.values(), key=lambda t: t.key)
    ]
    return _document(settings, "tags", tags)


def _document(settings: SiteSettings, name: str, rows: Sequence[Mapping[str, object]], piece: int | None = None) -> str:
    """Return a JSON export: indented as one file, compact as a piece (which carries its number)."""
    document: dict[str, object] = {"schema_version": SCHEMA_VERSION, "generated_from": settings.repo_url}
    if piece is not None:
        document["piece"] = piece
    if name == "papers":
        document.update(paper_templates(settings))
    document[name] = rows
    return json_text(document, indent=None if piece else 2) + "\n"


def bibliography(slugs: Iterable[str], entries: Mapping[str, str]) -> str:
    """Return the BibTeX entries of the papers `slugs`, sorted by key (the slug)."""
    return "\n".join(entries[slug] for slug in sorted(slugs))
