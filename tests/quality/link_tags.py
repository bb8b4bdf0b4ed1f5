"""Read a built site's link tags without a browser: the `<head>` hreflang
links, the language menu, the sitemap's pairs and the Open Graph tags of
every page, and what disagrees among them."""

from __future__ import annotations

import gzip
import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin

from PIL import Image

from bilingual.pages import BuiltPage, built_pages
from publish.subpath import target_file

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
X_DEFAULT = "x-default"
PREVIEW_SIZE = (1200, 630)
PREVIEW_MAX_BYTES = 60 * 1000
OG_REQUIRED = ("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image", "og:locale")
GZIP_LEVEL = 6

# The tags link previews and hreflang add to a page's head.
_NEW_TAGS = re.compile(r'<meta (?:property="og:|name="twitter:)[^>]*>\n?|<link rel="alternate"[^>]*hreflang=[^>]*>\n?')


def pages(site: Path) -> list[BuiltPage]:
    """Every page with a language menu (the 404 pages have none to agree with)."""
    return [page for page in built_pages(site) if not page.url.endswith("404.html")]


def head_links(page: BuiltPage) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.soup.select("head link[rel=alternate][hreflang]")}


def menu_links(page: BuiltPage, base: str) -> dict[str, str]:
    here = base + page.url
    return {a["hreflang"]: urljoin(here, a["href"]).split("#")[0] for a in page.soup.select(".md-select a[hreflang]")}


def sitemap_pairs(site: Path) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: href}} of the root sitemap."""
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return {url.findtext("s:loc", namespaces=SITEMAP_NS).strip():
            {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)}
            for url in root.findall("s:url", SITEMAP_NS)}


def hreflang_disagreements(site: Path, base: str, default: str = "ko") -> list[str]:
    """Where a page's head links, its sitemap pairs and its language menu
    differ. A page lists itself among its head links unless it is a fallback
    copy; then it is not in the sitemap, and its links are the original's."""
    sitemap = sitemap_pairs(site)
    problems = []
    for page in pages(site):
        url = base + page.url
        head = head_links(page)
        if not head:
            problems.append(f"{page.url}: no hreflang links")
            continue
        if head.get(X_DEFAULT) != head.get(default):
            problems.append(f"{page.url}: x-default {head.get(X_DEFAULT)} is not the {default} page {head.get(default)}")
        outside = [href for href in head.values() if not href.startswith(base)]
        if outside:
            problems.append(f"{page.url}: hreflang links outside {base}: {outside}")
        if url in head.values():
            if sitemap.get(url) != head:
                problems.append(f"{page.url}: sitemap {sitemap.get(url)} != head {head}")
        else:
            if url in sitemap:
                problems.append(f"{page.url}: a fallback copy is in the sitemap")
            if sitemap.get(head.get(X_DEFAULT)) != head:
                problems.append(f"{page.url}: head {head} != the original's sitemap entry")
        menu = menu_links(page, base)
        for locale, href in head.items():
            if locale != X_DEFAULT and menu.get(locale) != href:
                problems.append(f"{page.url}: menu {locale} -> {menu.get(locale)}, head -> {href}")
        for locale, href in sitemap.get(url, {}).items():
            if target_file(site, base, href) is None:
                problems.append(f"{page.url}: sitemap pair {locale} -> {href} is no page")
    return problems


def og_tags(page: BuiltPage) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in page.soup.select("head meta[property^='og:'], head meta[name^='twitter:']"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta["content"])
    return found


def preview_problems(site: Path, base: str) -> tuple[list[str], dict[str, int]]:
    """(what is wrong with a page's link-preview tags or image, {image URL: bytes})."""
    problems, sizes = [], {}
    for page in pages(site):
        tags = og_tags(page)
        missing = [name for name in OG_REQUIRED if not tags.get(name)]
        if missing or tags.get("twitter:card") != ["summary_large_image"]:
            problems.append(f"{page.url}: missing {missing or 'twitter:card'}")
            continue
        canonical = page.soup.select_one("head link[rel=canonical]")["href"]
        if tags["og:url"] != [canonical] or canonical != base + page.url:
            problems.append(f"{page.url}: og:url {tags['og:url']} is not the canonical {canonical}")
        for name in ("og:url", "og:image"):
            if not tags[name][0].startswith(base):
                problems.append(f"{page.url}: {name} {tags[name][0]} is not absolute under {base}")
        image = target_file(site, base, tags["og:image"][0])
        if image is None:
            problems.append(f"{page.url}: no image at {tags['og:image'][0]}")
            continue
        data = image.read_bytes()
        sizes[tags["og:image"][0]] = len(data)
        with Image.open(io.BytesIO(data)) as picture:
            if picture.format != "PNG" or picture.size != PREVIEW_SIZE:
                problems.append(f"{page.url}: {image.name} is {picture.format} {picture.size}")
        if len(data) >= PREVIEW_MAX_BYTES:
            problems.append(f"{page.url}: {image.name} has {len(data)} B")
        head = head_links(page)
        locales = {tags["og:locale"][0], *tags.get("og:locale:alternate", [])}
        if len(locales) != len({k for k in head if k != X_DEFAULT}):
            problems.append(f"{page.url}: og:locale {locales} and hreflang {sorted(head)} name different languages")
    return problems, sizes


def added_gzip_bytes(page: BuiltPage) -> int:
    """Bytes the link tags add to the page, gzipped as servers do."""
    text = page.path.read_text(encoding="utf-8")
    without = _NEW_TAGS.sub("", text)
    size = lambda s: len(gzip.compress(s.encode("utf-8"), compresslevel=GZIP_LEVEL, mtime=0))  # noqa: E731
    return size(text) - size(without)
