"""Rewrite one page's rendered HTML into a chapter of the whole-book page.

On its own page the HTML is valid; pasted into the book beside the other
topics it would not be: ids repeat (every page has its own `#비슷한-점` or
`__tabbed_1_1`), relative links point from the wrong place, and each page's
`<h1>` would sit under the book's `<h1>`. So every id-like value gets a
per-chapter prefix, links between topics become jumps inside the book, other
relative URLs are re-based on the book's URL, and headings move one level down.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.utils import get_relative_url

# Attributes that hold one id, or a space-separated list of ids.
_ID_ATTRS = {"id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls",
             "aria-owns", "aria-activedescendant", "aria-details", "aria-errormessage", "list", "form"}
# Radio groups of content tabs are tied together by `name`: one group per
# chapter, or checking a tab in one chapter would uncheck another chapter's.
_NAME_TAGS = {"input"}
_URL_ATTRS = {"href", "src", "poster", "data"}
_HEADINGS = {f"h{level}" for level in range(1, 7)}
# A dummy origin to resolve site-relative URLs with urljoin.
_ORIGIN = "http://site.invalid/"


@dataclass(frozen=True)
class Chapter:
    """One topic page as the book sees it."""

    url: str
    """The page's site-relative URL, e.g. `oltp/` or `en/oltp/`."""
    anchor: str
    """The id of the chapter's section in the book, also the prefix of its ids."""

    def prefixed(self, value: str) -> str:
        return f"{self.anchor}--{value}"


class ChapterRewriter(HTMLParser):
    """Stream the HTML through, changing only the attributes and tags above."""

    def __init__(self, chapter: Chapter, chapters: dict[str, Chapter], book_url: str) -> None:
        super().__init__(convert_charrefs=False)
        self.chapter = chapter
        self.chapters = chapters
        self.book_url = book_url
        self.ids: list[str] = []
        self._out: list[str] = []

    def rewrite(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self._out)

    # Tags -----------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        self._out.append(self._tag(tag, attrs, closed=False))

    def handle_startendtag(self, tag, attrs):
        self._out.append(self._tag(tag, attrs, closed=True))

    def handle_endtag(self, tag):
        self._out.append(f"</{_demoted(tag)}>" if tag in _HEADINGS else f"</{tag}>")

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> str:
        new_attrs = [(name, self._attr(tag, name, value)) for name, value in attrs]
        if new_attrs == attrs and tag not in _HEADINGS:
            # Untouched tags keep their exact source text (case of SVG
            # attributes, quoting), so nothing changes that need not.
            return self.get_starttag_text()
        text = "".join(f" {name}" if value is None else f' {name}="{escape(value)}"'
                       for name, value in new_attrs)
        name = _demoted(tag) if tag in _HEADINGS else tag
        return f"<{name}{text}{' /' if closed else ''}>"

    def _attr(self, tag: str, name: str, value: str | None) -> str | None:
        if value is None:
            return None
        if name in _ID_ATTRS or (name == "name" and tag in _NAME_TAGS):
            ids = [self.chapter.prefixed(part) for part in value.split()]
            if name == "id":
                self.ids.extend(ids)
            return " ".join(ids)
        if name in _URL_ATTRS:
            return self._url(value, fragments=name == "href")
        return value

    def _url(self, value: str, *, fragments: bool) -> str:
        if value.startswith("#"):
            return "#" + self.chapter.prefixed(unquote(value[1:])) if fragments and len(value) > 1 else value
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/"):
            return value  # absolute: the same from the book as from the page
        target = urlsplit(urljoin(_ORIGIN + self.chapter.url, value))
        path = target.path[len(urlsplit(_ORIGIN).path):]
        if fragments and not target.query and path in self.chapters:
            chapter = self.chapters[path]
            fragment = unquote(target.fragment)
            return "#" + (chapter.prefixed(fragment) if fragment else chapter.anchor)
        # "/" for the site root, so get_relative_url keeps the trailing slash.
        relative = get_relative_url(path or "/", self.book_url)
        return relative + (f"?{target.query}" if target.query else "") + (
            f"#{target.fragment}" if target.fragment else "")

    # Everything else passes through as written ------------------------------

    def handle_data(self, data):
        self._out.append(data)

    def handle_entityref(self, name):
        self._out.append(f"&{name};")

    def handle_charref(self, name):
        self._out.append(f"&#{name};")

    def handle_comment(self, data):
        self._out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self._out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self._out.append(f"<![{data}]>")


def _demoted(tag: str) -> str:
    return f"h{min(int(tag[1]) + 1, 6)}"


def rewrite_chapter(html: str, chapter: Chapter, chapters: dict[str, Chapter], book_url: str
                    ) -> tuple[str, list[str]]:
    """The chapter's HTML for the book, and the ids it now defines."""
    rewriter = ChapterRewriter(chapter, chapters, book_url)
    return rewriter.rewrite(html), rewriter.ids
