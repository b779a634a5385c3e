"""Render what Pagefind indexes: one small HTML document per paper, at the address of its page.

Indexing these instead of the built site lets Pagefind run while MkDocs builds, reads a tenth of
the bytes, and keeps navigation, related papers and citations out of the index by construction.
"""

from __future__ import annotations

from generator.load.settings import SiteSettings
from generator.model import Enriched, Paper
from generator.render.templating import environment
from generator.render.tex import plain_title
from generator.render.text import html_text, paragraphs
from generator.render.views import excerpt, page_path, served


def search_documents(enriched: Enriched, settings: SiteSettings) -> dict[str, str]:
    """Return {path under the site: HTML} for every paper, e.g. `papers/calm/index.html`."""
    template = environment().get_template("search.html.j2")
    language = html_text(settings.language)
    return {
        served(page_path("papers", paper.slug)) + "index.html": template.render(
            _fields(enriched, paper), language=language
        )
        for paper in enriched.catalogue.papers
    }


def _fields(enriched: Enriched, paper: Paper) -> dict[str, object]:
    """Return the escaped values search.html.j2 prints for `paper`."""
    entities = [enriched.catalogue.entities[key].name for key in enriched.mentions.get(paper.slug, ())]
    return {
        "title": html_text(plain_title(paper.title)),
        "short_name": html_text(paper.short_name) if paper.short_name else None,
        "authors": html_text(", ".join(paper.authors)) if paper.authors else None,
        "tags": [(html_text(key), html_text(enriched.catalogue.tags[key].name)) for key in paper.tags],
        "entities": html_text(", ".join(entities)) if entities else None,
        "abstract": [html_text(block) for block in paragraphs(paper.abstract)],
        "listed": html_text(paper.listed.isoformat()),
        "year": html_text(str(paper.listed.year)),
        "code": html_text("yes" if "code" in paper.links else "no"),
        "summary": html_text(excerpt(paper.abstract)),
    }
