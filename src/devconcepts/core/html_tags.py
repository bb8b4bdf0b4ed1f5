"""Where each piece of markup of a built page is: the reader for rewrites
that must keep every other byte of the page as it is.

The project reads built HTML one way each (CONTRIBUTING): Python's
HTMLParser, through `markup()` here, for a rewrite that keeps the page's
bytes (it gives each tag, comment and declaration with its offsets, so the
caller cuts and splices the page's own text); BeautifulSoup for a query (it
gives the text and attributes, not the bytes); and a regex only for markup
of Material's listed in `devconcepts.core.material_internals`, and for the
verbatim elements of `devconcepts.core.verbatim`, which every page's
whitespace squeeze reads (the cost is measured there).

HTMLParser reads tags as a browser's tokenizer does: the text of a script or
a style is not markup, and a `>` inside a quoted attribute ends nothing."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

COMMENT = "!--"
"""The `name` of a comment."""
DECLARATION = "!"
"""The `name` of a declaration (`<!doctype html>`) or processing instruction."""


@dataclass(frozen=True)
class Markup:
    """A tag, comment or declaration: `html[start:end]` is its text."""

    name: str
    """The tag's name in lower case, or COMMENT, or DECLARATION."""
    start: int
    end: int
    closing: bool = False
    """An end tag (`</p>`)."""
    attrs: tuple[tuple[str, str | None], ...] = ()
    """A start tag's attributes, names in lower case, values unescaped."""

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)


class _Reader(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0]
        position = html.find("\n")
        while position != -1:
            self.line_starts.append(position + 1)
            position = html.find("\n", position + 1)
        self.found: list[Markup] = []

    def _start(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _until(self, start: int, closer: str) -> int:
        end = self.html.find(closer, start)
        return end + len(closer) if end != -1 else len(self.html)

    def handle_starttag(self, tag, attrs) -> None:
        start = self._start()
        self.found.append(Markup(tag, start, start + len(self.get_starttag_text()), attrs=tuple(attrs)))

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag) -> None:
        start = self._start()
        self.found.append(Markup(tag, start, self._until(start, ">"), closing=True))

    def handle_comment(self, data) -> None:
        start = self._start()
        self.found.append(Markup(COMMENT, start, self._until(start + 4, "-->")))

    def handle_decl(self, decl) -> None:
        start = self._start()
        self.found.append(Markup(DECLARATION, start, self._until(start, ">")))

    handle_pi = unknown_decl = handle_decl


def markup(html: str) -> list[Markup]:
    """Every tag, comment and declaration of `html`, in order."""
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    return reader.found
