"""The whole book of each language: /print/ and /en/print/, every topic page
of that language in navigation order, a table of contents, each topic on new
sheets, at most 24 A4 sheets, linked from the navigation."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest

from devconcepts.core.labels import label

from .conftest import book_options, left_out_sources, source_url
from .content import links, statements
from .pdf import A4_POINTS, normalise
from .table_rows import tables_on_sheets

pytestmark = pytest.mark.browser

BOOKS = {"ko": "print/", "en": "en/print/"}
HOMES = {"ko": "", "en": "en/"}
MAX_SHEETS = 24

_NAV_JS = """
() => [...document.querySelectorAll(".md-nav--primary .md-nav__link[href]")].map(a => ({
  url: new URL(a.getAttribute("href"), location.href).pathname,
  title: a.textContent.replace(/\\s+/g, " ").trim(),
}))
"""


@dataclass
class Topic:
    url: str
    title: str
    """The navigation's title of the page."""
    canonical: str
    statements: list[str]
    """What the page itself prints (read in print media)."""


@pytest.fixture(scope="module")
def topics(print_context, site_url) -> dict[str, list[Topic]]:
    """Per language, the topics in navigation order, read from the home
    page's navigation (every entry but the book and the other pages that
    are not topics), each with what its own page prints."""
    base = re.sub(r"^https?://[^/]+", "", site_url)
    left_out = sorted(left_out_sources() | {book_options().book})
    skip = {"ko": {source_url(name) for name in left_out},
            "en": {source_url(name.replace(".md", ".en.md")) for name in left_out}}
    out = {}
    page = print_context.new_page()
    try:
        for locale, home in HOMES.items():
            page.emulate_media(media="screen")
            page.goto(site_url + home)
            entries, seen, out[locale] = page.evaluate(_NAV_JS), set(), []
            for entry in entries:
                path = entry["url"].removeprefix(base)
                if path in skip[locale] or path in seen:
                    continue
                seen.add(path)
                out[locale].append(Topic(path, entry["title"], "", []))
            for topic in out[locale]:
                page.goto(site_url + topic.url)
                page.emulate_media(media="print")
                topic.canonical = page.locator("link[rel=canonical]").get_attribute("href")
                topic.statements = statements(page)
                page.emulate_media(media="screen")
    finally:
        page.close()
    return out


@pytest.fixture(scope="module", params=sorted(BOOKS))
def book(request, printed, topics):
    locale = request.param
    pdf, page = printed(BOOKS[locale])
    return locale, pdf, page, topics[locale]


def test_book_is_a4_and_short_enough(book):
    locale, pdf, _, topics = book
    assert len(topics) >= 2
    # A title/contents sheet, then at least one sheet per topic.
    assert len(topics) + 1 <= pdf.sheets <= MAX_SHEETS, f"{locale}: {pdf.sheets} sheets"
    for width, height in pdf.sheet_sizes:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2


def test_book_has_no_blank_sheet(book):
    locale, pdf, _, _ = book
    blank = [n for n, text in enumerate(pdf.sheet_texts, start=1) if not text.strip()]
    assert not blank, f"{locale} book: blank sheet(s) {blank}"


def test_book_fonts(book):
    _, pdf, _, _ = book
    assert any("NanumGothic" in f.name for f in pdf.fonts)
    assert all(f.embedded for f in pdf.fonts)
    assert not [f for f in pdf.fonts if f.type == "Type 3"]


def test_each_topic_starts_a_new_sheet_in_navigation_order(book, site_url):
    """Each topic's sheet begins with its own source line (site, then the
    topic's address), and the topics follow the navigation."""
    locale, pdf, page, topics = book
    starts = []
    for topic in topics:
        canonical = normalise(topic.canonical)
        sheet = next((n for n, text in enumerate(pdf.sheet_texts)
                      if canonical in normalise(text)[:300]), None)
        assert sheet is not None, f"{locale}: no sheet starts with the source line of {topic.url}"
        assert normalise(topic.title) in normalise(pdf.sheet_texts[sheet]), \
            f"{topic.title} not on its first sheet"
        starts.append(sheet)
    assert starts == sorted(starts) and len(set(starts)) == len(starts), starts
    assert starts[0] >= 1, "the first sheet holds the title and contents"


def test_table_of_contents_lists_every_topic(book):
    locale, pdf, page, topics = book
    contents = page.locator(".print-book__contents")
    assert contents.count() == 1
    assert contents.locator("h2").inner_text().strip() == label("print.contents", locale)
    entries = contents.locator(":scope > ol > li > a")
    assert [entries.nth(i).inner_text().strip() for i in range(entries.count())] == \
        [t.title for t in topics]
    first_sheet = normalise(pdf.sheet_texts[0])
    for topic in topics:
        assert normalise(topic.title) in first_sheet


def test_book_holds_every_statement_of_its_topics(book):
    """Everything each topic page prints, its source line included, is in the
    book as text."""
    locale, pdf, page, topics = book
    addresses = [normalise(f"({link.href})") for link in links(page) if link.external]

    def without_addresses(text: str) -> str:
        for address in addresses:
            text = text.replace(address, "")
        return text

    # A paragraph may straddle a sheet break, with what is painted after it
    # (a table header, an admonition title) between its two parts.
    found = pdf.text_finder(without_addresses)
    for topic in topics:
        assert topic.statements
        missing = [s for s in topic.statements if not found(s)]
        assert not missing, f"{locale} book lacks from {topic.url}: {missing}"


def test_book_leaves_no_table_row_alone_on_a_sheet(book):
    """A table split over sheets keeps at least two of its rows on each."""
    locale, pdf, page, _ = book
    tables = tables_on_sheets(pdf, page)
    assert len(tables) >= 2
    lost = [(t.caption, t.sheets) for t in tables if None in t.sheets]
    assert not lost, f"{locale} book: rows not found as text on any sheet: {lost}"
    alone = [(t.caption, t.lone_rows) for t in tables if t.lone_rows]
    assert not alone, f"{locale} book: a single row of a table on sheet(s): {alone}"


def test_books_keep_to_their_language(printed, topics):
    """The English book has none of the Korean pages' own sentences and the
    Korean book none of the English ones (sentences both languages share,
    such as names, do not count)."""
    texts = {locale: [normalise(s) for t in topics[locale] for s in t.statements] for locale in BOOKS}
    for locale, other in (("ko", "en"), ("en", "ko")):
        own = "\n".join(texts[locale])
        foreign = [s for s in set(texts[other]) if len(s) > 20 and s not in own]
        assert len(foreign) > 10, "too few distinct sentences to compare"
        pdf, _ = printed(BOOKS[locale])
        leaked = [s for s in foreign if s in pdf.flat]
        assert not leaked, f"{locale} book holds {other} text: {leaked[:5]}"


def test_book_ids_are_unique_and_anchors_resolve(book):
    locale, _, page, _ = book
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, f"{locale} book: duplicate ids {duplicates}"
    anchors = page.evaluate("""() => [...document.querySelectorAll("article a[href^='#']")]
        .map(a => decodeURIComponent(a.getAttribute('href').slice(1))).filter(Boolean)""")
    assert anchors
    unknown = sorted(set(a for a in anchors if a not in set(ids)))
    assert not unknown, f"{locale} book: links to missing ids {unknown}"


def test_book_linked_from_the_navigation(book, site_url):
    locale, _, page, topics = book
    title = page.locator("article h1").first.inner_text().strip()
    nav = page.evaluate(_NAV_JS)
    path = re.sub(r"^https?://[^/]+", "", site_url) + BOOKS[locale]
    assert {"url": path, "title": title} in nav, nav


def test_first_sheet_image(book, artifacts):
    """Keep the first sheet as an image to look at (test-artifacts/print/, a folder per test worker)."""
    locale, pdf, _, _ = book
    image = pdf.png(artifacts / f"book-{locale}-sheet-1.png", dpi=80)
    assert image.exists() and image.stat().st_size > 10_000
