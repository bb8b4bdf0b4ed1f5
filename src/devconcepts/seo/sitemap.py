"""The root sitemap (and its gzip copy), written by devconcepts-seo in place
of static-i18n's: each page once, in the languages it is written in, with
the same hreflang pairs as its `<head>` and the date its sources last
changed. No `changefreq` (search engines ignore it) and no fallback copies
(a Korean page served under /en/ is not a translation)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr, escape

from mkdocs.utils import get_build_datetime

SITEMAP = "sitemap.xml"
"""The root sitemap's path from the site root (and, in each other
language's folder, that language's)."""


@dataclass(frozen=True)
class Entry:
    loc: str
    lastmod: dt.date | None
    links: tuple[tuple[str, str], ...]
    """(hreflang, absolute URL), as in the page's head."""


def sitemap_xml(entries: list[Entry]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in entries:
        lines += ["    <url>", f"        <loc>{escape(entry.loc)}</loc>"]
        if entry.lastmod is not None:
            lines.append(f"        <lastmod>{entry.lastmod.isoformat()}</lastmod>")
        lines += [f'        <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>'
                  for hreflang, href in entry.links]
        lines.append("    </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_gz(text: str) -> bytes:
    """`sitemap.xml.gz`: the gzip header names `sitemap.xml`, its time as
    MkDocs sets it: the start of the build's day (SOURCE_DATE_EPOCH's, when
    set)."""
    day = dt.datetime.combine(get_build_datetime().date(), dt.time(), dt.timezone.utc)
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, filename=f"{SITEMAP}.gz", mode="wb", mtime=int(day.timestamp())) as zipped:
        zipped.write(text.encode("utf-8"))
    return packed.getvalue()
