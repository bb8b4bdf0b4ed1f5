"""The glossary page: `/// glossary` expands to one entry per term.

Order, per language, by the headword in that language:

* Korean: by Unicode code point of the case-folded headword. Precomposed
  Hangul syllables are encoded in 가나다 order (ㄲ after ㄱ, and so on), and
  Latin letters come before Hangul, so headwords spelled in Latin (`etcd`,
  `YAML`, `API 서버`) form an A–Z run at the top, as in the index of a
  Korean technical book.
* English: alphabetical, case-insensitive (`etcd` between `Docker Compose`
  and `Fine-tuning`).

Each entry is a level-2 heading whose id is the term id (the anchor that
tooltips and `[[term:id]]` link to), so entries show in search. The entry
gives the definition, the other spellings, and a link to the section that
explains it.

Above the entries, an index of first letters (A–Z, then ㄱ–ㅎ) links to the
first entry of each: a phone reader jumps with one tap. The page's table of
contents lists the same letters (the plugin gives it `letter_groups`), not
every entry twice over: as a list of every term it took more of a first
visit than the page's own text.
"""

from __future__ import annotations

import html as escape
import xml.etree.ElementTree as etree
from typing import Callable, Iterable

from markdown.util import AtomicString
from pymdownx.blocks.block import Block

from devconcepts.core.html_tags import markup
from devconcepts.core.labels import label

SECTION = "data-section"
"""Marks a link whose text still lacks its section's title (the target)."""
from devconcepts.glossary.links import definition
from devconcepts.terms.term_list import Term


def sort_key(term: Term, locale: str) -> tuple[str, str]:
    return term.names[locale].casefold(), term.id


def sorted_terms(terms: Iterable[Term], locale: str) -> list[Term]:
    return sorted(terms, key=lambda term: sort_key(term, locale))


_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_PLAIN = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
"""A Korean index files doubled consonants under the plain one."""


def first_letter(headword: str) -> str:
    """The index letter of `headword`: its initial consonant (ㄱ for 고가용성,
    doubled ones under the plain: ㄱ for 꼬리), a capital (A–Z), or its first
    character as it is."""
    first = headword[:1]
    if "가" <= first <= "힣":
        initial = _INITIALS[(ord(first) - ord("가")) // 588]
        return _PLAIN.get(initial, initial)
    return first.upper()


def letter_groups(terms: Iterable[Term], locale: str) -> list[tuple[str, str]]:
    """(letter, id of its first entry) for each first letter, in the page's order."""
    groups: dict[str, str] = {}
    for term in sorted_terms(terms, locale):
        groups.setdefault(first_letter(term.names[locale]), term.id)
    return list(groups.items())


def other_spellings(term: Term, locale: str) -> list[str]:
    """Aliases worth showing: this locale's, minus the headwords, case-insensitively unique."""
    seen = {name.casefold() for name in term.names.values()}
    out = []
    for alias in term.aliases.get(locale, ()):
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append(alias)
    return out


class GlossaryBlock(Block):
    """
    The glossary of every term.

    Arguments: none.
    Options: none.
    Content: none (anything written inside is kept above the entries).
    """

    NAME = "glossary"
    ARGUMENT = None
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        # The page with the glossary is not marked up with tooltips to itself.
        self.md.devconcepts_glossary["is_glossary_page"] = True
        return etree.SubElement(parent, "div", {"class": "glossary"})

    def on_end(self, block: etree.Element) -> None:
        extension = self.config["extension"]
        locale = extension.locale
        sections = extension.setting("sections") or {}
        index = etree.SubElement(block, "nav", {"class": "glossary__index",
                                                "aria-label": label("glossary.index", locale)})
        for letter, first in letter_groups(extension.terms, locale):
            link = etree.SubElement(index, "a", {"href": f"#{first}"})
            link.text = AtomicString(letter)
            link.tail = " "
        for term in sorted_terms(extension.terms, locale):
            render_entry(block, term, locale, sections)


def render_entry(parent: etree.Element, term: Term, locale: str, sections: dict[str, str]) -> None:
    heading = etree.SubElement(parent, "h2", {"id": term.id, "class": "glossary__term"})
    headword = etree.SubElement(heading, "dfn")
    headword.text = AtomicString(term.names[locale])
    for other, name in sorted(term.names.items()):
        if other != locale and name.casefold() != term.names[locale].casefold():
            extra = etree.SubElement(heading, "span", {"class": "glossary__other", "lang": other})
            extra.text = AtomicString(name)
            headword.tail = " "

    text = etree.SubElement(parent, "p", {"class": "glossary__definition"})
    text.text = AtomicString(definition(term, locale))

    meta = etree.SubElement(parent, "p", {"class": "glossary__meta"})
    spellings = other_spellings(term, locale)
    if spellings:
        aliases = etree.SubElement(meta, "span", {"class": "glossary__aliases"})
        aliases.text = AtomicString(f"{label('glossary.aliases', locale)}: {', '.join(spellings)}")
        etree.SubElement(meta, "br")
    target = term.page_for(locale)
    if target:
        title = sections.get(target)
        if title:
            more = etree.SubElement(meta, "a", {"class": "glossary__more", "href": target})
            more.text = AtomicString(f"{label('glossary.more', locale)}: {title}")
        else:
            # The section's title is known once its page is rendered:
            # `fill_section_titles` adds it then.
            more = etree.SubElement(meta, "a", {"class": "glossary__more", "href": target, SECTION: target})
            more.text = AtomicString(label("glossary.more", locale))


def fill_section_titles(html: str, title_of: Callable[[str], str | None]) -> str:
    """The rendered glossary with each "explained in" link that waits for its
    section's title given `title_of(target)` (`file.md#anchor`) after its
    label, and without its SECTION attribute."""
    found = markup(html)
    out, position = [], 0
    for link, after in zip(found, found[1:]):
        target = link.attr(SECTION) if link.name == "a" and not link.closing else None
        if target is None or not (after.name == "a" and after.closing):
            continue
        # The start tag as written, less ` data-section="…"`; the link's text.
        tag = html[link.start:link.end]
        cut = tag.find(f' {SECTION}="')
        tag = tag[:cut] + tag[tag.index('"', cut + len(SECTION) + 3) + 1:]
        text = html[link.end:after.start]
        title = title_of(target)
        out += [html[position:link.start], tag, f"{text}: {escape.escape(title, quote=False)}" if title else text]
        position = after.start
    out.append(html[position:])
    return "".join(out)
