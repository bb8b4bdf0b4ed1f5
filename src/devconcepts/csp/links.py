"""External links: `rel="noopener"` on every link that leaves the site.

The link still opens in the same tab: a page that wants a new tab says so
with `{target=_blank}`, and then noopener keeps the opened page from reaching
back into this one through `window.opener`."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit


class _Links(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, dict[str, str | None]]] = []
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            line, column = self.getpos()
            self.tags.append((self._line_starts[line - 1] + column, self.get_starttag_text() or "", dict(attrs)))

    handle_startendtag = handle_starttag


def is_external(href: str, site_url: str | None) -> bool:
    parts = urlsplit(href.strip())
    if parts.scheme.lower() not in {"http", "https", ""} or not parts.netloc:
        return False
    if site_url:
        site = urlsplit(site_url)
        if parts.netloc.lower() == site.netloc.lower() and parts.path.startswith(site.path or "/"):
            return False
    return True


_REL = re.compile(r"""(\srel\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def _with_noopener(tag: str, rel: str | None) -> str:
    if rel is None:
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return f'{tag[:end]} rel="noopener"{tag[end:]}'
    value = " ".join([*rel.split(), "noopener"])
    return _REL.sub(lambda match: f'{match.group(1)}"{value}"', tag, count=1)


def add_noopener(html: str, site_url: str | None) -> str:
    """`html` with noopener added to the rel of every link off the site."""
    reader = _Links(html)
    reader.feed(html)
    reader.close()
    pieces, last = [], 0
    for offset, tag, attrs in reader.tags:
        href, rel = attrs.get("href"), attrs.get("rel")
        if not href or not is_external(href, site_url) or "noopener" in (rel or "").lower().split():
            continue
        pieces += [html[last:offset], _with_noopener(tag, rel)]
        last = offset + len(tag)
    return "".join(pieces) + html[last:] if pieces else html
