"""Avoided spellings: the term list records, per term, the spellings pages must
not use (kubernetes.io/ko keeps `kubelet`, so 큐블릿 is avoided). A page or a
data file that uses one fails the build, naming the file, the line, the
spelling and the form to write."""

from __future__ import annotations

import pytest

from devconcepts_testkit import build_site
from sitekit import DIAGRAMS_DIR, LOCALES, SEED, TERMS_FILE
from devconcepts.glossary import variants
from devconcepts.terms.term_list import Term, TermListError, load_terms
from glossary.fixture_site import write_site

TERMS = load_terms(TERMS_FILE, LOCALES)
KO = variants.page_rules(TERMS, "ko")
EN = variants.page_rules(TERMS, "en")
NOTES = "\n".join(variants.normalise(line) for line in SEED.read_text(encoding="utf-8").splitlines())


def spellings(text: str, rules=KO, notes: str = "") -> list[tuple[int, str, str]]:
    return [(f.line, f.spelling, f.preferred) for f in variants.find_in_page(text, rules, notes)]


def test_a_page_that_writes_kyublit_fails_the_build_naming_file_line_and_form(tmp_path):
    config = write_site(tmp_path, {
        "index.md": "# 시작\n\nkubelet은 노드마다 실행된다.\n",
        "cluster.md": "---\ntitle: 클러스터\n---\n\n# 클러스터\n\n첫 줄.\n각 노드의 큐블릿은 파드를 실행한다.\n",
    })
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "docs/cluster.md:8: '큐블릿' is an avoided spelling; write 'kubelet'" in result.stderr


def test_the_preferred_forms_build(tmp_path):
    config = write_site(tmp_path, {"index.md": "# 시작\n\nkubelet과 kube-proxy, 스케줄러, 컨트롤 플레인, 파드.\n"})
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode == 0, result.stderr


def test_korean_spellings_take_particles_and_latin_ones_stop_at_a_word_boundary():
    assert spellings("스케쥴러가 노드를 고른다.") == [(1, "스케쥴러", "스케줄러")]
    assert spellings("큐브 프록시는 선택 사항이다.") == [(1, "큐브 프록시", "kube-proxy")]
    assert spellings("Kubelet이 보고한다.") == [(1, "Kubelet", "kubelet")]
    # The preferred forms, and longer words that merely contain a spelling.
    assert spellings("kubelet, kube-proxy, 스케줄러, 컨트롤 플레인, 워커 노드, 파드") == []
    assert spellings("Kubelets and MyKubelet") == []


def test_code_links_comments_and_quoted_mentions_are_exempt():
    text = "\n".join([
        "`큐블릿` 은 코드다.",
        "[문서](https://example.com/큐블릿) 링크 주소.",
        "<!-- 큐블릿 메모 -->",
        "예전에는 \"마스터 노드\"라고 불렀다.",
        "“마스터 노드”와 「워크 노드」.",
        "```text",
        "큐블릿 in a fence",
        "```",
        "마스터 노드라는 말은 쓰지 않는다.",
    ])
    assert spellings(text) == [(9, "마스터 노드", "컨트롤 플레인")]


def test_a_fence_closes_only_on_a_fence_at_least_as_long():
    text = "````\n```\n큐블릿\n````\n큐블릿\n"
    assert spellings(text) == [(5, "큐블릿", "kubelet")]


def test_the_source_notes_own_words_keep_their_spelling():
    text = "\n".join([
        "## 마스터 노드(Control Plane)",
        "| **Kube Proxy** | 네트워크 트래픽을 관리하여 서비스 간 통신 지원 |",
        "| **Kubelet** | 노드에서 컨테이너를 실행하고 관리 |",
        "마스터 노드는 예전 이름이다.",
        "| **Kube Proxy** | 새로 쓴 설명 |",
    ])
    found = spellings(text, notes=NOTES)
    # The notes' heading and table cells pass; our own sentence does not. A
    # row's cell passes on its own: the notes have that cell's words.
    assert found == [(4, "마스터 노드", "컨트롤 플레인")]


def test_english_pages_are_checked_against_the_english_spellings():
    assert spellings("The Kubelet reports to the API server.", EN) == [(1, "Kubelet", "kubelet")]
    assert spellings("큐블릿", EN) == []


def test_data_files_are_checked_outside_the_lines_that_list_spellings():
    rules = variants.data_rules(TERMS)
    text = ("- id: kubelet\n  names: {ko: kubelet, en: kubelet}\n  aliases: {ko: [큐블릿]}\n"
            "  avoid: {ko: [큐블릿]}\n  definitions:\n    ko: 큐블릿은 에이전트다.\n")
    assert [(f.line, f.spelling) for f in variants.find_in_data(text, rules)] == [(6, "큐블릿")]


def test_the_sites_data_uses_no_avoided_spelling():
    rules = variants.data_rules(TERMS)
    for path in [TERMS_FILE, *sorted(DIAGRAMS_DIR.glob("*.yml"))]:
        assert variants.find_in_data(path.read_text(encoding="utf-8"), rules) == [], path


def test_a_term_cannot_avoid_its_own_name(tmp_path):
    terms = tmp_path / "terms.yml"
    terms.write_text("- id: kubelet\n  names: {ko: kubelet, en: kubelet}\n  avoid: {ko: [kubelet]}\n",
                     encoding="utf-8")
    with pytest.raises(TermListError, match="avoid.ko lists the term's own name 'kubelet'"):
        load_terms(terms, LOCALES)


def test_the_term_list_records_the_kubernetes_io_ko_forms():
    by_id = {term.id: term for term in TERMS}
    assert by_id["kubelet"].names["ko"] == "kubelet" and "큐블릿" in by_id["kubelet"].avoid["ko"]
    assert by_id["kube-proxy"].names["ko"] == "kube-proxy" and "큐브 프록시" in by_id["kube-proxy"].avoid["ko"]
    assert "스케쥴러" in by_id["scheduler"].avoid["ko"]
    assert by_id["replica"].names["ko"] == "레플리카" and "복제본" in by_id["replica"].avoid["ko"]
    assert "서비스(Service)" in by_id["kubernetes-service"].avoid["ko"]
    assert "파드(Pod)" in by_id["pod"].avoid["ko"]
    # Avoided spellings may stay search aliases: people type them.
    assert "큐블릿" in by_id["kubelet"].aliases["ko"]
    assert isinstance(by_id["kubelet"], Term)
