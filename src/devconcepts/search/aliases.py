"""Names of a concept in both languages, from the shared term list.

A page may name a concept in one language only ("Scheduler" on a Korean page,
"stateless" without "무상태" on an English one). Every section that mentions
a term by any of its spellings gets all its other spellings, Korean and
English, as hidden keywords; so does the section the term list names as the
term's explanation. Both languages' indexes use the same list
(devconcepts.terms.term_list.load_terms) and the same matcher
(devconcepts.terms.matching) as the glossary's tooltips, including the
`exclude` words (로그인 is not 로그) and the `case_sensitive` flag."""

from __future__ import annotations

import re
from typing import Sequence

from devconcepts.terms.matching import TermMatcher
from devconcepts.terms.term_list import Term

from .tokenizer import Prefixes, split_words


class AliasMatcher:
    def __init__(self, terms: tuple[Term, ...], separator: re.Pattern[str]) -> None:
        self._separator = separator
        self._terms = terms
        # The glossary's matcher: a section mentions a term exactly where a
        # page would show the term's tooltip.
        self._matcher = TermMatcher(terms)
        self._term_words: dict[str, list[str]] = {}

    def _words(self, text: str | Sequence[str]) -> tuple[str, ...]:
        if isinstance(text, str):
            return tuple(w.text for w in split_words(text, self._separator))
        return tuple(text)

    def mentioned(self, text: str | Sequence[str]) -> list[Term]:
        """Terms that `text` (or its words) names by one of their spellings, by
        the rules of `devconcepts.terms.matching` (particles as in
        "스케줄러가", "RAG를"; `exclude` words; `case_sensitive`)."""
        if not isinstance(text, str):
            text = " ".join(text)
        found: dict[str, Term] = {}
        for match in self._matcher.finditer(text):
            found.setdefault(match.term.id, match.term)
        return list(found.values())

    def keywords(self, text: str, terms: Sequence[Term] | None = None, *,
                 words: Sequence[str] | None = None) -> set[str]:
        """Lowercase words of the spellings of the terms `text` mentions (or of
        `terms`) that prefix matching on `text` would not already find.
        `words`: `text` split by the search separator, if already done."""
        words = self._words(text) if words is None else tuple(words)
        present = Prefixes(w.lower() for w in words)
        out = set()
        for term in (self.mentioned(text) if terms is None else terms):
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

