"""View models: everything a template prints, already escaped (Markup) and linked."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from markupsafe import Markup

from generator.load.settings import SiteSettings
from generator.model import LINK_KINDS, Enriched, Paper
from generator.render.tex import plain_title
from generator.render.text import html_text, html_with_math, url

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
    """A link for an HTML list: HTML-escaped text, a relative or checked https target, and a note."""

    text: Markup
    href: Markup
    note: Markup = Markup("")  # noqa: RUF009 - Markup is an immutable str


def page_path(kind: str, key: str) -> str:
    """Return the docs path of a generated page, e.g. `papers/calm.md`."""
    return f"{kind}/{key}.md"


# A docs path is linked from and to many times (a paper is on a dozen lists); at 100k papers the site has ~300k pages.
@functools.lru_cache(maxsize=1 << 19)
def served(path: str) -> str:
    """Return where a docs file is served, relative to the site root: `papers/calm.md` -> `papers/calm/`."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(from_page: str, target: str) -> Markup:
    """Return the relative address from a docs page to a docs page or file, as a browser resolves it.

    Generated lists are HTML, which MkDocs copies as it is, so their links name served addresses
    (`../calm/`), not docs files (`calm.md`); settings.py refuses `use_directory_urls: false`.
    """
    here = _place(from_page)[0]
    folders, name = _place(target)
    common = 0
    for mine, theirs in zip(here, folders, strict=False):
        if mine != theirs:
            break
        common += 1
    return Markup("../" * (len(here) - common) + "".join(f + "/" for f in folders[common:]) + name or "./")


@functools.lru_cache(maxsize=1 << 19)
def _place(path: str) -> tuple[tuple[str, ...], str]:
    """Return the folders and the last part of where a docs file is served: `papers/calm.md` -> (`papers`, `calm`), ``."""
    *folders, name = served(path).split("/")
    return tuple(folders), name


def absolute_url(settings: SiteSettings, page: str) -> str:
    """Return the address a docs page is served at, e.g. `papers/calm.md` -> `https://.../papers/calm/`."""
    return settings.site_url + served(page)


def json_text(data: object, indent: int | None = None) -> str:
    """Return JSON with `<`, `>` and `&` as \\u escapes, so it stays inert even inside an HTML page."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# The slim page template of every listing page kind (theme/list.html), named in its front matter.
LIST_TEMPLATE: Mapping[str, object] = MappingProxyType({"template": "list.html"})


def front_matter(title: str, description: str = "", extra: Mapping[str, object] | None = None) -> Markup:
    """Return YAML front matter; MkDocs prints title and description into HTML unescaped, so escape them."""
    # `extra` keys are printed by theme/main.html and theme/sitemap.xml, which escape what they print.
    meta: dict[str, object] = {"title": str(html_text(title))}
    if description:
        meta["description"] = str(html_text(description))
    meta.update(extra or {})
    lines = "".join(f"{key}: {_yaml_flow(value)}\n" for key, value in sorted(meta.items()))
    return Markup("---\n" + lines + "---\n")


# JSON is YAML's flow style, and much faster to write than PyYAML's emitter. YAML forbids some
# characters that JSON leaves raw (DEL, C1 controls, U+FFFE/U+FFFF), so those are escaped too.
_YAML_UNPRINTABLE = re.compile(r"[\x7f-\x9f\ufffe\uffff]")


def _yaml_flow(value: object) -> str:
    """Return `value` as one line of YAML (JSON syntax)."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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


def paper_link(from_page: str, paper: Paper) -> Link:
    """Return a link to a paper's page, titled `SHORT: Title` where that reads better; KaTeX renders its TeX."""
    return Link(_link_text(paper.title, paper.short_name), href(from_page, page_path("papers", paper.slug)))


@functools.lru_cache(maxsize=1 << 18)
def _link_text(title: str, short_name: str | None) -> Markup:
    """Return a paper link's text, made once per paper however many lists link it."""
    return html_with_math(f"{short_name}: {title}" if _adds_short_name(title, short_name) else title)


def shows_short_name(paper: Paper) -> bool:
    """Return whether the short name adds something beside the title (`AGLA` beside `AGLA: ...` does not)."""
    return _adds_short_name(paper.title, paper.short_name)


@functools.lru_cache(maxsize=1 << 18)
def _adds_short_name(title: str, short_name: str | None) -> bool:
    return bool(short_name) and not plain_title(title).casefold().startswith((short_name or "").casefold())


def tag_link(from_page: str, enriched: Enriched, key: str, count: int | None = None) -> Link:
    """Return a link to a tag's page, with an optional count."""
    tag = enriched.catalogue.tags[key]
    note = Markup(str(count)) if count is not None else Markup("")
    return Link(html_text(tag.name), href(from_page, page_path("tags", key)), note)


def entity_link(from_page: str, enriched: Enriched, key: str) -> Link:
    """Return a link to an entity's page, noting its kind."""
    entity = enriched.catalogue.entities[key]
    return Link(html_text(entity.name), href(from_page, page_path("entities", key)), html_text(entity.kind))


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


def paper_head(paper: Paper, settings: SiteSettings) -> dict[str, object]:
    """Return a paper page's head metadata: Highwire citation tags and Open Graph.

    Each says what its readers need and nothing twice: `citation_*` is what Google Scholar, Zotero and
    Mendeley read, `og:*` what link previews read, and the description meta tag (front matter) is the
    only summary, so there is no og:description, and the canonical link is the only address (previews
    read it where og:url is missing), so there is no og:url. There is no schema.org JSON-LD: it
    repeated the title, authors, date and address (493 bytes of a 10,000-paper catalogue's page on
    average) for no reader the citation tags do not serve.
    """
    issued = paper.published or paper.listed
    title = plain_title(paper.title)
    citation = [["citation_title", title]]
    citation += [["citation_author", author] for author in paper.authors]
    citation.append(["citation_publication_date", f"{issued:%Y/%m/%d}"])
    if paper.arxiv:
        citation.append(["citation_arxiv_id", paper.arxiv])
        citation.append(["citation_pdf_url", f"https://arxiv.org/pdf/{paper.arxiv}"])
    if paper.doi:
        citation.append(["citation_doi", paper.doi])
    og = [["og:title", title], ["og:type", "article"], ["og:site_name", settings.site_name]]
    return {
        "lastmod": paper.listed.isoformat(),
        "citation": citation,
        "og": og,
    }
