"""The second query set (bench/search_queries_typed.yml, typed in a hurry) on the
real site, with the benchmark's own code: recall@5 at its target, no result in
the other language, and misspellings that the term list does not list."""

from __future__ import annotations

import pytest
import yaml

from devconcepts.terms.term_list import load_terms
from devconcepts_testkit import DOCS, ROOT, search_queries as sq
from sitekit import LOCALES

RECALL_TARGET = 0.95


def test_typed_set_is_large_and_in_both_languages():
    queries = sq.load_queries(sq.TYPED_QUERIES)
    assert len(queries) >= 40 and {q.lang for q in queries} == {"ko", "en"}


def test_misspellings_are_not_term_list_spellings():
    spellings = {s.lower() for term in load_terms(ROOT / "data/terms.yml", LOCALES) for s in term.spellings()}
    entries = yaml.safe_load(sq.TYPED_QUERIES.read_text(encoding="utf-8"))
    typos = [(e["q"], str(word)) for e in entries for word in e.get("typo", [])]
    assert len(typos) >= 20
    for query, word in typos:
        assert word in query.split(), (query, word)
        assert word.lower() not in spellings, f"{word!r} ({query!r}) is in data/terms.yml"


def test_typed_set_expects_pages_that_exist():
    for query in sq.load_queries(sq.TYPED_QUERIES):
        for src in query.expect:
            suffix = "" if query.lang == sq.DEFAULT_LOCALE else f".{query.lang}"
            assert (DOCS / src.replace(".md", f"{suffix}.md")).is_file(), (query, src)


@pytest.mark.browser
def test_recall_and_language_on_the_typed_set(browser, site_url):
    report = sq.run_queries(browser, site_url, sq.load_queries(sq.TYPED_QUERIES))
    print(report.summary())
    assert report.wrong_language == 0, report.failures()
    assert report.recall_at_5 >= RECALL_TARGET, f"{report.summary()}\n{report.failures()}"
