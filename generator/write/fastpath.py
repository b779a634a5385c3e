"""The fast path of our build: a generated page's HTML goes into the page as it is, with no Markdown conversion.

render/ writes every page kept out of the nav (papers, tags, entities, dates, authors, and their
later pages) as front matter and then HTML blocks only (templates/paper.md.j2 and the list
templates), which Python-Markdown passes through unchanged, so a plain `mkdocs build` of the same docs makes
the same page; Python-Markdown's pass, which parses that HTML twice, was most of MkDocs' time per
page. Our build adds the FastPath plugin in code, and mkdocs.yml names this module only as a hook
for both kinds of build: Python-Markdown's table of contents holds only Markdown headings, so the
hook gives an HTML page its <h1> as its table of contents, which Material's skip link goes to.
tests/test_fastpath.py builds a catalogue both ways and compares every file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import Any

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_TITLE = re.compile(r'<h1 id="([^"]+)">')
# What MkDocs collects from raw HTML for anchor checks: every id, and the name of an <a>.
_ANCHOR = re.compile(r"""<[^>]*?\sid="([^"]*)"|<a\s[^>]*?\bname="([^"]*)\"""")


class HtmlPage(Page):
    """A page whose Markdown is HTML blocks only, which therefore is its content."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Take the HTML as the content, as Python-Markdown would leave it: no headings of its own, no title."""
        if self.markdown is None:
            raise RuntimeError(f"{self.file.src_uri} was not read before it was rendered")
        if not self.markdown.lstrip().startswith("<"):
            super().render(config, files)  # not HTML after all (a page edited by hand): convert it
            return
        self.content = self.markdown.strip()
        self.toc = get_toc([])
        self.present_anchor_ids = {name for pair in _ANCHOR.findall(self.markdown) for name in pair if name}


# mkdocs leaves Config.__init_subclass__ and BasePlugin.__init_subclass__ unannotated, so mypy calls
# defining a subclass of either an untyped call.
class NoOptions(Config):  # type: ignore[no-untyped-call]
    """The options of a plugin of our build read from mkdocs.yml: none (it is set up in code, never listed there)."""


class FastPath(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]
    """Make every page kept out of the nav an HtmlPage before MkDocs reads it."""

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Made before the nav, so MkDocs makes no Page of its own for them (a nav page gets one from the nav).
        for file in out_of_nav(files, config):
            HtmlPage(None, file, config)
        return files


def out_of_nav(files: Files, config: MkDocsConfig) -> list[File]:
    """Return the documentation pages kept out of the nav (mkdocs.yml: not_in_nav matches a nav page too)."""
    in_nav = {posixpath.normpath(path) for path in _nav_paths(config.nav)}
    return [
        file
        for file in files.documentation_pages()
        if file.inclusion == InclusionLevel.NOT_IN_NAV and file.src_uri not in in_nav
    ]


def _nav_paths(item: object) -> Iterator[str]:
    """Yield every path named in a `nav` setting: a path, `{title: item}` or a list of items."""
    if isinstance(item, str):
        yield item
    elif isinstance(item, dict):
        for value in item.values():
            yield from _nav_paths(value)
    elif isinstance(item, list):
        for value in item:
            yield from _nav_paths(value)


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Hook: a page with no Markdown heading gets its first <h1> with an id as its table of contents."""
    title = None if len(page.toc) else _TITLE.search(html)
    if title:
        page.toc = get_toc([{"level": 1, "id": title[1], "name": page.title or "", "children": []}])
    return html
