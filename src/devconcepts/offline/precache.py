"""What a reader's browser keeps for offline reading, listed from the built site.

Each language gets its own list, so a reader of one language never downloads
the other's pages:

- every file in the language's part of the site: its pages (as the URLs
  links use, `oltp/` for `oltp/index.html`), its search index, its sitemap,
  its manifest, and whatever else a plugin writes there (the review page and
  its data), less `exclude` (source maps, decks to download…);
- the shared files (`assets/`) that those pages load, followed through the
  references that a browser follows: `src`/`href` of the scripts, styles,
  icons and images of each page, the search worker named in Material's page
  config, `url()` in stylesheets, and file names quoted in scripts (a worker's
  `importScripts`) or passed to them in a query (`?worker=search.…js`).

Listing from the built files, not from a list kept by hand, means a page or
script that another plugin adds is offline too without a change here."""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from devconcepts.core.built_site import BuiltSite, url_of
from devconcepts.core.cache_files import Memo
from devconcepts.core.material_internals import read_page_config

GZIP_LEVEL = 6
"""What web servers (and GitHub Pages) compress with; bench/ uses it too."""

SHARED = ("assets/",)
"""Folders of the site root that belong to no language: only what pages load
from them is kept."""

# The files a page loads are read with regexes, not HTMLParser
# (core.html_tags): the precache reads every page of every build, and
# HTMLParser took 0.185 s for the site's 24 pages where these take 0.004 s
# (45 times as long; about 4 ms a page, so some 8 s at 1,000 pages per
# language). They read attributes of the tags below, which our pages and
# Material's write with quotes.
_TAG = re.compile(r"<(script|link|img|source|image|use)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|href|srcset|data-service-worker)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_REL = re.compile(r"""\brel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "modulepreload", "preload",
              "prefetch", "mask-icon"}
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""")
_JS_FILE = re.compile(r"""["'`]([\w./-]+\.(?:m?js|json|css|svg|png|webp|woff2?|wasm))(?:\?[^"'`]*)?["'`]""")
_QUERY_FILE = re.compile(r"^[\w.-]+\.(?:m?js|json|css|wasm)$")


@dataclass(frozen=True)
class Language:
    locale: str
    prefix: str
    """Its folder from the site root: "" for the default language, "en/"."""


@dataclass(frozen=True)
class Precache:
    locale: str
    prefix: str
    urls: tuple[str, ...]
    """Relative to the site root, as the worker fetches them: `oltp/`, `assets/…`."""
    files: tuple[str, ...]
    """The built file behind each URL, in the same order, from the site root."""
    site: BuiltSite = field(compare=False, repr=False)
    """The built site the files are read from."""

    @cached_property
    def digests(self) -> tuple[str, ...]:
        """The SHA-256 of each file's bytes, for everything that names a file
        by its bytes (the version, the worker's sums, the sizes kept between
        builds)."""
        return tuple(hashlib.sha256(self.site.data(relative)).hexdigest() for relative in self.files)

    def gzip_bytes(self, kept: "Memo | None" = None) -> int:
        """The list's gzip bytes; `kept` remembers each file's size by its bytes."""
        if kept is None:
            return sum(gzip_length(self.site.data(relative)) for relative in self.files)
        return sum(kept.get(digest, lambda relative=relative: gzip_length(self.site.data(relative)))
                   for relative, digest in zip(self.files, self.digests))


def gzip_length(data: bytes) -> int:
    """`data`'s length gzipped as web servers send it."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def precache_lists(site: BuiltSite, languages: list[Language], exclude: list[str]) -> list[Precache]:
    """One list per language, the default language (prefix "") included."""
    files = site.files()
    existing = set(files)
    prefixes = [language.prefix for language in languages if language.prefix]

    def excluded(relative: str) -> bool:
        return any(fnmatch.fnmatchcase(relative, pattern) for pattern in exclude)

    result = []
    for language in languages:
        own = [relative for relative in files
               if relative.startswith(language.prefix)
               and not any(relative.startswith(other) for other in prefixes
                           if other != language.prefix and other.startswith(language.prefix))
               and not relative.startswith(SHARED)
               and not excluded(relative)]
        loaded, named = _followed(site, [relative for relative in own if relative.endswith(".html")], existing)
        # A name quoted in a script may be another language's file (Material's
        # bundle quotes `search/search_index.json`): of those, only shared
        # files are taken. What a page or stylesheet loads is taken anywhere.
        shared = {relative for relative in loaded | {name for name in named if name.startswith(SHARED)}
                  if not excluded(relative)}
        chosen = sorted(set(own) | shared)
        result.append(Precache(language.locale, language.prefix, tuple(url_of(relative) for relative in chosen),
                               tuple(chosen), site))
    return result


def version(lists: list[Precache], *extra: str) -> str:
    """A short hash of every listed URL and the bytes behind it (and of
    `extra`, such as the worker's own code): a new deployment with any change
    gets a new cache."""
    digest = hashlib.sha256()
    for text in extra:
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    for precache in lists:
        digest.update(f"\0{precache.locale}\0".encode())
        for url, file_digest in zip(precache.urls, precache.digests):
            digest.update(url.encode("utf-8") + b"\0" + bytes.fromhex(file_digest))
    return digest.hexdigest()[:16]


def _followed(site: BuiltSite, pages: list[str], existing: set[str]) -> tuple[set[str], set[str]]:
    """Site files that `pages` load, and what those load in turn: (loaded by
    a page or a stylesheet, or by a script's query; only named in a script)."""
    loaded: set[str] = set()
    named: set[str] = set()
    queue = list(pages)
    seen = set(queue)
    while queue:
        relative = queue.pop()
        text = site.text(relative, errors="replace") if relative.endswith(_READ) else ""
        if relative.endswith(".html"):
            references, found = _html_references(text), loaded
        elif relative.endswith(".css"):
            references, found = _css_references(text), loaded
        elif relative.endswith((".js", ".mjs")):
            references, found = _js_references(text), named
        else:
            references, found = [], loaded
        for reference in references:
            for target in _resolve(relative, reference, existing):
                found.add(target)
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    pages_set = set(pages)
    return loaded - pages_set, named - pages_set - loaded


_READ = (".html", ".css", ".js", ".mjs")


def _html_references(text: str) -> list[str]:
    references = []
    for tag, attributes in _TAG.findall(text):
        if tag.lower() == "link":
            rel = _REL.search(attributes)
            rels = set((rel.group(1) or rel.group(2) or "").lower().split()) if rel else set()
            if not rels & _LINK_RELS:
                continue
        for name, double, single in _ATTR.findall(attributes):
            value = html.unescape(double or single)
            if name.lower() == "srcset":
                references += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            else:
                references.append(value)
    search = (read_page_config(text) or {}).get("search")
    if isinstance(search, str):
        references.append(search)
    return references


def _css_references(text: str) -> list[str]:
    return [a or b or c for a, b, c in _CSS_URL.findall(text)] + [a or b for a, b in _CSS_IMPORT.findall(text)]


def _js_references(text: str) -> list[str]:
    return _JS_FILE.findall(text)


def _resolve(source: str, reference: str, existing: set[str]) -> list[str]:
    """The site files `reference` (as written in `source`) names: the file
    itself, and files named in its query (`?worker=search.…min.js`, loaded
    beside it). Quoted names in a script may be relative to the script or to
    the site root; only names of files that exist count."""
    reference = reference.strip()
    if not reference or reference.startswith(("data:", "blob:", "#", "mailto:", "javascript:")):
        return []
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return []
    bases = [source]
    if source.endswith((".js", ".mjs")):
        bases.append("")
    found = []
    for base in bases:
        target = _site_path(urljoin("/" + base, parts.path))
        if target is None:
            continue
        if target in existing:
            found.append(target)
        elif f"{target.rstrip('/')}/index.html" in existing:
            found.append(f"{target.rstrip('/')}/index.html")
        else:
            continue
        folder = target.rsplit("/", 1)[0] + "/" if "/" in target else ""
        for _, value in parse_qsl(parts.query):
            if _QUERY_FILE.match(value) and folder + value in existing:
                found.append(folder + value)
        break
    return found


def _site_path(absolute: str) -> str | None:
    path = unquote(absolute).lstrip("/")
    if path.startswith("../") or "/../" in path:
        return None
    return path
