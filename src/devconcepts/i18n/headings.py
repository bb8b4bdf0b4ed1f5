"""Counterpart headings: which heading of a translation answers which heading
of its source page, for the language switch (`language-switch.js`).

A page and its translation have the same shape (the same headings in the same
order; `i18n.source_hash` and the reviewers keep them so), so the n-th
heading of one is the n-th heading of the other, whatever each is called.
Every built page reports its headings' ids in document order; once every
language is built, `assets/counterpart-headings.json` at the site root lists,
per page, each language's URL (from the site root) and heading ids:

    {"pages": [{"ko": {"url": "oltp/", "ids": ["oltp", "비슷한-점", …]},
                "en": {"url": "en/oltp/", "ids": ["oltp", "in-common", …]}}, …]}

The switch reads it to send `/oltp/#비슷한-점` to `/en/oltp/#in-common`; an id
the other page also has (a glossary entry: sorted differently in each
language, same id) is kept as it is.
"""

from __future__ import annotations

import json
import re
from html import unescape

from mkdocs.structure.files import File

from devconcepts.core.built_site import BuiltSite
from devconcepts.core.locales import language_path

MAP_PATH = "assets/counterpart-headings.json"
"""Where the map is written, from the site root (the script finds it there)."""

# Regexes over the built page, not BeautifulSoup (CONTRIBUTING's rule for
# queries): the same ids took 1.5 s per build with BeautifulSoup, 0.06 s with
# these. The article is Material's (its content.html), one per page.
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_HEADING_ID = re.compile(r"<h[1-6]\b[^>]*?\sid=\"([^\"]+)\"")


def heading_ids(html: str) -> list[str]:
    """The ids of the headings of a page's article, in document order."""
    article = _ARTICLE.search(html)
    return [unescape(match) for match in _HEADING_ID.findall(article.group(0) if article else "")]


class CounterpartHeadings:
    def __init__(self) -> None:
        self._pages: dict[str, dict[str, dict]] = {}

    def add(self, file: File, locale: str, url: str, html: str) -> None:
        """Record a built page: its file, the language it is built in, its
        URL from the site root and its final HTML."""
        self._pages.setdefault(language_path(file), {})[locale] = {"url": url, "ids": heading_ids(html)}

    def as_json(self) -> str:
        pages = [self._pages[key] for key in sorted(self._pages) if len(self._pages[key]) > 1]
        return json.dumps({"pages": pages}, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def write(self, site: BuiltSite) -> None:
        site.write(MAP_PATH, self.as_json() + "\n")
