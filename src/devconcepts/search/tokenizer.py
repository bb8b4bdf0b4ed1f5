"""The word separator shared by the build and Material's search worker.

Material splits indexed text and queries with one regular expression,
`search.separator`, and matches each query word as a prefix of an indexed
word. Its default, `[\\s\\-]+`, leaves brackets and commas inside words, so
"서버(클러스터링)" is one word and 클러스터링 cannot be found. This separator
also splits at brackets, quotes and punctuation, and at the HTML entities
Material leaves in the indexed text. It needs no lookarounds, so it means the
same to Python's `re` and JavaScript's RegExp (no flags)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, NamedTuple

from devconcepts.core.material_internals import WORKER_TAG

SEPARATOR = (
    r"(?:[\s\-()\[\]{}<>,.;:!?\"'`/\\"
    "\u00b7\u2026\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\u3008\u3009\u300a\u300b\u3010\u3011\u3001\u3002~"
    r"]|&(?:amp|lt|gt);)+"
)
"""Whitespace, hyphens, ASCII brackets and punctuation, ·, …, curly quotes,
CJK brackets and 、。, the tilde of "1~3", and &amp; &lt; &gt;."""

_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
MIN_PART = 3
"""Shortest part of a Latin compound worth a keyword: shorter ones (the "s"
of "iOS") match half the vocabulary as prefixes."""


class Word(NamedTuple):
    start: int
    end: int
    text: str


def compile_separator(separator: str) -> re.Pattern[str]:
    """Compile the separator for Python; raises re.error if it is not valid."""
    return re.compile(separator)


def plain_text(fragment: str) -> str:
    """Text of an index entry's HTML fragment with its tags replaced by spaces,
    as Material's worker sees it: a tag is a word boundary, and the entities
    Material leaves (&amp; &lt; &gt;) stay for the separator to split at."""
    return WORKER_TAG.sub(" ", fragment)


def split_words(text: str, separator: re.Pattern[str]) -> list[Word]:
    """Words of `text` with their offsets, as Material's worker splits them."""
    words, index = [], 0
    for match in separator.finditer(text):
        if match.start() > index:
            words.append(Word(index, match.start(), text[index:match.start()]))
        index = max(index, match.end())
    if index < len(text):
        words.append(Word(index, len(text), text[index:]))
    return words


def compound_parts(word: str) -> list[str]:
    """The words inside a Latin compound written in camel case, lowercased:
    localStorage → local, storage; HttpOnly → http, only; HTTPServer → http,
    server. A word of one part (cookie, JWT, kubelet) has none. Material
    lowercases indexed words, so "storage" alone cannot find localStorage:
    it matches query words as prefixes only."""
    if not word.isascii() or not word.isalpha():
        return []
    parts = _CAMEL.findall(word)
    if len(parts) < 2 or "".join(parts) != word:
        return []
    return [part.lower() for part in parts if len(part) >= MIN_PART]


class Prefixes:
    """Answers "does a query word `w` already match one of these words?", which
    in Material's search means: is `w` a prefix of one of them."""

    def __init__(self, words: Iterable[str]) -> None:
        self._sorted = sorted(set(words))

    def match(self, word: str) -> bool:
        i = bisect_left(self._sorted, word)
        return i < len(self._sorted) and self._sorted[i].startswith(word)
