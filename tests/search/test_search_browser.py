"""Material's search on the real site, in real Chromium: each language searches
its own pages, Korean words are found whatever is glued to them, and the
results look as Material draws them."""

from __future__ import annotations

import re

import pytest

from devconcepts_testkit import search_queries as sq
from .searchbox import box_on, paths  # noqa: F401 (box_on is a fixture)

pytestmark = pytest.mark.browser



@pytest.mark.parametrize("locale, query", [("ko", "쿠버네티스"), ("ko", "kubernetes"), ("en", "kubernetes"),
                                           ("en", "쿠버네티스")])
def test_each_language_searches_only_its_own_pages(box_on, site_url, locale, query):
    box = box_on(locale)
    results = paths(box.search(query), site_url)
    assert len(results) >= 3
    assert all(p.startswith("en/") == (locale == "en") for p in results), results
    assert len(results) == len(set(results)), "a page is listed twice"
    # The page downloaded its own language's index and no other.
    expected = site_url + sq.language_root(locale) + "search/search_index.json"
    assert set(box.index_requests) == {expected}


@pytest.mark.parametrize("query, page", [
    ("클러스터링", "compose-vs-kubernetes/"),   # 멀티 서버(클러스터링)
    ("거래", "oltp/"),                          # 트랜잭션(거래)을
    ("Session", "stateful-vs-stateless/"),      # 상태(Session, Data)를
    ("항공권", "oltp/"),                        # (항공권, 호텔 예약)
    ("컨테이너를", "docker-kubernetes/"),       # query with a particle
    ("스케줄러가", "kubernetes-cluster/"),
    ("검색증강생성", "fine-tuning-vs-rag/"),    # compound typed without spaces
])
def test_korean_words_are_found_whatever_is_glued_to_them(box_on, site_url, query, page):
    assert page in paths(box_on("ko").search(query), site_url)[:5]


def test_snippets_show_the_page_text_with_the_match_marked(box_on):
    box = box_on("ko")
    box.search("클러스터링")
    article = box.page.locator(".md-search-result__article", has=box.page.locator("mark")).first
    marks = article.locator("mark").all_inner_texts()
    text = article.inner_text()
    assert "클러스터링" in marks
    # As written on the page: the bracket is still there, nothing was inserted.
    assert "(클러스터링)" in text
    assert "\u200b" not in text and "\u200b" not in article.inner_html()


def test_a_result_highlights_the_words_on_the_page(box_on):
    box = box_on("ko")
    box.search("스케줄러가")
    link = box.page.locator("a.md-search-result__link[href*='kubernetes-cluster/']").first
    href = link.get_attribute("href")
    # The highlight carries the normalised query, not the particle form.
    assert re.search(r"[?&]h=%EC%8A%A4%EC%BC%80%EC%A4%84%EB%9F%AC(&|$)", href), href
    box.page.goto(href)
    box.page.wait_for_selector("mark[data-md-highlight]")
    marks = box.page.locator("mark[data-md-highlight]").all_text_contents()
    assert marks and all(m.startswith("스케줄러") for m in marks), marks


def test_suggestion_completes_a_title_word(box_on):
    box = box_on("ko")
    box.search("쿠버")
    suggestion = box.page.locator(".md-search__suggest")
    suggestion.wait_for(state="attached")
    box.page.wait_for_function("() => document.querySelector('.md-search__suggest').textContent.length > 0")
    assert suggestion.text_content() == "쿠버네티스"


@pytest.mark.parametrize("locale, query", [
    ("en", "jwt storage"),   # "storage" only inside localStorage / sessionStorage on the page
    ("ko", "jwt storage"),
    ("ko", "jwt 저장"),      # the Korean page's words for it
])
def test_a_section_on_every_word_ranks_its_page_first(box_on, site_url, locale, query):
    # The page on where a JWT is kept, not a page that names JWT in one
    # section and storage in another.
    results = paths(box_on(locale).search(query), site_url)
    assert results and results[0] == sq.language_root(locale) + "log-vs-cookie/", results


def test_a_table_snippet_separates_its_cells(box_on):
    box = box_on("ko")
    box.search("추적하는")
    article = box.page.locator(".md-search-result__article", has=box.page.locator("mark")).first
    text = " ".join(article.inner_text().split())
    assert "사용됨. · 사용자의 브라우저에 저장되는 정보. / 활용 · 보안 감사" in text, text
