"""External links: `rel="noopener"` on every link that leaves the site.

The link still opens in the same tab: a page that wants a new tab says so
with `{target=_blank}`, and then noopener keeps the opened page from reaching
back into this one through `window.opener`."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from devconcepts.core.newlines import universal_newlines
from devconcepts.csp.markup import Anchor, read


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


def add_noopener(html: str, site_url: str | None, anchors: list[Anchor] | None = None) -> str:
    """`html` with noopener added to the rel of every link off the site.

    `anchors`: the `<a>` tags of `html` (`markup.read(html).anchors`), when
    the page was read already; `html` then has LF line ends only."""
    if anchors is None:
        html = universal_newlines(html)
        anchors = read(html).anchors
    pieces, last = [], 0
    for anchor in anchors:
        href, rel = anchor.attrs.get("href"), anchor.attrs.get("rel")
        if not href or not is_external(href, site_url) or "noopener" in (rel or "").lower().split():
            continue
        pieces += [html[last:anchor.offset], _with_noopener(anchor.source, rel)]
        last = anchor.offset + len(anchor.source)
    return "".join(pieces) + html[last:] if pieces else html
