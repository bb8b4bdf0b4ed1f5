"""The devconcepts.glossary Markdown extension on its own (no MkDocs): first
use only, the places it never marks, explicit references and their errors."""

import re

import markdown
import pytest

from sitekit import TERMS_FILE
from devconcepts.glossary.extension import GlossaryExtension
from devconcepts.glossary.references import UnknownTermError


def render(text, locale="ko"):
    return markdown.markdown(text, extensions=[
        "tables", "admonition", "pymdownx.details", "pymdownx.superfences",
        GlossaryExtension(locale=locale, glossary_page="../glossary/", terms_file=str(TERMS_FILE))])


def links(html):
    return re.findall(r'<a class="term" data-term="([^"]+)" href="([^"]+)" title="([^"]*)">([^<]*)</a>', html)


def test_first_use_only():
    html = render("etcd는 저장소다. etcd에 쓴다.\n\n다시 etcd를 본다.")
    assert [term for term, *_ in links(html)] == ["etcd"]


def test_link_points_at_the_glossary_entry_and_carries_the_definition():
    ((term, href, title, text),) = links(render("스케줄러가 고른다."))
    assert (term, href, text) == ("scheduler", "../glossary/#scheduler", "스케줄러")
    assert title == "새로 만든 파드를 실행할 노드를 고르는 컨트롤 플레인 컴포넌트."


def test_english_page_gets_english_definition():
    ((_, _, title, _),) = links(render("The scheduler decides.", locale="en"))
    assert title == "The control-plane component that picks a node for each new Pod."


def test_particle_stays_outside_the_link():
    html = render("쿠버네티스의 컴포넌트")
    assert re.search(r">쿠버네티스</a>의 <a [^>]*>컴포넌트</a>", html)


@pytest.mark.parametrize("text", [
    "# etcd는 제목\n",
    "`etcd는 코드`\n",
    "```\netcd는 코드 블록\n```\n",
    "[etcd 링크](https://etcd.io/)\n",
    "| etcd |\n|---|\n| 값 |\n",
    "!!! info \"etcd 제목\"\n    본문\n",
    "??? question \"etcd란?\"\n    답\n",
])
def test_never_marked_in_headings_code_links_table_headers_or_titles(text):
    assert links(render(text)) == []


def test_use_in_a_skipped_place_does_not_count_as_first_use():
    html = render("# etcd 제목\n\n`etcd`\n\netcd는 저장소다.")
    assert [text for *_, text in links(html)] == ["etcd"]
    assert re.search(r'<p><a class="term"[^>]*>etcd</a>는 저장소다', html)


def test_explicit_reference_links_by_id_with_name_or_given_text():
    html = render("[[term:etcd]]와 [[term:kubelet|노드 에이전트]]")
    assert [(term, text) for term, _, _, text in links(html)] == [("etcd", "etcd"), ("kubelet", "노드 에이전트")]


def test_explicit_reference_counts_as_the_first_use():
    assert [term for term, *_ in links(render("[[term:etcd]]를 쓴다. etcd는 저장소다."))] == ["etcd"]


def test_unknown_reference_fails_with_its_line():
    with pytest.raises(UnknownTermError, match=r"line 4: unknown term 'etcdd'"):
        render("# 제목\n\n첫 문단\n다음 줄 [[term:etcdd]]\n")


def test_reference_in_code_is_left_alone():
    assert "[[term:nope]]" in render("`[[term:nope]]`")
    # The error names the line of the reference outside code, not the first one reading it.
    with pytest.raises(UnknownTermError, match=r"line 5: unknown term 'nope'"):
        render("`[[term:nope]]`\n```\n[[term:nope]]\n```\n[[term:nope]]")


def test_glossary_page_is_not_marked():
    html = render("etcd는 저장소다.\n\n/// glossary\n///\n")
    assert links(html) == []
    assert 'id="etcd"' in html
