"""The query normaliser (overrides/assets/javascripts/workers/devconcepts-search.js),
run in real Chromium with the particle list the plugin writes into the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from devconcepts.search.korean import PARTICLES

WORKER = Path(__file__).resolve().parents[2] / "overrides/assets/javascripts/workers/devconcepts-search.js"
STEMS = ["컨테이너", "스케줄러", "검색", "증강", "생성", "쿠버네티스", "클러스터", "로그인", "로그", "미세", "조정",
         "무상태", "서버", "속도"]

CASES = [
    ("컨테이너", "컨테이너"),                    # a known noun stays
    ("컨테이너를", "컨테이너"),                  # noun + particle → noun
    ("스케줄러가 하는 일", "스케줄러 일"),         # a lone particle or light verb is dropped
    ("쿠버네티스에서는", "쿠버네티스"),          # longest particle first
    ("rag란", "rag"),                            # Latin word + particle
    ("RAG를", "RAG"),
    ("k8s에서", "k8s"),
    ("검색증강생성", "검색 증강 생성"),          # compound of known nouns is split
    ("미세조정이란", "미세 조정"),               # ... also with a particle
    ("무상태서버", "무상태 서버"),
    ("로그인", "로그인"),                        # a known noun is not cut to a shorter one
    ("속도", "속도"),
    ("오케스트레이터를", "오케스트레이터"),     # unknown noun: particle dropped, 2+ syllables left
    ("추가", "추가"),                            # would leave one syllable: kept
    ("결과", "결과"),
    ("kubernetes cluster", "kubernetes cluster"),  # no Hangul: untouched
    ("+컨테이너를 -로그가", "+컨테이너 -로그"),  # Material's query syntax survives
    ("상태(session)를", "상태(session)"),
]


@pytest.fixture
def normalize(page):
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))

    def run(queries):
        return page.evaluate(
            """([particles, stems, queries]) => {
                 const normalize = DevconceptsSearch.createNormalizer({ particles, stems })
                 return queries.map(normalize)
               }""",
            [list(PARTICLES), STEMS, queries],
        )

    return run


@pytest.mark.browser
def test_normaliser_cases(normalize):
    queries = [q for q, _ in CASES]
    assert dict(zip(queries, normalize(queries))) == dict(CASES)


@pytest.mark.browser
def test_normaliser_without_stems_only_drops_particles(page):
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
    got = page.evaluate(
        """particles => DevconceptsSearch.createNormalizer({ particles, stems: [] })('컨테이너를 검색증강생성 추가')""",
        list(PARTICLES),
    )
    assert got == "컨테이너 검색증강생성 추가"
