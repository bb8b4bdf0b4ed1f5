"""robots.txt and the per-language sitemaps.

Material's bundle reads `sitemap.xml` at its `base` (for instant navigation
and link previews, when they are on), which is the page's language root (`/en/` for English pages, see devconcepts.search.page_config),
so a sitemap must exist in each language root; the root one (sitemap.py)
lists every page of every language with its hreflang alternates, and each
other language root gets its own pages of it."""

from __future__ import annotations

import re

ROBOTS = "robots.txt"
"""Its path from the site root."""

_URL_BLOCK = re.compile(r"\s*<url>.*?</url>", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.S)


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def language_sitemap(root_sitemap: str, language_root_url: str) -> str:
    """The root sitemap cut down to the pages under one language root."""
    def keep(block: re.Match) -> str:
        loc = _LOC.search(block.group(0))
        return block.group(0) if loc and loc.group(1).strip().startswith(language_root_url) else ""

    return _URL_BLOCK.sub(keep, root_sitemap)
