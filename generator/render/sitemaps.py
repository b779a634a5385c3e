"""The paper sitemap and robots.txt.

Material's instant navigation downloads `sitemap.xml` on every page load (1.5 MB at 10,000
papers), so MkDocs' sitemap lists only the site's own pages and the papers get a sitemap of
their own, which robots.txt names for search engines. Links to papers then load as plain pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.load.settings import SiteSettings
from generator.model import Enriched
from generator.render.views import absolute_url, page_path

PAPER_SITEMAP = "sitemap-papers.xml"
_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_sitemaps(enriched: Enriched, settings: SiteSettings) -> dict[str, str]:
    """Return `sitemap-papers.xml` (every paper, dated by its listing) and `robots.txt`."""
    urlset = ET.Element("urlset", xmlns=_NAMESPACE)
    for paper in enriched.catalogue.papers:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = absolute_url(settings, page_path("papers", paper.slug))
        ET.SubElement(url, "lastmod").text = paper.listed.isoformat()
    ET.indent(urlset)
    sitemap = ET.tostring(urlset, encoding="unicode", xml_declaration=True) + "\n"
    robots = (
        "User-agent: *\nAllow: /\n"
        f"Sitemap: {settings.site_url}sitemap.xml\nSitemap: {settings.site_url}{PAPER_SITEMAP}\n"
    )
    return {PAPER_SITEMAP: sitemap, "robots.txt": robots}
