"""The review page in the site: both languages, linked from the navigation
after the glossary, out of the print book, the home page's topic cards and
the search index; and in tiny sites, the build's errors."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from compare.sites import build

from cards.reviewkit import LANGUAGES, page_cards


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_review_pages_are_in_the_navigation_after_the_glossary(site):
    for home, review in (("index.html", "review/"), ("en/index.html", "en/review/")):
        links = [a["href"] for a in _soup(site / home).select(".md-nav--primary > .md-nav__list > li > a")]
        names = [href.rstrip("/").rsplit("/", 1)[-1] for href in links]
        assert "review" in names, links
        assert names.index("review") == names.index("glossary") + 1, links
    assert _soup(site / "review/index.html").html["lang"] == "ko"
    assert _soup(site / "en/review/index.html").html["lang"] == "en"


def test_review_pages_stay_out_of_the_book_the_home_cards_and_search(site):
    for book in ("print/index.html", "en/print/index.html"):
        text = (site / book).read_text(encoding="utf-8")
        assert "data-card=" not in text and "data-review" not in text
        assert not _soup(site / book).select("h1#복습-카드, h1#review-cards")
    for home in ("index.html", "en/index.html"):
        cards = _soup(site / home).select(".grid.cards a")
        assert cards and not [a["href"] for a in cards if "review" in a["href"]]
    for index in site.rglob("search_index.json"):
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert locations and not [loc for loc in locations if loc.startswith(("review/", "en/review/"))]


def test_every_language_has_its_own_cards(site):
    ko, en = (page_cards(site, locale) for locale in LANGUAGES)
    assert len(ko) == len(en)
    assert all(card["data-card"].startswith("ko-") for card in ko)
    assert all(card["data-card"].startswith("en-") for card in en)
    topics = {card["data-topic"] for card in ko}
    assert "oltp" in topics and not topics & {"index", "glossary", "print", "review"}


REVIEW = {"review.md": "# 복습\n", "review.en.md": "# Review\n"}
PLUGINS = "- devconcepts-cards"
EXTENSIONS = "- admonition\n- pymdownx.details"


def test_two_questions_with_one_text_fail_at_the_second(tmp_path):
    page = '# 주제\n\n??? question "같은 질문?"\n    답 하나.\n\n??? question "같은 질문?"\n    답 둘.\n'
    result = build(tmp_path, {"topic.md": page, "topic.en.md": "# Topic\n", **REVIEW},
                   plugin=PLUGINS, extensions=EXTENSIONS)
    assert result.returncode != 0
    assert "docs/topic.md:6: two cards of 'topic' have the same text '같은 질문?'" in result.stderr


def test_a_missing_review_page_fails(tmp_path):
    result = build(tmp_path, {"topic.md": "# 주제\n"}, plugin=PLUGINS, extensions=EXTENSIONS)
    assert result.returncode != 0
    assert "mkdocs.yml: devconcepts-cards: page: the review page 'docs/" in result.stderr, result.stderr
    assert "review.md' does not exist" in result.stderr, result.stderr


def test_a_tiny_site_gets_its_cards_and_decks(tmp_path):
    page = '# 주제\n\n??? question "질문?"\n    **답**.\n'
    result = build(tmp_path, {"topic.md": page, "topic.en.md": '# Topic\n\n??? question "Question?"\n    Answer.\n',
                              **REVIEW}, plugin=PLUGINS, extensions=EXTENSIONS)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for locale, path in LANGUAGES.items():
        assert len(page_cards(site, locale)) == 1
        assert (site / path / f"devconcepts-{locale}.apkg").is_file()
        listing = json.loads((site / path / "cards.json").read_text(encoding="utf-8"))
        assert [card["id"].split("-")[0] for card in listing["cards"]] == [locale]


def test_the_home_page_links_the_review_in_both_languages(site):
    for home, locale in (("index.html", "ko"), ("en/index.html", "en")):
        article = _soup(site / home).select_one("article.md-content__inner")
        links = [a for a in article.select("a[href]") if a["href"].rstrip("/").endswith("review")]
        assert links, f"{home}: no link to the review page"
        for link in links:
            target = (site / home).parent / link["href"] / "index.html"
            assert target.resolve() == (site / LANGUAGES[locale] / "index.html").resolve()
            assert not link.find_parent(class_="grid"), "the topic cards stay topics"
