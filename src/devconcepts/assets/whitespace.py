"""Drop the indentation between tags of a built page.

Material's templates indent their output, and every page carries it (what a
first visit downloads: `bench/compare_plain.py`). A run of
whitespace between two tags that holds a line break becomes one line break:
the browser reads any such run as one space, so the page renders the same.
Elements whose whitespace shows are left as they are, and so are scripts,
styles and comments (devconcepts.core.verbatim).

The text of Material's `md-ellipsis` elements (every navigation entry, the
header's title) loses the indentation around it: each is a block or flex
item of its own, where whitespace at the start and end of its line never
shows (material_internals.ELLIPSIS)."""

from __future__ import annotations

import re

from devconcepts.core.material_internals import ELLIPSIS
from devconcepts.core.verbatim import verbatim_spans

# Whitespace between two tags. The one place the squeeze reads markup, the
# verbatim elements, is core.verbatim's; this reads only the characters
# around a run of whitespace.
_INDENTATION = re.compile(r">[ \t\r\n]*\n[ \t\r\n]*<")
# Material's one-line labels (material_internals.ELLIPSIS), as its templates write them.
_ELLIPSIS_TEXT = re.compile(r'(<(span|div) class="%s">)[ \t\r\n]+([^<]*?)[ \t\r\n]*(</\2>)' % ELLIPSIS)


def squeeze(html: str) -> str:
    # Each stretch between verbatim spans is squeezed whole, with the
    # character on either side of it (the `>` that ends a span, the `<` that
    # starts one), so that a run of whitespace between a span and a tag is
    # squeezed too; a match starts and ends with those characters, so they
    # come back unchanged and are cut off again.
    pieces, position = [], 0
    for start, end in [*verbatim_spans(html), (len(html), len(html))]:
        if start > position:
            left, right = max(position - 1, 0), min(start + 1, len(html))
            squeezed = _INDENTATION.sub(">\n<", html[left:right])
            pieces.append(squeezed[position - left:len(squeezed) - (right - start)])
        pieces.append(html[start:end])
        position = end
    return _ELLIPSIS_TEXT.sub(r"\1\3\4", "".join(pieces))
