"""Entry text rendered through Markdown shows exactly as written and never becomes markup."""

from __future__ import annotations

from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.render.text import html_paragraphs, html_with_math, md_inline
from generator.render.views import href, served

# The extensions mkdocs.yml enables.
EXTENSIONS = ["attr_list", "tables", "toc", "pymdownx.highlight", "pymdownx.superfences"]


def shown(markdown_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(markdown_text, extensions=EXTENSIONS), "html.parser")


def shown_paragraph(html: str) -> BeautifulSoup:
    """Show escaped HTML as a page holds it: in a paragraph, an HTML block Python-Markdown leaves alone."""
    return shown(f"<p>{html}</p>")


@pytest.mark.parametrize(
    "text",
    [
        "Hello *world* and __bold__ and `code`",
        "[click](javascript:alert(1)) ![img](https://evil.example/x.png)",
        "<script>alert(1)</script> <b onmouseover=alert(1)>x</b>",
        "&lt;script&gt; stays escaped text",
        "{: onclick=alert(1) } and {{ jinja }} and {% raw %}",
        "<https://evil.example> autolink",
        "a | table | row",
        "- not a list",
        "1. not a list",
        "# not a heading",
        "!!! note not an admonition",
        "--8<-- 'snippet.md'",
        "Trailing backslash \\",
        "  leading spaces",
    ],
)
def test_inline_text_round_trips_as_text(text: str) -> None:
    html = shown(str(md_inline(text)))
    assert html.get_text() == " ".join(text.split())
    assert [tag.name for tag in html.find_all(True)] == ["p"]


def test_tex_becomes_arithmatex_span_with_the_tex_as_text() -> None:
    html = shown_paragraph(html_with_math(r"Loss $\frac{a_1}{b} < c$ costs $5 and $10."))
    spans = html.find_all("span", class_="arithmatex")
    assert [s.get_text() for s in spans] == [r"\(\frac{a_1}{b} < c\)"]
    assert html.get_text().endswith("costs $5 and $10.")


def test_paragraphs_split_on_blank_lines() -> None:
    assert [str(p) for p in html_paragraphs("One\nline.\n\n  Two.  \n")] == ["One line.", "Two."]


@pytest.mark.parametrize(
    ("page", "target", "address"),
    [
        ("papers/a.md", "papers/b.md", "../b/"),
        ("papers/a.md", "tags/saliency.md", "../../tags/saliency/"),
        ("tags/saliency.md", "tags/index.md", "../"),
        ("tags/saliency.md", "tags/saliency/feed.xml", "feed.xml"),
        ("tags/index.md", "tags/saliency.md", "saliency/"),
        ("index.md", "papers/index.md", "papers/"),
        ("index.md", "feed.xml", "feed.xml"),
        ("papers/index.md", "papers/index.md", "./"),
    ],
)
def test_generated_links_name_the_address_a_browser_resolves(page: str, target: str, address: str) -> None:
    assert href(page, target) == address
    served_page = "https://example.org/site/" + served(page)
    assert urljoin(served_page, address) == "https://example.org/site/" + served(target)


def test_https_addresses_in_an_abstract_become_links_and_nothing_else_does() -> None:
    text = "See https://x.org/a_b?c=1&d=2, (or https://y.org/p). Not http://z.org, javascript:alert(1) or https://."
    html = shown_paragraph(html_paragraphs(text)[0])
    links = html.find_all("a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("https://x.org/a_b?c=1&d=2", "https://x.org/a_b?c=1&d=2"),
        ("https://y.org/p", "https://y.org/p"),
    ]
    assert html.get_text() == text  # the text reads as written, links or not
    assert [tag.name for tag in html.find_all(True)] == ["p", "a", "a"]
