"""Render what Pagefind indexes: one small HTML document per paper, at the address of its page.

Indexing these instead of the built site lets Pagefind run while MkDocs builds, reads a tenth of
the bytes, and keeps navigation, related papers and citations out of the index by construction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from markupsafe import Markup

from generator.enrich.authors import author_key
from generator.load.settings import SiteSettings
from generator.model import Enriched, Paper
from generator.render.cards import badges, has_author_page, paper_facts
from generator.render.orders import ORDERS, has_issued, issued, order_ranks
from generator.render.templating import environment
from generator.render.tex import plain_title, title_parts
from generator.render.text import html_text, paragraphs
from generator.render.views import page_path, served


def search_documents(enriched: Enriched, settings: SiteSettings) -> dict[str, str]:
    """Return {path under the site: HTML} for every paper, e.g. `papers/calm/index.html`."""
    template = environment().get_template("search.html.j2")
    language = html_text(settings.language)
    papers = enriched.catalogue.papers
    # Pagefind sends every sort to the browser up front, so `published` is left out when no paper has it.
    orders = [name for name in ORDERS if name != "published" or has_issued(papers)]
    ranks = order_ranks(papers)
    return {
        served(page_path("papers", paper.slug)) + "index.html": template.render(
            _fields(enriched, paper),
            language=language,
            ranks=[(Markup(name), Markup(f"{ranks[paper.slug][name]:07d}")) for name in orders],
        )
        for paper in papers
    }


def _fields(enriched: Enriched, paper: Paper) -> dict[str, object]:
    """Return the escaped values search.html.j2 prints for `paper`."""
    when = issued(paper)
    return {
        "title": html_text(plain_title(paper.title)),
        "meta": [(Markup(key), html_text(value)) for key, value in search_meta(enriched, paper).items()],
        "tags": [html_text(key) for key in paper.tags],
        "abstract": [html_text(block) for block in paragraphs(paper.abstract)],
        "year": html_text(str(paper.listed.year)),
        "published": html_text(str(when[0])) if when else None,
        "code": html_text("yes" if "code" in paper.links else "no"),
    }


def search_meta(enriched: Enriched, paper: Paper) -> dict[str, str]:
    """Return the metadata besides the title that search matches and a result's card shows, as plain text.

    Lists are JSON (`authors`: [name, key of the author's page or ""] pairs, `tex`: the title as
    lib/title.js reads it, `badges`: [label, address] pairs); a field without a value is left out.
    """
    catalogue = enriched.catalogue
    fields = {
        "tex": _json(title_parts(paper.title)),
        "short_name": paper.short_name or "",
        "authors": _json([[name, _page_key(enriched, name)] for name in paper.authors]),
        "tags": ", ".join(catalogue.tags[key].name for key in paper.tags),
        "entities": ", ".join(catalogue.entities[key].name for key in enriched.mentions.get(paper.slug, ())),
        "facts": " · ".join(paper_facts(paper)),
        "badges": _json([[badge.text.unescape(), badge.href.unescape()] for badge in badges(paper)]),
    }
    return {key: value for key, value in fields.items() if value}


def _page_key(enriched: Enriched, name: str) -> str:
    """Return the key of the author page of `name`, or "" if the author has none."""
    key = author_key(name)
    return key if has_author_page(enriched, key) else ""


def _json(value: Sequence[object] | None) -> str:
    """Return a list as compact JSON, or "" for none or an empty list."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) if value else ""
