"""Finding term spellings in running text, Korean particles included.

Python-Markdown's `abbr` (and Material's tooltip recipe built on it) matches
with `\\b`. Hangul syllables are word characters, so `etcd는`, `스케줄러가` and
`쿠버네티스의` have no word boundary after the term and are missed. The rules
here instead:

* Left: the spelling must not continue a word (`iPod`, `마이크로서비스` for
  `서비스`, `kube-scheduler` for `scheduler`).
* Right, after a Latin letter or digit: no further Latin letter or digit, and
  no hyphen joining one (`Podcast`, `containerd` and `CRI-O` are other words),
  but Hangul may follow (`etcd는`, `Pod를`), and an English plural `s` is part
  of the match (`Pods`, `containers`).
* Right, after Hangul: anything, since Korean particles and endings are glued
  to the noun (`스케줄러가`, `쿠버네티스의`). Longer words that merely begin with
  a spelling (`로그인` for `로그`) are listed per term under `exclude`.
* A space inside a spelling matches any run of whitespace (line breaks in the
  source), or none next to Hangul, where spacing varies (`워커노드`).
* Latin spellings match case-insensitively unless they are all capitals
  (`RAG` is not `rag`) or the term is `case_sensitive`.
* At one position the longest spelling wins (`Docker Compose` over `Docker`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from devconcepts.terms import Term

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Match:
    term: Term
    start: int
    end: int
    text: str


def _is_hangul(char: str) -> bool:
    return bool(_HANGUL.match(char))


def _spelling_pattern(spelling: str, case_sensitive: bool) -> str:
    parts = []
    for index, char in enumerate(spelling):
        if char == " ":
            before, after = spelling[index - 1: index], spelling[index + 1: index + 2]
            parts.append(r"\s*" if _is_hangul(before) or _is_hangul(after) else r"\s+")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    if _LATIN_OR_DIGIT.match(spelling[-1]):
        # Plural `s`, then no Latin continuation (a hyphen counts when it joins one).
        body += r"(?:s)?(?![A-Za-z0-9_]|-[A-Za-z0-9])"
    letters = [c for c in spelling if c.isascii() and c.isalpha()]
    exact = case_sensitive or (len(letters) > 1 and all(c.isupper() for c in letters))
    return body if exact else f"(?i:{body})"


class TermMatcher:
    """Finds every term of a term list in text; one compiled pattern for all."""

    def __init__(self, terms: Iterable[Term]):
        terms = tuple(terms)
        entries: list[tuple[str, Term]] = []
        for term in terms:
            for spelling in term.spellings():
                entries.append((spelling, term))
        # Longest first, so that the alternation prefers `Docker Compose`.
        entries.sort(key=lambda entry: -len(entry[0]))
        self._by_group: dict[str, Term] = {}
        alternatives = []
        for index, (spelling, term) in enumerate(entries):
            group = f"t{index}"
            self._by_group[group] = term
            alternatives.append(f"(?P<{group}>{_spelling_pattern(spelling, term.case_sensitive)})")
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")") if alternatives else None
        self._exclusions = {term.id: tuple(w.casefold() for w in term.exclusions()) for term in terms}

    def finditer(self, text: str) -> Iterator[Match]:
        """Every term occurrence in `text`, left to right, not overlapping.

        Occurrences inside an excluded longer word are consumed but not
        yielded, so `로그인` yields nothing (not `로그`, not anything inside it)."""
        if self._pattern is None:
            return
        for found in self._pattern.finditer(text):
            term = self._by_group[found.lastgroup]
            rest = text[found.start():].casefold()
            if any(rest.startswith(word) for word in self._exclusions[term.id]):
                continue
            yield Match(term, found.start(), found.end(), found.group())
