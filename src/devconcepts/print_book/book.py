"""Assemble the whole-book print page from rendered topic pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from devconcepts.core.built_site import url_of
from devconcepts.core.locales import language_path
from devconcepts.print_book.chapters import Chapter, rewrite_chapter


@dataclass
class Book:
    html: str
    """Table of contents followed by one section per topic."""
    toc: list[AnchorLink]
    """Sidebar entries: one per topic (level 2) with its sections (level 3)."""
    duplicate_ids: list[str]
    """Ids defined more than once in the book; empty unless prefixing failed."""


def chapter_anchor(page: Page) -> str:
    """`oltp/` -> `oltp`, `en/oltp/` -> `oltp` (one language per book), `a/b.html` -> `a-b`."""
    path = url_of(language_path(page.file)).removesuffix(".html").strip("/")
    return path.replace("/", "-") or "home"


Rewrite = Callable[[str, Chapter, dict[str, Chapter], str], tuple[str, list[str]]]
"""`rewrite_chapter`'s shape: a caller may keep its results between builds."""


def assemble(pages: Sequence[Page], book: Page, *, contents_label: str,
             source_line: Callable[[Page], str], rewrite: Rewrite = rewrite_chapter) -> Book:
    """Build the book from `pages` (in reading order) for the page `book`."""
    chapters = {page.url: Chapter(url=page.url, anchor=chapter_anchor(page)) for page in pages}
    # Ids already on the book page itself (its title) must stay unique too.
    ids = [item.id for item in _walk(book.toc)]
    sections, toc, contents = [], [], []
    for page in pages:
        chapter = chapters[page.url]
        html, chapter_ids = rewrite(page.content or "", chapter, chapters, book.url)
        ids += [chapter.anchor, *chapter_ids]
        title = _title_html(page)
        entry = AnchorLink(title, chapter.anchor, 2)
        entry.children = [AnchorLink(item.title, chapter.prefixed(item.id), 3)
                          for item in _sections(page)]
        toc.append(entry)
        contents.append(
            f'<li><a href="#{escape(chapter.anchor)}">{title}</a>'
            + (("<ol>" + "".join(f'<li><a href="#{escape(child.id)}">{child.title}</a></li>'
                                 for child in entry.children) + "</ol>") if entry.children else "")
            + "</li>")
        sections.append(f'<section class="print-chapter" id="{escape(chapter.anchor)}">'
                        f'{source_line(page)}{html}</section>')
    nav = (f'<nav class="print-book__contents" aria-labelledby="print-book-contents">'
           f'<h2 id="print-book-contents">{escape(contents_label)}</h2>'
           f'<ol>{"".join(contents)}</ol></nav>')
    ids.append("print-book-contents")
    duplicates = sorted(value for value, count in Counter(ids).items() if count > 1)
    return Book(html=nav + "".join(sections), toc=toc, duplicate_ids=duplicates)


def _title_html(page: Page) -> str:
    """The page title as HTML: from its `<h1>` (the table of contents holds
    headings as HTML already), else the plain title escaped."""
    items = list(page.toc or [])
    if items and items[0].level == 1:
        return items[0].title
    return escape(page.title or "")


def _sections(page: Page) -> list[AnchorLink]:
    """The page's second-level headings: the children of its title, if it has one."""
    items = list(page.toc or [])
    if len(items) == 1 and items[0].level == 1:
        return list(items[0].children)
    return [item for item in items if item.level == 2]


def _walk(items):
    for item in items or []:
        yield item
        yield from _walk(item.children)
