"""View models: everything a template prints, already escaped (Markup) and linked."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

import yaml
from markupsafe import Markup

from generator.model import LINK_KINDS, Enriched, Paper
from generator.render.text import html_text, md_inline, url

LINK_LABELS = {
    "code": "Code",
    "project": "Project page",
    "demo": "Demo",
    "video": "Video",
    "package": "Package",
    "data": "Data",
    "paper": "Paper",
}
EXCERPT = 180


@dataclass(frozen=True)
class Link:
    """A Markdown link: escaped text and a relative or checked https target."""

    text: Markup
    href: Markup
    note: Markup = Markup("")


def page_path(kind: str, key: str) -> str:
    """Return the docs path of a generated page, e.g. `papers/calm.md`."""
    return f"{kind}/{key}.md"


def relative(from_page: str, to_page: str) -> Markup:
    """Return a link target from one docs page to another, as MkDocs validates them."""
    return Markup(posixpath.relpath(to_page, posixpath.dirname(from_page) or "."))


def front_matter(title: str, description: str = "") -> Markup:
    """Return YAML front matter; MkDocs prints these values into HTML unescaped, so escape them."""
    meta = {"title": str(html_text(title))}
    if description:
        meta["description"] = str(html_text(description))
    return Markup("---\n" + yaml.safe_dump(meta, allow_unicode=True, width=10_000) + "---\n")


def human_date(day: date) -> Markup:
    """Return e.g. `12 Mar 2025`."""
    return Markup(f"{day.day} {day:%b %Y}")


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """Return the first sentence, cut at a word near `limit` characters."""
    flat = " ".join(text.split())
    sentence = flat.split(". ", 1)[0]
    if len(sentence) <= limit:
        return sentence if sentence.endswith(".") else sentence + "."
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def paper_link(from_page: str, paper: Paper, with_short: bool = True) -> Link:
    """Return a link to a paper's page, titled `SHORT: Title` where that reads better."""
    text = paper.title
    if with_short and paper.short_name and not paper.title.startswith(paper.short_name):
        text = f"{paper.short_name}: {paper.title}"
    return Link(md_inline(text), relative(from_page, page_path("papers", paper.slug)))


def tag_link(from_page: str, enriched: Enriched, key: str, count: int | None = None) -> Link:
    """Return a link to a tag's page, with an optional count."""
    tag = enriched.catalogue.tags[key]
    note = Markup(str(count)) if count is not None else Markup("")
    return Link(md_inline(tag.name), relative(from_page, page_path("tags", key)), note)


def entity_link(from_page: str, enriched: Enriched, key: str) -> Link:
    """Return a link to an entity's page, noting its kind."""
    entity = enriched.catalogue.entities[key]
    return Link(md_inline(entity.name), relative(from_page, page_path("entities", key)), md_inline(entity.kind))


def external_buttons(paper: Paper) -> list[Link]:
    """Return the paper's outside links: arXiv abstract and PDF, DOI, then its own links."""
    buttons = []
    if paper.arxiv:
        buttons.append(Link(Markup("arXiv"), url(f"https://arxiv.org/abs/{paper.arxiv}")))
        buttons.append(Link(Markup("PDF"), url(f"https://arxiv.org/pdf/{paper.arxiv}")))
    if paper.doi:
        buttons.append(Link(Markup("DOI"), url(f"https://doi.org/{paper.doi}")))
    for kind in LINK_KINDS:
        if kind in paper.links:
            buttons.append(Link(Markup(LINK_LABELS[kind]), url(paper.links[kind])))
    return buttons
