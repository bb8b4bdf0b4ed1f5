"""Where a built page keeps its text as written: the one list of verbatim
elements, for every reader of built HTML that changes or searches the text
between tags.

The verbatim elements are those whose whitespace and text show as written
or are not text to read: `pre`, `code` and `kbd` (Material's stylesheet
gives code and kbd `white-space: pre-wrap`), `textarea`, and the script and
style elements. Comments are left as written too.

They are found with one regex, not with HTMLParser (`core.html_tags`): the
whitespace squeeze reads every built page, the print book among them, and
HTMLParser took 1.1 s per build for what the regex does in 0.05 s. The
regex matches from left to right, so a `</pre>` inside a script or a
comment, which the script or comment match takes whole, ends nothing."""

from __future__ import annotations

import re

VERBATIM_ELEMENTS = ("pre", "code", "kbd", "textarea", "script", "style")
_VERBATIM = re.compile(r"<(%s)\b[^>]*>.*?</\1\s*>|<!--.*?-->" % "|".join(VERBATIM_ELEMENTS), re.S | re.I)


def verbatim_spans(html: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every verbatim element and comment of `html`
    (the outermost ones, start tag to end tag), in order."""
    return [match.span() for match in _VERBATIM.finditer(html)]


class VerbatimSpans:
    """The verbatim spans of one page, asked about by offset."""

    def __init__(self, html: str) -> None:
        self.spans = verbatim_spans(html)

    def removed(self, html: str) -> str:
        """`html` without its verbatim spans."""
        kept, position = [], 0
        for start, end in self.spans:
            kept.append(html[position:start])
            position = end
        kept.append(html[position:])
        return "".join(kept)
