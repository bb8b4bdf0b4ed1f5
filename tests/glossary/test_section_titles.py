"""The glossary's "explained in" links read the title of the section they
lead to from that page's rendered table of contents: what the page shows,
whatever the anchor's origin (a custom `{#id}`, a repeated heading)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from glossary.fixture_site import own_term_list, write_site
from devconcepts_testkit import build_site

TERMS = """\
- id: widget
  names: {ko: 위젯, en: Widget}
  definitions: {ko: 시험용 용어., en: A test term.}
  page: index.md#own-id
- id: gadget
  names: {ko: 가젯, en: Gadget}
  definitions: {ko: 또 다른 용어., en: Another test term.}
  page: index.md#예시_1
- id: gizmo
  names: {ko: 기즈모, en: Gizmo}
  definitions: {ko: 페이지 전체를 가리키는 용어., en: A term for the whole page.}
  page: index.md#시작-페이지
"""

PAGE = """\
# 시작 페이지

## 위젯 `설명` {#own-id}

본문.

## 예시

첫째.

## 예시

둘째.
"""


def test_section_titles_come_from_the_rendered_page(tmp_path):
    config = write_site(tmp_path, {"index.md": PAGE})
    own_term_list(tmp_path, TERMS)
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode == 0, result.stderr
    glossary = BeautifulSoup((tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
    links = {a["href"].rpartition("#")[2]: a.get_text() for a in glossary.select("a.glossary__more")}
    assert links == {
        "own-id": "설명: 시작 페이지 › 위젯 설명",
        "예시_1": "설명: 시작 페이지 › 예시",
        "시작-페이지": "설명: 시작 페이지",
    }
    assert glossary.select("[data-section]") == []
