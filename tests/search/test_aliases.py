"""Concept names from the term list: which sections mention a term, and which
names they get as hidden keywords."""

from __future__ import annotations

import pytest

from devconcepts.search.aliases import AliasMatcher
from devconcepts.search.tokenizer import SEPARATOR, compile_separator
from sitekit import LOCALES, TERMS_FILE
from devconcepts.terms.term_list import Term, load_terms

PATTERN = compile_separator(SEPARATOR)

TERMS = (
    Term(id="scheduler", names={"ko": "스케줄러", "en": "Scheduler"}, aliases={"en": ("kube-scheduler",)},
         page="kubernetes-cluster.md#마스터-노드-주요-구성-요소",
         pages={"ko": "kubernetes-cluster.md#마스터-노드-주요-구성-요소",
                "en": "kubernetes-cluster.md#main-control-plane-components"}),
    Term(id="rag", names={"ko": "검색 증강 생성", "en": "RAG"}, aliases={"ko": ("래그",)}),
    Term(id="log", names={"ko": "로그", "en": "Log"}, exclude={"ko": ("로그인",)}),
    Term(id="docker-compose", names={"ko": "도커 컴포즈", "en": "Docker Compose"},
         aliases={"en": ("Compose",)}, case_sensitive=True),
)


@pytest.fixture
def matcher():
    return AliasMatcher(TERMS, PATTERN)


def ids(terms):
    return sorted(t.id for t in terms)


@pytest.mark.parametrize("text, expected", [
    ("스케줄러(Scheduler)가 노드를 고른다", ["scheduler"]),
    ("스케줄러가 노드를 고른다", ["scheduler"]),          # particle on the name
    ("the kube-scheduler picks a node", ["scheduler"]),
    ("검색 증강 생성은 외부 데이터를 쓴다", ["rag"]),       # name of several words
    ("검색 결과를 생성한다", []),                          # its words, not the name
    ("RAG를 쓰면", ["rag"]),
    ("로그를 남긴다", ["log"]),
    ("로그인 세션", []),                                    # an excluded longer word
    ("Compose로 실행한다", ["docker-compose"]),
    ("compose a message", []),                              # case-sensitive name
])
def test_mentioned(matcher, text, expected):
    assert ids(matcher.mentioned(text)) == expected


def test_keywords_are_the_other_names(matcher):
    # The page says only "Scheduler"; a Korean reader types 스케줄러.
    assert matcher.keywords("Scheduler: picks a node") == {"스케줄러", "kube"}


def test_keywords_skip_names_the_text_already_finds(matcher):
    assert matcher.keywords("스케줄러(Scheduler)가 노드를 고른다") == {"kube"}
    assert matcher.keywords("래그란") == {"검색", "증강", "생성", "rag"}
    assert matcher.keywords("검색 증강 생성") == {"rag", "래그"}


def test_explained_by_uses_the_language_of_the_build(matcher):
    assert ids(matcher.explained_by("kubernetes-cluster.md", "ko")["마스터-노드-주요-구성-요소"]) == ["scheduler"]
    assert ids(matcher.explained_by("kubernetes-cluster.md", "en")["main-control-plane-components"]) == ["scheduler"]
    assert matcher.explained_by("oltp.md", "ko") == {}


@pytest.mark.parametrize("korean, english", [
    ("스케줄러", "scheduler"),
    ("무상태", "stateless"),
    ("검색 증강 생성", "RAG"),  # all capitals: as pages write it (the glossary's rule)
    ("미세 조정", "fine-tuning"),
    ("쿠버네티스", "k8s"),
])
def test_the_shared_term_list_links_both_names(korean, english):
    # The pairs the issue names, as the one term list the glossary uses has them.
    matcher = AliasMatcher(load_terms(TERMS_FILE, LOCALES), PATTERN)
    assert set(english.lower().split("-")) <= matcher.keywords(korean)
    assert set(korean.split()) <= matcher.keywords(english)
