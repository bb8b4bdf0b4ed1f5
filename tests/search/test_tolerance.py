"""The forgiving part of the search worker (devconcepts-search-tolerance.js, built
from src/devconcepts/search/worker/tolerance.mjs), run in real Chromium on a
small vocabulary: jamo distance, English distance thresholds, initial
consonants, the cap on near matches, and ranking by query words matched."""

from __future__ import annotations

from pathlib import Path

import pytest

BUNDLE = Path(__file__).resolve().parents[2] / "overrides/assets/javascripts/workers/devconcepts-search-tolerance.js"

# [word, sections that have it, in a section title]
VOCABULARY = [
    ["스케줄러", 3, True], ["스케줄러가", 2, False], ["트랜잭션", 4, True], ["쿠버네티스", 9, True],
    ["클러스터", 5, True], ["컨테이너", 8, True], ["런타임", 2, False], ["쿠키", 3, True], ["로그", 3, True],
    ["항공권", 1, False], ["도커", 6, True], ["도커심", 1, False], ["kubernetes", 9, True],
    ["stateful", 3, True], ["stateless", 3, True], ["cookie", 4, True], ["cookies", 2, False],
    ["log", 3, True], ["logs", 2, False], ["login", 2, False], ["node", 5, True], ["nodes", 2, False],
    ["scheduler", 2, False], ["scheduled", 1, False], ["cache", 1, False], ["caches", 1, False],
    ["cached", 1, False], ["caching", 1, False], ["cacher", 1, False], ["cachet", 1, False],
    ["bazel", 1, False], ["hazel", 1, False], ["razel", 1, False], ["mazel", 1, False], ["dazel", 1, False],
]

# A toy stemmer, enough for these words; the worker uses lunr's Porter stemmer.
STEM = r"""w => w.replace(/(ing|ed|s|er)$/, "").replace(/(.)\1$/, "$1").replace(/e$/, "")"""


@pytest.fixture
def tolerance(page):
    page.add_script_tag(content=BUNDLE.read_text(encoding="utf-8"))

    def run(script: str, *args):
        return page.evaluate(
            f"""([vocabulary, args]) => {{
                 const T = DevconceptsSearchTolerance
                 const t = T.createTolerance(vocabulary, {{ stem: {STEM} }})
                 return ({script})(t, T, ...args)
               }}""",
            [VOCABULARY, list(args)],
        )

    return run


@pytest.mark.browser
def test_korean_distance_is_counted_on_jamo(tolerance):
    assert tolerance("(t, T) => [T.jamo('스케쥴러'), T.distance(T.jamo('스케쥴러'), T.jamo('스케줄러'), 2)]") == [
        "ㅅㅡㅋㅔㅈㅠㄹㄹㅓ", 1]
    # 렌/랜 and 젝/잭: two jamo, although two of four syllables differ.
    assert tolerance("(t, T) => T.distance(T.jamo('트렌젝션'), T.jamo('트랜잭션'), 2)") == 2
    assert tolerance("(t) => [t.nearOf('스케쥴러'), t.nearOf('트렌젝션'), t.nearOf('쿠기')]") == [
        ["스케줄러"], ["트랜잭션"], ["쿠키"]]


@pytest.mark.browser
def test_near_matches_only_within_the_allowed_distance(tolerance):
    # 또커 is one jamo from 도커 (ㄸ/ㄷ); 트렌젝숀 is three from 트랜잭션, and
    # 11 jamo allow two.
    assert tolerance("(t) => [t.nearOf('또커'), t.nearOf('트렌젝숀')]") == [["도커"], []]
    # English: none under 5 letters, 1 from 5, 2 from 8.
    assert tolerance("(t) => [t.nearOf('lgo'), t.nearOf('nodez'), t.nearOf('cokie'), t.nearOf('kubernets'),"
                     " t.nearOf('kubrnets'), t.nearOf('statful'), t.nearOf('staetful')]") == [
        [], ["node"], ["cookie"], ["kubernetes"], ["kubernetes"], ["stateful"], ["stateful"]]


@pytest.mark.browser
def test_near_matches_are_capped_and_skip_extensions(tolerance):
    # Five words are one letter from gazel; the most used and shortest first.
    assert tolerance("(t, T) => [t.nearOf('gazel'), T.NEAR]") == [["bazel", "dazel", "hazel"], 3]
    # cookies (also 1 away) only extends cookie, which Material already
    # matches as a prefix.
    assert tolerance("(t) => t.nearOf('cookis')") == ["cookie"]


@pytest.mark.browser
def test_exact_and_prefix_matches_need_no_tolerance(tolerance):
    alts = tolerance("(t) => ['스케줄', 'kube', 'stateles'].map(w => t.alternatives(w))")
    assert alts == [[{"term": "스케줄", "kind": "exact"}], [{"term": "kube", "kind": "exact"}],
                    [{"term": "stateles", "kind": "exact"}]]


@pytest.mark.browser
def test_initial_consonants_match_title_words_only(tolerance):
    assert tolerance("(t) => [t.initialsOf('ㅋㅂㄴㅌㅅ'), t.initialsOf('ㅋㅂ'), t.initialsOf('ㄷㅋ')]") == [
        ["쿠버네티스"], ["쿠버네티스"], ["도커"]]
    # 항공권 is only in body text; 런타임 and 도커심 are not in titles either.
    assert tolerance("(t) => [t.initialsOf('ㅎㄱㄱ'), t.initialsOf('ㄹㅌㅇ'), t.initialsOf('ㄷㅋㅅ')]") == [
        [], [], []]
    plan = tolerance("(t) => t.rewrite('ㅋㅂㄴㅌㅅ', /\\s+/)")
    assert plan["query"] == "title:쿠버네티스"


@pytest.mark.browser
def test_english_forms_are_exact_terms(tolerance):
    plan = tolerance("(t) => t.rewrite('logging caches', /\\s+/)")
    # logging: no indexed word starts with it; log and logs share its stem,
    # login does not. `^1` keeps Material from adding a wildcard.
    # caches has an exact match and its forms; at most FORMS of them.
    assert plan["query"].split() == ["log^1", "logs^1", "caches", "cache^1", "cached^1", "cacher^1", "caching^1"]


@pytest.mark.browser
def test_glued_scripts_are_split_when_the_whole_has_no_match(tolerance):
    plan = tolerance("(t) => t.rewrite('kubernetes클러스터', /\\s+/)")
    assert [w["text"] for w in plan["words"]] == ["kubernetes", "클러스터"]


RESULT = {"items": [
    # Material's order: a page matching one word strongly comes first.
    [{"location": "a/", "score": 9, "terms": {"도커": True, "컴포즈": False}}],
    [{"location": "g/", "score": 5, "boost": 0.5, "terms": {"도커": True, "컴포즈": True}}],
    [{"location": "b/", "score": 3, "terms": {"도커": True, "컴포즈": True}},
     {"location": "b/#x", "score": 2, "terms": {"도커": True, "컴포즈": False}}],
    [{"location": "n/", "score": 8, "terms": {"도커": True, "컴퍼즈": True}}],
]}


@pytest.mark.browser
def test_pages_matching_every_word_rank_first(tolerance):
    order = tolerance(
        """(t, T, result) => {
             const plan = { words: [
               { text: '도커', counts: true, alts: [{ term: '도커', kind: 'exact' }] },
               { text: '컴포즈', counts: true, alts: [{ term: '컴포즈', kind: 'exact' },
                                                     { term: '컴퍼즈', kind: 'near' }] }] }
             return T.rerank(result, plan).items.map(g => g[0].location)
           }""",
        RESULT,
    )
    # Every word exactly (the glossary's boost 0.5 below the topic page),
    # then every word with a near match, then some of the words.
    assert order == ["b/", "g/", "n/", "a/"]


@pytest.mark.browser
def test_missing_words_are_shown_as_typed(tolerance):
    terms = tolerance(
        """(t, T, result) => {
             const plan = t.rewrite('쿠키 트렌젝션 kubernets', /\\s+/)
             result.items[0][0].terms = { '쿠키': true, '트랜잭션': false, 'kubernetes': true }
             return T.rerank(result, plan).items[0][0].terms
           }""",
        RESULT,
    )
    assert terms == {"쿠키": True, "kubernetes": True, "트렌젝션": False}


@pytest.mark.browser
def test_a_section_matching_every_word_ranks_above_words_spread_over_sections(tolerance):
    order = tolerance(
        """(t, T) => {
             const plan = { words: [
               { text: 'jwt', counts: true, alts: [{ term: 'jwt', kind: 'exact' }] },
               { text: 'storage', counts: true, alts: [{ term: 'storage', kind: 'exact' }] }] }
             const result = { items: [
               // Material's order: each word in a section of its own comes first.
               [{ location: 's/', score: 9, terms: { jwt: false, storage: true } },
                { location: 's/#a', score: 4, terms: { jwt: true, storage: false } }],
               [{ location: 'l/#b', score: 3, terms: { jwt: true, storage: true } }],
               [{ location: 'o/', score: 8, terms: { jwt: false, storage: true } }]] }
             return T.rerank(result, plan).items.map(g => g[0].location)
           }""",
    )
    assert order == ["l/#b", "s/", "o/"]
