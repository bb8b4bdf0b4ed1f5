"""The word separator and the particle helpers (build side), and the separator
read by Chromium's RegExp the way Material's worker reads it."""

from __future__ import annotations

import json

import pytest

from devconcepts.search.korean import PARTICLES, has_hangul, without_particle
from devconcepts.search.tokenizer import SEPARATOR, compile_separator, compound_parts, plain_text, split_words

PATTERN = compile_separator(SEPARATOR)

# Text from the notes where Material's default separator ([\s\-]+) glued the
# word to a bracket or comma, and what must come out.
GLUED = [
    ("멀티 서버(클러스터링) 지원", ["멀티", "서버", "클러스터링", "지원"]),
    ("다수의 트랜잭션(거래)을 빠르게", ["다수의", "트랜잭션", "거래", "을", "빠르게"]),
    ("상태(Session, Data)를 유지", ["상태", "Session", "Data", "를", "유지"]),
    ("예약 시스템 (항공권, 호텔 예약).", ["예약", "시스템", "항공권", "호텔", "예약"]),
    ("용도·배포 방식", ["용도", "배포", "방식"]),
    ("“무상태” 서버…", ["무상태", "서버"]),
    ("kube-proxy와 etcd", ["kube", "proxy와", "etcd"]),
    ("Docker &amp; Kubernetes", ["Docker", "Kubernetes"]),
    ("a &lt;b&gt; c", ["a", "b", "c"]),
]


def words(text: str) -> list[str]:
    return [w.text for w in split_words(text, PATTERN)]


@pytest.mark.parametrize("text, expected", GLUED)
def test_separator_splits_at_brackets_and_punctuation(text, expected):
    assert words(text) == expected


def test_word_offsets_point_into_the_original_text():
    text = "상태(Session, Data)를"
    assert [text[w.start:w.end] for w in split_words(text, PATTERN)] == ["상태", "Session", "Data", "를"]


def test_plain_text_drops_tags_and_entities():
    assert words(plain_text("<p>도커(Docker)</p><ul><li>파드&amp;노드</li></ul>")) == ["도커", "Docker", "파드", "노드"]


@pytest.mark.browser
def test_chromium_splits_like_python(page):
    # Material's worker compiles config.separator with `new RegExp(separator)`
    # and walks it with a global copy; the highlighter embeds it in a larger
    # expression. The same string must mean the same to both languages.
    texts = [text for text, _ in GLUED]
    got = page.evaluate(
        """([separator, texts]) => texts.map(text => {
             const re = new RegExp(new RegExp(separator), "g"), out = []
             let index = 0, match
             while ((match = re.exec(text))) {
               if (match.index > index) out.push(text.slice(index, match.index))
               index = match.index + match[0].length
             }
             if (index < text.length) out.push(text.slice(index))
             new RegExp(`(^|${separator}|)(x)`, "img")
             return out
           })""",
        [json.loads(json.dumps(SEPARATOR)), texts],
    )
    assert got == [words(text) for text in texts]


def test_particles_longest_first():
    assert list(PARTICLES) == sorted(PARTICLES, key=lambda p: (-len(p), p))
    assert PARTICLES.index("에서는") < PARTICLES.index("는")


@pytest.mark.parametrize("word, expected", [
    ("컨테이너를", "컨테이너"),
    ("스케줄러가", "스케줄러"),
    ("서버에서는", "서버"),
    ("rag란", "rag"),
])
def test_without_particle_longest_first(word, expected):
    assert without_particle(word)[0] == expected


def test_without_particle_keeps_something():
    assert without_particle("는") == ()
    assert without_particle("도커") == ()


def test_has_hangul():
    assert has_hangul("k8s클러스터") and not has_hangul("k8s")


@pytest.mark.parametrize("word, parts", [
    ("localStorage", ["local", "storage"]),
    ("HttpOnly", ["http", "only"]),
    ("HTTPServer", ["http", "server"]),
    ("StatefulSet", ["stateful", "set"]),
    ("iOS", []),            # parts too short to be words of their own
    ("JWT", []), ("kubelet", []), ("Cookie", []), ("rfc6265bis", []), ("쿠키", []),
])
def test_latin_compounds_split_at_their_capitals(word, parts):
    assert compound_parts(word) == parts
