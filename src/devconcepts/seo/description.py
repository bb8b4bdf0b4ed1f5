"""A page's meta description from its own opening text."""

from __future__ import annotations

import html
import re

# Paragraphs and list items in document order; the notes often open with a
# bullet list rather than a paragraph. A regex over the page's content, not
# BeautifulSoup (CONTRIBUTING's rule for queries): the same descriptions took
# 0.66 s per build with BeautifulSoup and 1 ms with these.
_BLOCK = re.compile(r"<(p|li)\b([^>]*)>(.*?)</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")

# Search engines show roughly 150-160 characters of a description.
LIMIT = 155
# Enough text to describe the page; shorter openings borrow the next block.
ENOUGH = 80


def opening_text(page_html: str, limit: int = LIMIT) -> str | None:
    """Plain text of the first paragraphs or list items, cut at a word boundary."""
    parts: list[str] = []
    length = 0
    for match in _BLOCK.finditer(page_html):
        if "admonition-title" in match.group(2):
            continue
        text = _SPACE.sub(" ", html.unescape(_TAG.sub("", match.group(3)))).strip()
        if not text:
            continue
        parts.append(text)
        length += len(text) + 1
        if length >= ENOUGH:
            break
    if not parts:
        return None
    text = " ".join(parts)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:·") + "…"
