"""Search that forgives how readers type, on the real site in real Chromium:
Korean and English misspellings, initial consonants (초성), compounds typed
without their space, English word forms, and pages that match every query
word ranked first.

Each query below is checked first to be what it claims: a misspelling or a
word form is neither a name nor an alias in the term list (tolerance comes
from distance, never from listing misspellings), and no word of the page's
search index starts with it, so only the forgiving search can find it."""

from __future__ import annotations

import json
import re

import pytest

from devconcepts.search.tokenizer import SEPARATOR, plain_text
from devconcepts.terms.term_list import load_terms
from devconcepts_testkit import ROOT, search_queries as sq
from sitekit import LOCALES

from .searchbox import box_on, paths  # noqa: F401 (box_on is a fixture)

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def vocabulary(site):
    """Every word of each language's search index, lowercased."""
    separator = re.compile(SEPARATOR)
    out = {}
    for locale in ("ko", "en"):
        index = json.loads((site / sq.language_root(locale) / "search/search_index.json").read_text("utf-8"))
        words = set()
        for doc in index["docs"]:
            for name in ("title", "text", "keywords"):
                words.update(w.lower() for w in separator.split(plain_text(doc.get(name, ""))) if w)
        out[locale] = words
    return out


SPELLINGS = {s.lower() for term in load_terms(ROOT / "data/terms.yml", LOCALES) for s in term.spellings()}


def assert_unknown(word: str, locale: str, vocabulary) -> None:
    assert word.lower() not in SPELLINGS, f"{word} is in the term list: it tests the aliases, not tolerance"
    starts = sorted(w for w in vocabulary[locale] if w.startswith(word.lower()))
    assert not starts, f"{word} already matches {starts[:5]} in the {locale} index: pick another"


@pytest.mark.parametrize("locale, query, page", [
    ("ko", "스케쥴러", "kubernetes-cluster/"),        # 쥴/줄: one jamo
    ("ko", "트렌젝션", "oltp/"),                      # 렌/랜, 젝/잭: two jamo
    ("en", "스케쥴러", "en/kubernetes-cluster/"),
])
def test_a_korean_misspelling_finds_the_page(box_on, site_url, vocabulary, locale, query, page):
    assert_unknown(query, locale, vocabulary)
    results = paths(box_on(locale).search(query), site_url)
    assert page in results[:5], results


@pytest.mark.parametrize("locale, query, page", [
    ("en", "kubernets", "en/kubernetes-cluster/"),
    ("en", "statful", "en/stateful-vs-stateless/"),
    ("en", "cokie", "en/log-vs-cookie/"),
    ("ko", "kubernets", "kubernetes-cluster/"),
])
def test_an_english_misspelling_finds_the_page(box_on, site_url, vocabulary, locale, query, page):
    assert_unknown(query, locale, vocabulary)
    box = box_on(locale)
    results = paths(box.search(query), site_url)
    assert page in results[:5], results
    assert all(p.startswith("en/") == (locale == "en") for p in results), results


def test_a_near_match_is_highlighted_as_found(box_on, site_url):
    box = box_on("en")
    box.search("kubernets")
    href = box.page.locator("a.md-search-result__link[href*='kubernetes-cluster/']").first.get_attribute("href")
    assert "h=kubernetes" in href, href
    # The word as typed is not listed as missing where its near match was found.
    assert "kubernets" not in box.page.locator(".md-search-result__list").inner_text()


@pytest.mark.parametrize("locale, query, page", [
    ("en", "orchestrate", "en/docker-kubernetes/"),   # the pages say orchestration, orchestrator
    ("en", "scheduling", "en/kubernetes-cluster/"),   # scheduler, scheduled
    # English words on a Korean page: the term list's names (orchestration,
    # transaction) are among its hidden keywords.
    ("ko", "orchestrate", "docker-kubernetes/"),
    ("ko", "transactions", "oltp/"),
])
def test_an_english_word_form_finds_the_page(box_on, site_url, vocabulary, locale, query, page):
    assert_unknown(query, locale, vocabulary)
    results = paths(box_on(locale).search(query), site_url)
    assert page in results[:5], results


def test_initial_consonants_find_title_words(box_on, site_url):
    box = box_on("ko")
    results = paths(box.search("ㅋㅂㄴㅌㅅ"), site_url)
    assert "kubernetes-cluster/" in results[:5], results
    href = box.page.locator("a.md-search-result__link[href*='kubernetes-cluster/']").first.get_attribute("href")
    assert "h=%EC%BF%A0%EB%B2%84%EB%84%A4%ED%8B%B0%EC%8A%A4" in href, href    # h=쿠버네티스


def test_initial_consonants_never_match_body_text(box_on, site_url, vocabulary):
    # 항공권 is in the OLTP page's text, not in a title, heading or term.
    assert "항공권" in vocabulary["ko"]
    box = box_on("ko")
    assert "oltp/" in paths(box.search("항공권"), site_url)
    assert paths(box.search("ㅎㄱㄱ"), site_url) == []


@pytest.mark.parametrize("query, page", [
    ("도커컴포즈", "compose-vs-kubernetes/"),
    ("컨테이너런타임", "kubernetes-cluster/"),
    ("API서버", "kubernetes-cluster/"),
])
def test_a_compound_without_its_space_finds_the_page(box_on, site_url, query, page):
    results = paths(box_on("ko").search(query), site_url)
    assert page in results[:5], results


@pytest.mark.parametrize("locale, query, page, partial", [
    ("ko", "도커 컴포즈", "compose-vs-kubernetes/", "docker-kubernetes/"),
    ("ko", "도커컴포즈", "compose-vs-kubernetes/", "docker-kubernetes/"),
    ("en", "docker compose", "en/compose-vs-kubernetes/", "en/docker-kubernetes/"),
])
def test_a_page_matching_every_word_ranks_first(box_on, site_url, locale, query, page, partial):
    # The Docker & Kubernetes page has 도커 but not 컴포즈, and ranked first
    # by Material's scores. The home page and the glossary name every concept
    # and ask for a lower rank (search boost 0.5).
    results = paths(box_on(locale).search(query), site_url)
    assert results[0] == page, results
    assert results.index(page) < results.index(partial), results
    # The glossary's entry has both words, and its boost puts it below.
    glossary = sq.language_root(locale) + "glossary/"
    assert glossary not in results or results.index(page) < results.index(glossary), results
