"""Explicit references: `[[term:etcd]]` links the term under its name in the
page's language, `[[term:etcd|엣시디]]` under the given text.

An unknown id fails the conversion with the line number, like the glossary
shortcode of kubernetes.io: this is the one check of the ids, in a site
build (where the devconcepts-glossary plugin owns the extension and the
error names the page's file) as on its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor

from devconcepts.core.errors import SourceError, source_line
from devconcepts.core.fences import without_code
from devconcepts.glossary.links import term_link

REFERENCE = r"\[\[term:(?P<id>[^\]|\s]*)(?:\|(?P<text>[^\]\n]+))?\]\]"


class UnknownTermError(SourceError):
    """A reference names no term; the message gives the line and the id."""

    def __init__(self, term_id: str, line: int | None, source: str | None = None,
                 terms_file: str = "data/terms.yml"):
        self.term_id = term_id
        super().__init__(source, line, f"unknown term '{term_id}' in [[term:{term_id}]]; "
                                       f"the known ids are in {terms_file}")


class TermReferenceProcessor(InlineProcessor):
    def __init__(self, md: Markdown, extension):
        super().__init__(REFERENCE, md)
        self.extension = extension

    def handleMatch(self, m: re.Match, data: str) -> tuple[etree.Element, int, int]:
        term_id = m.group("id")
        term = self.extension.terms_by_id.get(term_id)
        if term is None:
            raise self.extension.in_page(UnknownTermError(term_id, self._line_of(m.group(0)),
                                                          terms_file=self.extension.terms_file_shown)) from None
        locale = self.extension.locale
        text = m.group("text") or term.names[locale]
        return term_link(term, text.strip(), locale, self.extension.setting("glossary_page")), m.start(0), m.end(0)

    def _line_of(self, reference: str) -> int | None:
        # Inline processing has no line numbers; the source lines were kept
        # by the extension's preprocessor. The first line outside code
        # holding this exact reference is the one to fix.
        lines = getattr(self.md, "devconcepts_source_lines", ())
        return source_line(without_code("\n".join(lines)).split("\n"), reference)
