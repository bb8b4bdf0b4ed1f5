"""The glossary pages of the real site: generated from terms.yml at build,
one anchored entry per term, sorted per language, in the navigation; every
term's explaining section exists; term links on topic pages lead to entries."""

from __future__ import annotations

import pytest

from sitekit import TERMS_FILE
from devconcepts.glossary.page import first_letter
from devconcepts.terms.term_list import load_terms
from glossary.site_pages import LOCALES, TOPICS, article, built, soup

TERMS = load_terms(TERMS_FILE, LOCALES)


def entries(site, locale):
    return article(site, "glossary.md", locale).select("h2.glossary__term")


@pytest.mark.parametrize("locale", LOCALES)
def test_glossary_page_has_one_anchored_entry_per_term(site, locale):
    ids = [heading["id"] for heading in entries(site, locale)]
    assert sorted(ids) == sorted(term.id for term in TERMS)


@pytest.mark.parametrize("locale", LOCALES)
def test_entry_shows_name_definition_and_section_link(site, locale):
    content = article(site, "glossary.md", locale)
    for term in TERMS:
        heading = content.select_one(f"h2#{term.id}")
        assert heading.dfn.get_text() == term.names[locale]
        definition = heading.find_next_sibling("p")
        assert definition.get_text() == term.definitions[locale]
        more = definition.find_next_sibling("p").select_one("a.glossary__more")
        assert more["href"].endswith("#" + term.page_for(locale).partition("#")[2])


@pytest.mark.parametrize("locale", LOCALES)
def test_the_index_and_the_contents_link_each_first_letter_to_its_first_entry(site, locale):
    headings = entries(site, locale)
    expected, seen = [], set()
    for heading in headings:
        letter = first_letter(heading.dfn.get_text())
        if letter not in seen:
            seen.add(letter)
            expected.append((letter, f"#{heading['id']}"))
    index = article(site, "glossary.md", locale).select("nav.glossary__index a")
    assert [(a.get_text(), a["href"]) for a in index] == expected
    assert len(expected) > 10
    # Material writes the contents twice: in the sidebar and in the phone's drawer.
    navs = soup(site, "glossary.md", locale).select("nav.md-nav--secondary")
    assert len(navs) == 2
    for contents in navs:
        assert [(a.get_text(strip=True), a["href"]) for a in contents.select("a.md-nav__link")] == expected


def test_first_letters_file_doubled_consonants_under_the_plain_one():
    assert [first_letter(word) for word in ("가상 머신", "꼬리", "따옴표", "etcd", "YAML", "하이퍼바이저")] == [
        "ㄱ", "ㄱ", "ㄷ", "E", "Y", "ㅎ"]


def test_korean_glossary_is_in_unicode_order_latin_first_then_ganada(site):
    names = [heading.dfn.get_text() for heading in entries(site, "ko")]
    assert names == sorted(names, key=str.casefold)
    latin = [name for name in names if name[0].isascii()]
    hangul = [name for name in names if not name[0].isascii()]
    assert names == latin + hangul
    # Spot check of 가나다 order across initial consonants (ㄱ < ㄴ < ㄷ < … < ㅋ < ㅌ < ㅍ).
    positions = {name: index for index, name in enumerate(names)}
    assert positions["검색 증강 생성"] < positions["노드"] < positions["도커"] < positions["쿠버네티스"] \
        < positions["트랜잭션"] < positions["파드"]


def test_english_glossary_is_alphabetical_ignoring_case(site):
    names = [heading.dfn.get_text() for heading in entries(site, "en")]
    assert names == sorted(names, key=str.casefold)
    assert names != sorted(names)  # lower-case `etcd` and `kubelet` sit among capitals


@pytest.mark.parametrize("locale", LOCALES)
def test_every_terms_section_anchor_exists_in_the_build(site, locale):
    missing = []
    for term in TERMS:
        target = term.page_for(locale)
        anchor = target.partition("#")[2]
        if soup(site, target, locale).find(id=anchor) is None:
            missing.append(f"{term.id}: {target}")
    assert missing == []


def test_glossary_is_in_the_navigation_after_the_topics(site):
    for locale in LOCALES:
        nav = soup(site, "index.md", locale).select("nav.md-nav--primary > ul > li > a")
        hrefs = [a["href"].rstrip("/").rsplit("/", 1)[-1] or "." for a in nav]
        assert "glossary" in hrefs
        topics = [hrefs.index(topic) for topic in TOPICS]
        assert hrefs.index("glossary") > max(topics)


@pytest.mark.parametrize("locale", LOCALES)
def test_topic_pages_mark_terms_once_with_links_to_the_glossary(site, locale):
    marked = set()
    for topic in TOPICS:
        links = article(site, f"{topic}.md", locale).select("a.term")
        ids = [link["data-term"] for link in links]
        assert len(ids) == len(set(ids)), f"{topic}: a term marked twice: {ids}"
        for link in links:
            assert link["href"].endswith(f"glossary/#{link['data-term']}")
            assert link["title"] == next(t for t in TERMS if t.id == link["data-term"]).definitions[locale]
            assert link.find_parent(["h1", "h2", "h3", "h4", "code", "pre", "th", "summary"]) is None
        marked.update(ids)
    assert {"etcd", "scheduler", "kubernetes", "api-server", "kubelet"} <= marked


def test_glossary_page_itself_has_no_term_links(site):
    for locale in LOCALES:
        assert article(site, "glossary.md", locale).select("a.term") == []
        assert built(site, "glossary.md", locale).is_file()
