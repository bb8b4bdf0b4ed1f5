"""Avoided spellings: text that writes a term the way the term list's `avoid`
says not to (큐블릿 for kubelet) stops the build, naming the file, the line,
the spelling and the form to write instead.

A page is checked against the avoided spellings of its own language. What is
exempt, because it is not the site's own wording:

* code (fenced blocks and code spans), link targets, bare URLs and HTML
  comments;
* a spelling in double quotes ("마스터 노드", “…”, 「…」): the text names
  the spelling rather than uses it;
* the source notes' own words: a table cell, heading or line whose text
  (emphasis markers aside) appears verbatim in the notes keeps the notes'
  spelling, such as "Kube Proxy" in the notes' table.

The site's data (the term list and the diagrams) is checked against the
Hangul spellings, which belong to one language whatever the YAML key; the
lines that list spellings on purpose (`names`, `aliases`, `avoid`,
`exclude`) are exempt.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from devconcepts.core.fences import prose_lines
from devconcepts.terms.term_list import Term

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Spans whose text is not the site's wording, blanked before matching (code
# spans are blanked already, by the one masker of core.fences).
_MASKED = re.compile(
    r"\]\([^)]*\)"                    # link target
    r"|<https?://[^>]*>|https?://\S+"  # autolink, bare URL
    r"|<!--.*?-->"                    # one-line HTML comment
    r"|\"[^\"\n]*\"|“[^”\n]*”|「[^」\n]*」"  # quoted: the spelling is named, not used
)
_LISTING_KEYS = re.compile(r"^\s*-?\s*(names|aliases|avoid|exclude)\s*:")
_MARKUP = re.compile(r"\*\*|__|^[\s#>*+:-]+|\s+$")


@dataclass(frozen=True)
class AvoidedSpelling:
    line: int
    spelling: str
    preferred: str

    def message(self) -> str:
        return f"'{self.spelling}' is an avoided spelling; write '{self.preferred}'"


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    spelling: str
    preferred: str


def _rules(pairs: Iterable[tuple[str, str]]) -> list[_Rule]:
    rules = []
    for spelling, preferred in pairs:
        # Hangul particles may follow either kind (큐블릿은, Kubelet이); a
        # Latin spelling stops at a Latin word boundary (not Kubelets).
        if _HANGUL.search(spelling[-1]):
            before, after = r"(?<![\w-])", ""
        else:
            before, after = r"(?<![A-Za-z0-9_-])", r"(?![A-Za-z0-9_-])"
        rules.append(_Rule(re.compile(rf"{before}{re.escape(spelling)}{after}"), spelling, preferred))
    return rules


def page_rules(terms: Sequence[Term], locale: str) -> list[_Rule]:
    """The avoided spellings a page in `locale` must not use."""
    return _rules((spelling, term.names[locale]) for term in terms for spelling in term.avoid.get(locale, ()))


def data_rules(terms: Sequence[Term]) -> list[_Rule]:
    """The Hangul avoided spellings of every language, for the site's data files."""
    return _rules((spelling, term.names[locale]) for term in terms for locale in sorted(term.avoid)
                  for spelling in term.avoid[locale] if _HANGUL.search(spelling))


def normalise(text: str) -> str:
    """Text without emphasis markers, list/heading marks and repeated spaces."""
    return re.sub(r"\s+", " ", _MARKUP.sub("", text.replace("**", "").replace("__", ""))).strip()


def find_in_page(text: str, rules: Sequence[_Rule], verbatim: str = "") -> list[AvoidedSpelling]:
    """Avoided spellings in a page's Markdown (front matter included, so line
    numbers are the file's). `verbatim` is the source notes' text, normalised."""
    found, comment = [], False
    lines = text.splitlines()
    # One search a line for all the spellings; a rule's own pattern only on a line that has one.
    any_spelling = _any_of(tuple(rule.spelling for rule in rules))
    for number, masked in prose_lines(text):
        # `masked` is the line with its code spans blanked; `line` keeps their
        # text, cut at the same columns, for the comparison with the notes.
        line = lines[number - 1]
        if comment:
            if "-->" not in masked:
                continue
            cut = masked.index("-->") + len("-->")
            comment, line, masked = False, line[cut:], masked[cut:]
        if "<!--" in masked and "-->" not in masked.split("<!--", 1)[1]:
            cut = masked.index("<!--")
            comment, line, masked = True, line[:cut], masked[:cut]
        masked = _MASKED.sub(lambda m: " " * len(m.group(0)), masked)
        if not any_spelling.search(masked):
            continue
        for rule in rules:
            for match in rule.pattern.finditer(masked):
                if verbatim and _in_notes(line, match.start(), verbatim):
                    continue
                found.append(AvoidedSpelling(number, rule.spelling, rule.preferred))
    return found


@functools.lru_cache(maxsize=8)
def _any_of(spellings: tuple[str, ...]) -> re.Pattern[str]:
    """Finds any of `spellings` wherever a rule's pattern could match one."""
    return re.compile("|".join(map(re.escape, spellings)) or r"(?!)")


def find_in_data(text: str, rules: Sequence[_Rule]) -> list[AvoidedSpelling]:
    """Avoided spellings in a YAML data file, outside the lines that list spellings."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _LISTING_KEYS.match(line) or line.lstrip().startswith("#"):
            continue
        for rule in rules:
            if rule.pattern.search(line):
                found.append(AvoidedSpelling(number, rule.spelling, rule.preferred))
    return found


def _in_notes(line: str, position: int, verbatim: str) -> bool:
    """Whether the table cell (or the whole line) around `position` is the notes' own text."""
    start = line.rfind("|", 0, position) + 1
    end = line.find("|", position)
    cell = normalise(line[start:end if end != -1 else len(line)])
    return bool(cell) and cell in verbatim
