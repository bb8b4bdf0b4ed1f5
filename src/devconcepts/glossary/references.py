"""Explicit references: `[[term:etcd]]` links the term under its name in the
page's language, `[[term:etcd|엣시디]]` under the given text.

An unknown id fails the conversion with the line number, like the glossary
shortcode of kubernetes.io. `scan_references` finds references with their
source line for callers that know the file (the MkDocs plugin), skipping code.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Iterator

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor

from devconcepts.core.errors import SourceError
from devconcepts.core.fences import prose_lines
from devconcepts.glossary.links import term_link

REFERENCE = r"\[\[term:(?P<id>[^\]|\s]*)(?:\|(?P<text>[^\]\n]+))?\]\]"
_REFERENCE = re.compile(REFERENCE)


class UnknownTermError(SourceError):
    """A reference names no term; the message gives the line and the id."""

    def __init__(self, term_id: str, line: int | None, source: str | None = None,
                 terms_file: str = "data/terms.yml"):
        self.term_id = term_id
        super().__init__(source, line, f"unknown term '{term_id}' in [[term:{term_id}]]; "
                                       f"the known ids are in {terms_file}")


def scan_references(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, term id) of every reference outside fenced and inline code."""
    for number, line in prose_lines(text):
        for found in _REFERENCE.finditer(line):
            yield number, found.group("id")


class TermReferenceProcessor(InlineProcessor):
    def __init__(self, md: Markdown, extension):
        super().__init__(REFERENCE, md)
        self.extension = extension

    def handleMatch(self, m: re.Match, data: str) -> tuple[etree.Element, int, int]:
        term_id = m.group("id")
        term = self.extension.terms_by_id.get(term_id)
        if term is None:
            raise self.extension.in_page(UnknownTermError(term_id, self._line_of(m.group(0)))) from None
        locale = self.extension.locale
        text = m.group("text") or term.names[locale]
        return term_link(term, text.strip(), locale, self.extension.setting("glossary_page")), m.start(0), m.end(0)

    def _line_of(self, reference: str) -> int | None:
        # Inline processing has no line numbers; the source lines were kept
        # by the extension's preprocessor. The first line holding this exact
        # reference is the one to fix.
        for number, line in enumerate(getattr(self.md, "devconcepts_source_lines", ()), start=1):
            if reference in line:
                return number
        return None
