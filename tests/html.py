"""Read a built site: pages, their links, and the resources they load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

BASE = "http://site.test/"
RESOURCE_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "link": "href",
    "embed": "src",
    "object": "data",
    "video": "src",
    "audio": "src",
}


def pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """Yield (url path, parsed page) for every HTML file of the site."""
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def one(soup: Tag, selector: str) -> Tag:
    """Return the first element `selector` matches in `soup`; fail the test when none does."""
    found = soup.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def attr(element: Tag, name: str) -> str:
    """Return attribute `name` of `element` as one string: "" when absent, a list attribute (class, rel) space-joined."""
    value = element.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def page_url(relative: str) -> str:
    """Return the URL a file is served at, as `http://site.test/papers/x/`."""
    return BASE + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_file(site: Path, url: str) -> Path | None:
    """Return the file a same-site URL serves, or None when it names another host."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE:
        return None
    path = unquote(parts.path)[1:]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


LOADED_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"}


def links(site: Path) -> Iterator[tuple[str, str, str]]:
    """Yield (page, tag name, absolute URL) for every link and every resource a page loads.

    A `<link>` counts only when the browser fetches it (stylesheet, icon...), not for
    `canonical` or `alternate`, which name an address without loading it.
    """
    for relative, soup in pages(site):
        base = page_url(relative)
        for element in soup.find_all(["a", *RESOURCE_ATTRS]):
            if element.name == "link" and not LOADED_LINK_RELS & set(attr(element, "rel").split()):
                continue
            value = attr(element, "href" if element.name in ("a", "link") else RESOURCE_ATTRS[element.name])
            if value and not value.startswith(("mailto:",)):
                yield relative, element.name, urljoin(base, value)
