"""Cards from a page's HTML: what each card says, and ids that survive an
answer's rewording (a question's, with the card-id lock)."""

from __future__ import annotations

import markdown
import pytest

from devconcepts.cards.extract import DuplicateCardError, card_id, extract, without_glosses

PAGE = '''\
# Topic

/// compare | Docker vs Kubernetes
    subjects: [Docker, Kubernetes]
    shared: 비슷한 점

+ 둘 다 **컨테이너**를 다룬다.

역할
: 컨테이너 생성 (`docker run`)
: [오케스트레이션](../glossary/#orchestration)
///

/// compare | 격리 수준
    subjects: [더티 리드, 반복 불가능한 읽기, 팬텀 리드]

READ COMMITTED
: 막음
: 허용
: 허용
///

??? question "파드란 무엇인가?"
    쿠버네티스에서 배포하는 **가장 작은 단위**다. `kubectl get pods`로 본다.

??? question "노드란?"
    파드가 실행되는 머신이다. [자세히](#nodes)
'''


def cards_of(source: str, locale: str = "ko"):
    html = markdown.markdown(source, extensions=["admonition", "pymdownx.details", "pymdownx.superfences",
                                                 "devconcepts.compare"],
                             extension_configs={"devconcepts.compare": {"locale": locale}})
    return extract(html, locale=locale, page="topic", shared_label="공통점")


def test_every_question_and_every_row_is_a_card_in_page_order():
    cards = cards_of(PAGE)
    assert [card.kind for card in cards] == ["shared", "row", "row", "question", "question"]
    shared, row, three, question, _ = cards
    assert shared.front == "Docker vs Kubernetes › 비슷한 점: Docker · Kubernetes"
    assert "<strong>컨테이너</strong>" in shared.back and "<ul>" in shared.back
    assert row.front == "Docker vs Kubernetes › 역할: Docker · Kubernetes"
    # Shown alone, a row names its table: which anomalies READ COMMITTED allows.
    assert three.front == "격리 수준 › READ COMMITTED: 더티 리드 · 반복 불가능한 읽기 · 팬텀 리드"
    assert question.front == "파드란 무엇인가?"
    assert question.back == "<p>쿠버네티스에서 배포하는 <strong>가장 작은 단위</strong>다. <code>kubectl get pods</code>로 본다.</p>"


def test_a_row_card_shows_its_cells_as_a_small_table():
    row = cards_of(PAGE)[1]
    assert row.back == ('<table><caption>Docker vs Kubernetes</caption><tbody>'
                        '<tr><th scope="row">Docker</th><td>컨테이너 생성 (<code>docker run</code>)</td></tr>'
                        '<tr><th scope="row">Kubernetes</th><td>오케스트레이션</td></tr></tbody></table>')


def test_links_into_the_site_become_their_text():
    question = cards_of(PAGE)[-1]
    assert question.back == "<p>파드가 실행되는 머신이다. 자세히</p>"


def test_ids_name_language_page_and_the_question_or_table_and_aspect():
    cards = cards_of(PAGE)
    assert cards[3].id == card_id("ko", "topic", "파드란 무엇인가?")
    assert cards[1].id == card_id("ko", "topic", "Docker vs Kubernetes\n역할")
    assert cards[0].id == card_id("ko", "topic", "Docker vs Kubernetes\n비슷한 점")
    assert cards[3].id.startswith("ko-topic-") and len(cards[3].id) == len("ko-topic-") + 12
    assert len({card.id for card in cards}) == len(cards)
    assert cards_of(PAGE, "en")[3].id != cards[3].id


def test_rewording_an_answer_keeps_the_id():
    before = {card.front: card for card in cards_of(PAGE)}
    after = {card.front: card for card in cards_of(
        PAGE.replace("**가장 작은 단위**다", "가장 작은 배포 단위이다").replace(": 막음", ": 막는다"))}
    for front in ("파드란 무엇인가?", "격리 수준 › READ COMMITTED: 더티 리드 · 반복 불가능한 읽기 · 팬텀 리드"):
        assert after[front].back != before[front].back
        assert after[front].id == before[front].id


def test_rewording_a_question_keeps_its_id_through_the_lock():
    # The page alone would give the reworded question a new hash; the lock
    # (tests/cards/test_lock.py) hands it back the id it had.
    from devconcepts.cards import lock

    before, entries, _ = lock.assign(cards_of(PAGE), [], "ko")
    reworded = cards_of(PAGE.replace("파드란 무엇인가?", "파드는 무엇인가?"))
    assert reworded[3].id not in [card.id for card in before]
    after, _, gone = lock.assign(reworded, entries, "ko")
    assert [card.id for card in after] == [card.id for card in before] and gone == []


def test_deleting_a_question_removes_its_card():
    removed = '??? question "노드란?"\n    파드가 실행되는 머신이다. [자세히](#nodes)\n'
    before = [card.id for card in cards_of(PAGE)]
    after = [card.id for card in cards_of(PAGE.replace(removed, ""))]
    assert after == before[:-1]


def test_two_questions_with_one_text_fail():
    with pytest.raises(DuplicateCardError, match="파드란 무엇인가"):
        cards_of(PAGE + '\n??? question "파드란 무엇인가?"\n    다른 답.\n')


def test_a_page_without_self_check_or_table_has_no_cards():
    assert cards_of("# Title\n\nText.\n\n!!! note\n    Not a question.\n") == []


CORRECTED = '''\
# Topic

/// compare | Compose vs Kubernetes
    subjects: [Compose (컴포즈), "Kubernetes (K8s, 쿠버네티스)"]
    corrected: {용도: 최신 정보}

용도
: 개발 환경 (development)
: 운영 환경
///

!!! info "보충"
    다른 이야기.

!!! info "최신 정보"
    Compose도 **운영 환경**에서 쓰인다. 출처: [docs.docker.com](https://docs.docker.com/compose/)
'''


def test_a_corrected_row_carries_its_note_on_the_back():
    [row] = cards_of(CORRECTED)
    table, note = row.back.split('<div class="card-note">')
    assert "<td>개발 환경 (development)</td>" in table
    assert note == ('<p><strong>최신 정보</strong></p><p>Compose도 <strong>운영 환경</strong>에서 쓰인다. '
                    '출처: <a href="https://docs.docker.com/compose/" rel="noopener">docs.docker.com</a></p></div>')
    assert "다른 이야기" not in row.back


def test_an_uncorrected_row_carries_no_note():
    assert "card-note" not in cards_of(CORRECTED.replace("    corrected: {용도: 최신 정보}\n", ""))[0].back


def test_other_languages_cards_drop_korean_glosses():
    english = CORRECTED.replace("corrected: {용도: 최신 정보}", "corrected: {용도: What\'s changed}") \
        .replace("최신 정보\"", "What\'s changed\"").replace("개발 환경 (development)", "Development (개발)")
    [row] = cards_of(english, "en")
    assert row.front == "Compose vs Kubernetes › 용도: Compose · Kubernetes (K8s)"
    assert '<th scope="row">Compose</th><td>Development</td>' in row.back
    # Korean cards keep them: they are the page's words.
    assert cards_of(CORRECTED)[0].front == "Compose vs Kubernetes › 용도: Compose (컴포즈) · Kubernetes (K8s, 쿠버네티스)"


def test_without_glosses_keeps_parentheses_without_korean():
    assert without_glosses("maxSurge(25%) and RAG (Retrieval-Augmented Generation, 검색 증강 생성)") == \
        "maxSurge(25%) and RAG (Retrieval-Augmented Generation)"
    assert without_glosses("Stateless (상태 유지 X)") == "Stateless"
