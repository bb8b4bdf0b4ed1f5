"""Find block syntax that survived into a page's HTML.

pymdownx Blocks prints a block it cannot use (unknown name, bad argument or
options) as an ordinary paragraph starting with `///`. The page still builds,
so the reader would see raw syntax. This looks for such lines in the HTML,
outside code, where the syntax may be shown on purpose.
"""

from __future__ import annotations

import html
import re

from markdown.util import ETX, STX

from devconcepts.core.verbatim import VerbatimSpans

# A `///` line at the start of a line of text: `<p>/// name | title` or `///</p>`.
_FENCE_TEXT = re.compile(r"(?:^|>)[ \t]*(/{3,}[ \t]*(?:[\w-]+[ \t]*(?:\|[^<\n]*)?)?)[ \t]*(?=<|\n|$)", re.MULTILINE)

_PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")


def leftover_block_lines(page_html: str) -> list[str]:
    """The block-syntax lines found in `page_html`, as the reader would see them."""
    # Content shown as written (devconcepts.core.verbatim): code may quote block syntax.
    text = VerbatimSpans(page_html).removed(page_html)
    return [_readable(match[1]) for match in _FENCE_TEXT.finditer(text)]


def _readable(found: str) -> str:
    # Python-Markdown's placeholders (STX ... ETX) mean nothing to a reader.
    return _PLACEHOLDER.sub("…", html.unescape(found)).strip()
