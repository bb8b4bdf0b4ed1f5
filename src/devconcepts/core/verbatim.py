"""Where a built page keeps its text as written: the one list of verbatim
elements, for every reader of built HTML that changes or searches the text
between tags.

The verbatim elements are those whose whitespace and text show as written
or are not text to read: `pre`, `code` and `kbd` (Material's stylesheet
gives code and kbd `white-space: pre-wrap`), `textarea`, and the script and
style elements. Comments are left as written too.

They are found with `devconcepts.core.html_tags`, the way a browser's
tokenizer finds them, so a `</pre>` inside a script or a comment does not
end anything."""

from __future__ import annotations

import bisect

from devconcepts.core.html_tags import COMMENT, Markup, markup

VERBATIM_ELEMENTS = frozenset({"pre", "code", "kbd", "textarea", "script", "style"})


def verbatim_spans(html: str, found: list[Markup] | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of every verbatim element and comment of `html`
    (the outermost ones, start tag to end tag), in order; one left open runs
    to the end. `found` is `markup(html)`, when the caller has it."""
    spans, open_element = [], None
    for item in markup(html) if found is None else found:
        if open_element is not None:
            if item.closing and item.name == open_element.name:
                spans.append((open_element.start, item.end))
                open_element = None
        elif item.name == COMMENT:
            spans.append((item.start, item.end))
        elif item.name in VERBATIM_ELEMENTS and not item.closing:
            open_element = item
    if open_element is not None:
        spans.append((open_element.start, len(html)))
    return spans


class VerbatimSpans:
    """The verbatim spans of one page, asked about by offset."""

    def __init__(self, html: str, found: list[Markup] | None = None) -> None:
        self.spans = verbatim_spans(html, found)
        self._starts = [start for start, _ in self.spans]

    def covers(self, position: int) -> bool:
        """Whether the character at `position` lies inside a verbatim span."""
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and self.spans[i][1] > position

    def removed(self, html: str) -> str:
        """`html` without its verbatim spans."""
        kept, position = [], 0
        for start, end in self.spans:
            kept.append(html[position:start])
            position = end
        kept.append(html[position:])
        return "".join(kept)
