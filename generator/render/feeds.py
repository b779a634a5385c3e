"""Atom 1.0 and JSON Feed 1.1 feeds of the newest listed papers, for the whole site and each tag.

The site feeds carry each abstract; a tag's feeds carry its first sentence (the excerpt lists show),
as every paper is in the feeds of several tags and the site feed or the paper's page has the rest.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from generator.enrich.tags import newest_first
from generator.load.settings import SiteSettings
from generator.model import Enriched, Paper
from generator.render.tex import plain_title
from generator.render.views import absolute_url, excerpt, json_text, page_path

FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED = "https://jsonfeed.org/version/1.1"
# The `updated` date of a feed that has never had a paper: fixed, so builds stay reproducible.
NEVER = date(1970, 1, 1)


@dataclass(frozen=True)
class Feed:
    """One followable list of papers: its title, folder, web page and newest papers."""

    title: str
    folder: str
    home: str
    papers: tuple[Paper, ...]
    whole_abstracts: bool = True

    def summary(self, paper: Paper) -> str:
        """Return what the feed says of a paper: its abstract, or in a tag's feed its first sentence."""
        return paper.abstract if self.whole_abstracts else excerpt(paper.abstract)

    @property
    def updated(self) -> date:
        """Return the newest listed date, so the feed changes only when the catalogue does."""
        return max((p.listed for p in self.papers), default=NEVER)


def feed_paths(folder: str) -> tuple[str, str]:
    """Return the docs paths of the Atom and JSON feeds in `folder` (`""` for the site root)."""
    return f"{folder}feed.xml", f"{folder}feed.json"


def site_feeds(enriched: Enriched, settings: SiteSettings) -> list[Feed]:
    """Return the site feed and one feed per tag."""
    catalogue = enriched.catalogue
    feeds = [Feed(settings.site_name, "", settings.site_url, tuple(newest_first(catalogue.papers)[:FEED_SIZE]))]
    for key, tag in catalogue.tags.items():
        papers = tuple(enriched.paper[s] for s in enriched.papers_by_tag.get(key, ())[:FEED_SIZE])
        home = absolute_url(settings, page_path("tags", key))
        feeds.append(Feed(f"{settings.site_name}: {tag.name}", f"tags/{key}/", home, papers, whole_abstracts=False))
    return feeds


def feed_files(feed: Feed, enriched: Enriched, settings: SiteSettings) -> dict[str, str]:
    """Return one feed's Atom and JSON files, keyed by their docs paths."""
    atom_path, json_path = feed_paths(feed.folder)
    return {atom_path: atom_feed(feed, enriched, settings), json_path: json_feed(feed, enriched, settings)}


def rfc3339(day: date) -> str:
    """Return a date as an RFC 3339 timestamp at midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    child = ET.SubElement(parent, tag, attributes)
    child.text = text
    return child


def atom_feed(feed: Feed, enriched: Enriched, settings: SiteSettings) -> str:
    """Return an Atom 1.0 document; ElementTree escapes every text and attribute."""
    self_url = settings.site_url + feed_paths(feed.folder)[0]
    tags_url = settings.site_url + "tags/"
    root = ET.Element("feed", {"xmlns": ATOM})
    _element(root, "id", self_url)
    _element(root, "title", feed.title, type="text")
    _element(root, "updated", rfc3339(feed.updated))
    _element(root, "link", rel="self", type="application/atom+xml", href=self_url)
    _element(root, "link", rel="alternate", type="text/html", href=feed.home)
    # Atom wants a feed author when an entry has none; the catalogue is its editors' work.
    _element(_element(root, "author"), "name", settings.site_name)
    for paper in feed.papers:
        url = absolute_url(settings, page_path("papers", paper.slug))
        entry = _element(root, "entry")
        _element(entry, "id", url)
        _element(entry, "title", plain_title(paper.title), type="text")
        _element(entry, "link", rel="alternate", type="text/html", href=url)
        _element(entry, "published", rfc3339(paper.listed))
        _element(entry, "updated", rfc3339(paper.listed))
        for author in paper.authors:
            _element(_element(entry, "author"), "name", author)
        _element(entry, "summary", feed.summary(paper), type="text")
        for key in paper.tags:
            _element(entry, "category", term=key, label=enriched.catalogue.tags[key].name, scheme=tags_url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(feed: Feed, enriched: Enriched, settings: SiteSettings) -> str:
    """Return a JSON Feed 1.1 document."""
    tags = enriched.catalogue.tags
    items = [
        {
            "id": absolute_url(settings, page_path("papers", paper.slug)),
            "url": absolute_url(settings, page_path("papers", paper.slug)),
            "title": plain_title(paper.title),
            "content_text": feed.summary(paper),
            "date_published": rfc3339(paper.listed),
            "date_modified": rfc3339(paper.listed),
            "authors": [{"name": author} for author in paper.authors],
            "tags": [tags[key].name for key in paper.tags],
        }
        for paper in feed.papers
    ]
    document = {
        "version": JSON_FEED,
        "title": feed.title,
        "home_page_url": feed.home,
        "feed_url": settings.site_url + feed_paths(feed.folder)[1],
        "authors": [{"name": settings.site_name}],
        "items": items,
    }
    return json_text(document, indent=2) + "\n"
