"""Hostile entry payloads, and an inertness check over every file of a built site."""

from __future__ import annotations

import re
from pathlib import Path

from tests.html import LOADED_LINK_RELS, attr, page_url, pages, target_file

# Text payloads that must show as text wherever an entry's fields appear.
TEXT_PAYLOADS = [
    "<script>alert('t')</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</title><script>alert(2)</script>",
    "' onmouseover='alert(3)",
    "&lt;script&gt;alert(4)&lt;/script&gt;",
    "{{ 7*7 }} {% raw %} {# c #}",
    '--8<-- "mkdocs.yml"',
    "<style>body{display:none}</style>",
    "<iframe src=https://evil.example/></iframe>",
    "<form action=https://evil.example/><input name=q></form>",
    "![track](https://evil.example/pixel.gif)",
    "[click](javascript:alert(5)) [d](data:text/html;base64,PHNjcmlwdD4=)",
    "<https://evil.example/autolink> <javascript:alert(6)>",
    "<a href=\"jav&#x61;script:alert(7)\">x</a> <a href='JaVaScRiPt:alert(8)'>y</a>",
    '{: onclick="alert(9)" } *emph* `code` | pipe |',
    '!!! danger "admonition"',
    # `check` refuses \href and \url in math (tests/test_tex.py); outside math they are text, and math keeps HTML text.
    "\\$\\href{javascript:alert(10)}{x}\\$ and \\url{https://evil.example} and $a <b> c$",
]

OWN_SCRIPT_TYPES = {"application/json"}


def hostile_site_problems(site: Path, allowed_hosts: set[str]) -> list[str]:
    """Return every sign of live injected markup in the built HTML pages of `site`."""
    problems: list[str] = []
    for relative, soup in pages(site):
        base = page_url(relative)
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                if name.lower().startswith("on"):
                    problems.append(f"{relative}: {element.name} has event handler {name}")
                for item in values:
                    squashed = re.sub(r"[\s\x00-\x1f]", "", str(item)).lower()
                    if squashed.startswith(("javascript:", "data:", "vbscript:")) and name in (
                        "href",
                        "src",
                        "action",
                        "formaction",
                        "xlink:href",
                        "data",
                    ):
                        problems.append(f"{relative}: {element.name} {name}={item!r}")
        for script in soup.find_all("script"):
            src = attr(script, "src")
            if src:
                if target_file(site, _absolute(base, src)) is None:
                    problems.append(f"{relative}: script from another host {src}")
            elif attr(script, "type") not in OWN_SCRIPT_TYPES and _inline_script_unknown(code := script.string or ""):
                problems.append(f"{relative}: unexpected inline script {code[:80]!r}")
        for tag in ("iframe", "object", "embed", "style", "base", "frame"):
            for element in soup.find_all(tag):
                problems.append(f"{relative}: {tag} element {str(element)[:80]}")
        for element in soup.find_all(["img", "video", "audio", "source", "link", "form", "input", "meta"]):
            if element.name == "link" and not LOADED_LINK_RELS & set(attr(element, "rel").split()):
                continue
            if element.name == "meta" and attr(element, "http-equiv").lower() == "refresh":
                problems.append(f"{relative}: meta refresh")
            for name in ("src", "href", "action", "srcset"):
                url = attr(element, name)
                if url and target_file(site, _absolute(base, url)) is None:
                    problems.append(f"{relative}: {element.name} loads {url}")
        for anchor in soup.find_all("a", href=True):
            href = attr(anchor, "href")
            if href.startswith("https://") and anchor.get_text() == href:
                continue  # an https address written in an abstract links to itself, showing where it goes
            host = re.match(r"https?://([^/]+)", _absolute(base, href))
            if host and target_file(site, _absolute(base, href)) is None and host.group(1) not in allowed_hosts:
                problems.append(f"{relative}: link to unexpected host {href}")
    return problems


def _absolute(base: str, url: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, url)


def _inline_script_unknown(code: str) -> bool:
    """Material and MkDocs emit a few inline scripts; anything else was injected."""
    known = ("__md_", "document$", "localStorage", "getElementById(location.hash.slice(1))")
    return not any(marker in code for marker in known)


def text_of_site(site: Path) -> str:
    """Return every text file of the site (HTML, XML, JSON, BibTeX) concatenated."""
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in {".html", ".xml", ".json", ".bib"}
    )
