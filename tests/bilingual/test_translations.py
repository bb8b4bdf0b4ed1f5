"""Every Korean page has an English counterpart with the same structure, and
each language has its own 404 page. (Where the language menu leads:
tests/reading/test_language_switch.py.)"""

import pytest

from devconcepts_testkit import DOCS
from bilingual.pages import output_for, source_pages
from bs4 import BeautifulSoup

KOREAN_SOURCES = source_pages(DOCS)


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _outline(soup):
    content = soup.select_one("article.md-content__inner")
    return [heading.name for heading in content.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def test_there_are_korean_pages():
    assert len(KOREAN_SOURCES) >= 8


@pytest.mark.parametrize("source", KOREAN_SOURCES, ids=lambda p: p.name)
def test_english_counterpart_exists(source):
    assert source.with_name(source.stem + ".en.md").exists()


@pytest.mark.parametrize("source", KOREAN_SOURCES, ids=lambda p: p.name)
def test_same_heading_structure(site, source):
    korean = _soup(output_for(site, source))
    english = _soup(output_for(site, source, "en"))
    assert korean.html["lang"] == "ko"
    assert english.html["lang"] == "en"
    assert _outline(korean) == _outline(english)


def test_each_language_has_its_own_404(site):
    korean, english = _soup(site / "404.html"), _soup(site / "en" / "404.html")
    assert korean.html["lang"] == "ko" and english.html["lang"] == "en"
    assert "찾을 수 없" in korean.h1.get_text()
    assert "not found" in english.h1.get_text().lower()
