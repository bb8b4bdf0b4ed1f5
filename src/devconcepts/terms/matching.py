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

Finding them is one Aho–Corasick pass (pyahocorasick) over the text with its
whitespace removed and its case folded, which gives the positions where some
spelling may start; each candidate is then confirmed by the rules above,
character by character (`_Spelling.end`). A regular expression alternating every
spelling instead tries each of them at every position of the text. Each text's
matches are kept, since the search aliases and a rebuild under `mkdocs serve`
ask about the same texts again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import ahocorasick

from devconcepts.terms.term_list import Term

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_NOT_SPACE = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")
KEPT_TEXTS = 4096
"""Texts whose matches are kept (the site's pages have about 3,000 text pieces
per language)."""


@dataclass(frozen=True)
class Match:
    term: Term
    start: int
    end: int
    text: str


def _is_hangul(char: str) -> bool:
    return bool(_HANGUL.match(char))


def _key(text: str) -> str:
    """What the automaton compares: case folded, whitespace removed."""
    return _SPACE.sub("", text.casefold())


_LATIN_CONTINUES = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_LATIN_JOINED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(frozen=True)
class _Spelling:
    """One spelling as the rules above read it."""
    parts: tuple[tuple[str, bool], ...]
    """(a character, False), or ("", True/False) for a space: at least one
    whitespace character (True) or any number, none included (False)."""
    exact: bool
    """Case matters: all capitals (`RAG`), or a `case_sensitive` term."""
    latin_end: bool
    """Ends in a Latin letter or digit: a plural `s` may follow, then no
    Latin letter or digit, nor a hyphen joining one."""

    @classmethod
    def of(cls, spelling: str, case_sensitive: bool) -> "_Spelling":
        parts = []
        for index, char in enumerate(spelling):
            if char == " ":
                before, after = spelling[index - 1: index], spelling[index + 1: index + 2]
                parts.append(("", not (_is_hangul(before) or _is_hangul(after))))
            else:
                parts.append((char, False))
        letters = [c for c in spelling if c.isascii() and c.isalpha()]
        exact = case_sensitive or (len(letters) > 1 and all(c.isupper() for c in letters))
        return cls(tuple(parts), exact, bool(_LATIN_OR_DIGIT.match(spelling[-1])))

    def end(self, text: str, start: int) -> int | None:
        """Where this spelling ends when it starts at `start`, or None."""
        at, size = start, len(text)
        for char, needs_space in self.parts:
            if not char:
                after = at
                while after < size and text[after].isspace():
                    after += 1
                if needs_space and after == at:
                    return None
                at = after
            elif at < size and (text[at] == char or (not self.exact and text[at].casefold() == char.casefold())):
                at += 1
            else:
                return None
        if not self.latin_end:
            return at
        if at < size and (text[at] == "s" or (not self.exact and text[at] == "S")) and self._free(text, at + 1):
            return at + 1
        return at if self._free(text, at) else None

    @staticmethod
    def _free(text: str, at: int) -> bool:
        if at < len(text) and text[at] in _LATIN_CONTINUES:
            return False
        return not (text[at:at + 1] == "-" and text[at + 1:at + 2] in _LATIN_JOINED)


def _folded_positions(text: str) -> tuple[str, Callable[[], "_Positions"]]:
    """The text case folded without whitespace, and how to find where each
    of its characters comes from in `text` (made only when asked: most texts
    hold no term)."""
    folded = text.casefold()
    if len(folded) == len(text):
        return _SPACE.sub("", folded), lambda: _Positions([(m.start(), m.end()) for m in _NOT_SPACE.finditer(folded)])
    # A character folds to several (ß to ss): map them one by one.
    chars, origins = [], []
    for index, char in enumerate(text):
        if not char.isspace():
            for piece in char.casefold():
                chars.append(piece)
                origins.append(index)
    positions = _Positions(None, origins)
    return "".join(chars), lambda: positions


class _Positions:
    """Offsets in the folded text back to offsets in the original."""

    def __init__(self, runs: list[tuple[int, int]] | None, origins: list[int] | None = None):
        self._origins = origins
        if runs is not None:
            self._runs = runs
            self._offsets, total = [], 0
            for a, b in runs:
                self._offsets.append(total)
                total += b - a

    def original(self, offset: int) -> int:
        if self._origins is not None:
            return self._origins[offset]
        run = bisect.bisect_right(self._offsets, offset) - 1
        return self._runs[run][0] + offset - self._offsets[run]


class TermMatcher:
    """Finds every term of a term list in text."""

    def __init__(self, terms: Iterable[Term]):
        terms = tuple(terms)
        entries = [(spelling, term) for term in terms for spelling in term.spellings()]
        # Longest first, so that at one position `Docker Compose` wins over `Docker`.
        entries.sort(key=lambda entry: -len(entry[0]))
        self._entries = [(_Spelling.of(spelling, term.case_sensitive), term) for spelling, term in entries]
        by_key: dict[str, list[int]] = {}
        for index, (spelling, _) in enumerate(entries):
            by_key.setdefault(_key(spelling), []).append(index)
        self._automaton = ahocorasick.Automaton() if by_key else None
        for key, indexes in by_key.items():
            self._automaton.add_word(key, (len(key), tuple(indexes)))
        if self._automaton is not None:
            self._automaton.make_automaton()
        self._exclusions = {term.id: tuple(w.casefold() for w in term.exclusions()) for term in terms}
        self._kept: dict[str, tuple[Match, ...]] = {}

    def finditer(self, text: str) -> Iterator[Match]:
        """Every term occurrence in `text`, left to right, not overlapping.

        Occurrences inside an excluded longer word are consumed but not
        yielded, so `로그인` yields nothing (not `로그`, not anything inside it)."""
        found = self._kept.get(text)
        if found is None:
            found = self._find(text)
            if len(self._kept) >= KEPT_TEXTS:
                del self._kept[next(iter(self._kept))]
            self._kept[text] = found
        return iter(found)

    def _find(self, text: str) -> tuple[Match, ...]:
        if self._automaton is None:
            return ()
        folded, positions_of = _folded_positions(text)
        hits = list(self._automaton.iter(folded))
        if not hits:
            return ()
        positions = positions_of()
        starts: dict[int, set[int]] = {}
        for end, (length, indexes) in hits:
            starts.setdefault(positions.original(end - length + 1), set()).update(indexes)
        out: list[Match] = []
        resume = 0
        for start in sorted(starts):
            if start < resume or (start and _WORD_OR_HYPHEN.match(text[start - 1])):
                continue
            for index in sorted(starts[start]):
                spelling, term = self._entries[index]
                end = spelling.end(text, start)
                if end is None:
                    continue
                resume = end
                if not any(text[start:start + len(word)].casefold().startswith(word)
                           for word in self._exclusions[term.id]):
                    out.append(Match(term, start, end, text[start:end]))
                break
        return tuple(out)
