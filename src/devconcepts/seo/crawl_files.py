"""robots.txt and the per-language sitemaps that Material's language
switcher fetches.

Material's JavaScript fetches `sitemap.xml` next to every
`<link rel="alternate">` target. The head links point at the language roots
(`/` and `/en/`), so a sitemap must exist in each language root; static-i18n
writes only the root one, listing every page of every language with its
hreflang alternates."""

from __future__ import annotations

import re

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
