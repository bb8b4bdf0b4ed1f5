"""The one way a term becomes a link, shared by explicit references and
first-use marking."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from devconcepts.terms.term_list import Term

CLASS = "term"
"""Class of every term link; the tooltip script and stylesheet key on it."""


def term_link(term: Term, text: str, locale: str, glossary_page: str) -> etree.Element:
    """`<a class="term" href="glossary.md#id" title="definition">text</a>`.

    The definition goes into `title`: it is the link's accessible description
    and the browser's tooltip without JavaScript, the site's glossary script
    turns it into a styled tooltip on hover, focus and tap, and unlike visible
    tooltip markup it stays out of the search index and the printed page."""
    link = etree.Element("a", {
        "class": CLASS,
        "href": f"{glossary_page}#{term.id}",
        "title": definition(term, locale),
        "data-term": term.id,
    })
    # Atomic: later passes (abbr, other extensions) must not re-parse the term.
    link.text = AtomicString(text)
    return link


def definition(term: Term, locale: str) -> str:
    return term.definitions.get(locale) or next(iter(term.definitions.values()), term.names[locale])
