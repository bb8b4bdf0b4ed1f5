"""Finding term spellings in text: Korean particles, Latin word edges, plurals,
case, excluded longer words, longest spelling first. Uses the real term list."""

import pytest

from devconcepts.terms.matching import TermMatcher
from sitekit import LOCALES, TERMS_FILE
from devconcepts.terms.term_list import load_terms

MATCHER = TermMatcher(load_terms(TERMS_FILE, LOCALES))


def found(text):
    return [(m.term.id, m.text) for m in MATCHER.finditer(text)]


@pytest.mark.parametrize("text, term, spelling", [
    ("etcd는 키-값 저장소다", "etcd", "etcd"),
    ("스케줄러가 노드를 고른다", "scheduler", "스케줄러"),
    ("쿠버네티스의 컴포넌트", "kubernetes", "쿠버네티스"),
    ("Pod를 만든다", "pod", "Pod"),
    ("컨트롤 플레인에서", "control-plane", "컨트롤 플레인"),
    ("워커노드에서", "worker-node", "워커노드"),
    ("API 서버만 etcd에 접근한다", "api-server", "API 서버"),
])
def test_term_followed_by_a_korean_particle_is_found(text, term, spelling):
    assert found(text)[0] == (term, spelling)


@pytest.mark.parametrize("text", ["Podcast", "iPod", "containerd", "CRI-O", "Etcdx", "kube-proxyd"])
def test_latin_spelling_inside_a_longer_word_is_not_found(text):
    assert found(text) == []


@pytest.mark.parametrize("text, excluded", [
    ("로그인 유지", "로그"),
    ("로그아웃 버튼", "로그"),
    ("멀티 서버(클러스터링) 지원", "클러스터"),
])
def test_excluded_longer_korean_word_is_not_found(text, excluded):
    assert all(spelling != excluded for _, spelling in found(text))


def test_hangul_spelling_does_not_match_inside_a_longer_word():
    # `노드` (node) is not the end of some longer Korean word.
    assert found("에노드") == []


def test_english_plural_is_part_of_the_match():
    assert found("Pods run on worker nodes") == [("pod", "Pods"), ("worker-node", "worker nodes")]


def test_all_capital_spelling_matches_only_as_written():
    assert found("the rest of the rag") == []
    assert found("RAG and REST API") == [("rag", "RAG"), ("rest-api", "REST API")]


def test_case_sensitive_term_ignores_everyday_word():
    assert found("a deployment model") == []
    assert found("a Deployment object") == [("deployment", "Deployment")]


def test_longest_spelling_wins():
    assert found("Docker Compose와 Docker") == [("docker-compose", "Docker Compose"), ("docker", "Docker")]
    assert found("컨테이너 런타임 인터페이스") == [("cri", "컨테이너 런타임 인터페이스")]


def test_spelling_broken_across_lines_is_found():
    assert found("the control\nplane") == [("control-plane", "control\nplane")]


def test_text_whose_case_folding_is_longer_keeps_its_offsets():
    # ß folds to two letters: the matches still point into the text as given.
    text = "Straße: etcd는 키-값 저장소다"
    (match,) = [m for m in MATCHER.finditer(text) if m.term.id == "etcd"]
    assert text[match.start:match.end] == "etcd" == match.text
