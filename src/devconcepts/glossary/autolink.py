"""Mark the first use of each term on a page as a term link.

Runs after inline parsing, so code spans, links and emphasis are elements by
then. Text is never marked inside headings, code, links, table headers,
captions, `<summary>` and admonition titles (a link in a heading-like line
would nest interactive content or clutter the outline), inside SVG, or
inside anything with the class `no-terms`; the glossary page is left alone.
An explicit `[[term:id]]` reference counts as a use.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from devconcepts.glossary.links import CLASS, term_link

SKIP_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6",
    "a", "code", "pre", "kbd", "samp", "var", "script", "style", "textarea", "button",
    "th", "caption", "summary", "svg", "abbr", "dfn",
})
SKIP_CLASSES = frozenset({"admonition-title", "no-terms", "glossary"})


class TermAutolinkTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        state = self.md.devconcepts_glossary
        if state.get("is_glossary_page") or not self.extension.setting("autolink"):
            return
        self.used: set[str] = set()
        self.locale = self.extension.locale
        self.glossary_page = self.extension.setting("glossary_page")
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.text:
            element.text, links = self._mark(element.text)
            for offset, link in enumerate(links):
                element.insert(offset, link)
        for child in list(element):
            if child.tag == "a" and CLASS in child.get("class", "").split():
                self.used.add(child.get("data-term", ""))
            if not _skipped(child):
                self._walk(child)
            if child.tail:
                child.tail, links = self._mark(child.tail)
                index = list(element).index(child)
                for offset, link in enumerate(links, start=1):
                    element.insert(index + offset, link)

    def _mark(self, text: str) -> tuple[str, list[etree.Element]]:
        """Split `text` at the first uses it contains: (text before, links with tails)."""
        head, links, position = text, [], 0
        for match in self.extension.matcher.finditer(text):
            if match.term.id in self.used:
                continue
            self.used.add(match.term.id)
            link = term_link(match.term, match.text, self.locale, self.glossary_page)
            before = text[position:match.start]
            if links:
                links[-1].tail = before
            else:
                head = before
            links.append(link)
            position = match.end
        if links:
            links[-1].tail = text[position:]
            if isinstance(text, AtomicString):
                # Slicing drops the type; keep the pieces as atomic as the whole.
                head = AtomicString(head)
                for link in links:
                    link.tail = AtomicString(link.tail)
        return head, links


def _skipped(element: etree.Element) -> bool:
    if not isinstance(element.tag, str) or element.tag.lower() in SKIP_TAGS:
        return True
    return bool(SKIP_CLASSES.intersection(element.get("class", "").split()))
