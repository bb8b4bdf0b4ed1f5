"""Where a built page keeps its text as written: the one list of verbatim
elements, for every reader of built HTML that changes or searches the text
between tags.

The verbatim elements are those whose whitespace and text show as written
or are not text to read: `pre`, `code` and `kbd` (Material's stylesheet
gives code and kbd `white-space: pre-wrap`), `textarea`, and the script and
style elements. Comments are left as written too.

Python's HTMLParser finds them the way a browser's tokenizer does, so a
`</pre>` inside a script or a comment does not end anything."""

from __future__ import annotations

import bisect
from html.parser import HTMLParser

VERBATIM_ELEMENTS = frozenset({"pre", "code", "kbd", "textarea", "script", "style"})


class _Spans(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0]
        position = html.find("\n")
        while position != -1:
            self.line_starts.append(position + 1)
            position = html.find("\n", position + 1)
        self.spans: list[tuple[int, int]] = []
        self.open: tuple[str, int] | None = None
        """The outermost verbatim element being read: its name and start."""

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.open is None and tag in VERBATIM_ELEMENTS:
            self.open = (tag, self._offset())

    def handle_endtag(self, tag: str) -> None:
        if self.open is not None and tag == self.open[0]:
            end = self.html.find(">", self._offset()) + 1
            self.spans.append((self.open[1], end or len(self.html)))
            self.open = None

    def handle_comment(self, data: str) -> None:
        if self.open is None:
            start = self._offset()
            end = self.html.find("-->", start + 4)
            self.spans.append((start, end + 3 if end != -1 else len(self.html)))


def verbatim_spans(html: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every verbatim element and comment of `html`
    (the outermost ones, start tag to end tag), in order; one left open runs
    to the end."""
    parser = _Spans(html)
    parser.feed(html)
    parser.close()
    if parser.open is not None:
        parser.spans.append((parser.open[1], len(html)))
    return parser.spans


class VerbatimSpans:
    """The verbatim spans of one page, asked about by offset."""

    def __init__(self, html: str) -> None:
        self.spans = verbatim_spans(html)
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
