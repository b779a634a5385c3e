"""The sitemaps and robots.txt.

Every page is listed in `sitemap-<n>.xml` files of at most 50,000 addresses each (the sitemap
protocol's limit), unindented (indentation was an eighth of their bytes), and `sitemap.xml`, which MkDocs renders from theme/sitemap.xml, is the index of
those files: the home page's `sitemaps` front matter names them. A paper page is dated by its listed
date, any other page by the catalogue's newest, so rebuilds of one catalogue are identical.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from generator.load.settings import SiteSettings
from generator.model import Enriched
from generator.render.views import absolute_url, page_path

SITEMAP_LIMIT = 50_000
_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_sitemaps(
    enriched: Enriched, settings: SiteSettings, pages: Iterable[str], limit: int = SITEMAP_LIMIT
) -> dict[str, str]:
    """Return the sitemap files of the docs `pages` (every `.md` path), `limit` addresses to a file, in index order."""
    listed = {page_path("papers", p.slug): p.listed.isoformat() for p in enriched.catalogue.papers}
    newest = max((p.listed for p in enriched.catalogue.papers), default=None)
    default = newest.isoformat() if newest else None
    ordered = sorted(pages)
    files: dict[str, str] = {}
    for start in range(0, len(ordered), limit):
        urlset = ET.Element("urlset", xmlns=_NAMESPACE)
        for page in ordered[start : start + limit]:
            url = ET.SubElement(urlset, "url")
            ET.SubElement(url, "loc").text = absolute_url(settings, page)
            lastmod = listed.get(page, default)
            if lastmod:
                ET.SubElement(url, "lastmod").text = lastmod
        files[f"sitemap-{start // limit + 1}.xml"] = (
            ET.tostring(urlset, encoding="unicode", xml_declaration=True) + "\n"
        )
    return files


def robots_txt(settings: SiteSettings) -> str:
    """Return robots.txt, naming the sitemap index."""
    return f"User-agent: *\nAllow: /\nSitemap: {settings.site_url}sitemap.xml\n"
