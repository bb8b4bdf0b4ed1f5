"""Names of a concept in both languages, from the shared term list.

A page may name a concept in one language only ("Scheduler" on a Korean page,
"stateless" without "무상태" on an English one). Every section that mentions
a term by any of its spellings gets all its other spellings, Korean and
English, as hidden keywords; so does the section the term list names as the
term's explanation. Both languages' indexes use the same list
(devconcepts.terms.load_terms), the one the glossary uses, including its
`exclude` words (로그인 is not 로그) and `case_sensitive` flag."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from devconcepts.terms import Term

from .korean import word_forms
from .tokenizer import Prefixes, split_words


@dataclass(frozen=True)
class _Spelling:
    words: tuple[str, ...]
    """As written in the term list."""
    term: Term


class AliasMatcher:
    def __init__(self, terms: tuple[Term, ...], separator: re.Pattern[str]) -> None:
        self._separator = separator
        self._terms = terms
        self._by_first: dict[str, list[_Spelling]] = {}
        self._term_words: dict[str, list[str]] = {}
        for term in terms:
            for spelling in term.spellings():
                words = self._words(spelling)
                if words:
                    self._by_first.setdefault(words[0].lower(), []).append(_Spelling(words, term))

    def _words(self, text: str | Sequence[str]) -> tuple[str, ...]:
        if isinstance(text, str):
            return tuple(w.text for w in split_words(text, self._separator))
        return tuple(text)

    def mentioned(self, text: str | Sequence[str]) -> list[Term]:
        """Terms that `text` (or its words) names by one of their spellings. The
        last word of a name may carry a particle ("스케줄러가", "RAG를")."""
        words = self._words(text)
        found: dict[str, Term] = {}
        for i, word in enumerate(words):
            for form in word_forms(word.lower()):
                for spelling in self._by_first.get(form, ()):
                    if spelling.term.id not in found and _matches_at(words, i, spelling):
                        found[spelling.term.id] = spelling.term
        return list(found.values())

    def keywords(self, text: str | Sequence[str], terms: Sequence[Term] | None = None) -> set[str]:
        """Lowercase words of the spellings of the terms `text` mentions (or of
        `terms`) that prefix matching on `text` would not already find."""
        words = self._words(text)
        present = Prefixes(w.lower() for w in words)
        out = set()
        for term in (self.mentioned(words) if terms is None else terms):
            for word in self._spelling_words(term):
                if word not in out and not present.match(word):
                    out.add(word)
        return out

    def _spelling_words(self, term: Term) -> list[str]:
        words = self._term_words.get(term.id)
        if words is None:
            words = [w.lower() for s in term.spellings() for w in self._words(s)]
            self._term_words[term.id] = words
        return words

    def explained_by(self, src_uri: str, locale: str) -> dict[str, list[Term]]:
        """Terms whose explaining page, as seen from `locale`, is `src_uri` (a
        default-language source path such as `kubernetes-cluster.md`), keyed by
        anchor ("" for the page itself)."""
        out: dict[str, list[Term]] = {}
        for term in self._terms:
            page, _, anchor = term.page_for(locale).partition("#")
            if page and page == src_uri:
                out.setdefault(anchor, []).append(term)
        return out


def _matches_at(words: tuple[str, ...], i: int, spelling: _Spelling) -> bool:
    expected = spelling.words
    if i + len(expected) > len(words):
        return False
    term = spelling.term
    for j, want in enumerate(expected):
        word = words[i + j]
        if not term.case_sensitive:
            word, want = word.lower(), want.lower()
        last = j == len(expected) - 1
        if word != want and not (last and want in word_forms(word)):
            return False
    end = words[i + len(expected) - 1].lower()
    return not any(end.startswith(x.lower()) for x in term.exclusions())
