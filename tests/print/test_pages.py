"""Every topic page, in both languages, printed from the browser's own print
to A4: at most three clean sheets with the whole content as real text in an
embedded Korean font, the source line, and no site chrome."""

from __future__ import annotations

import re
import subprocess

import pytest

from devconcepts_testkit import DOCS
from devconcepts.core.labels import label

from .conftest import printable_sources, source_url, topic_sources
from .content import chrome_texts, links, statements
from .pdf import A4_POINTS, normalise
from .table_rows import tables_on_sheets

pytestmark = pytest.mark.browser

TOPICS = topic_sources()
PAGES = printable_sources()
"""Topics and the other pages (home, glossary): all print cleanly; the
three-sheet limit is for topics."""
MAX_SHEETS = 3


def _without_printed_urls(page):
    """A `strip` for the PDF's text: it drops the addresses printed after
    external links, so a statement that contains a link compares with its
    own words only."""
    printed = [normalise(f"({link.href})") for link in links(page) if link.external]

    def strip(flat: str) -> str:
        for url in printed:
            flat = flat.replace(url, "")
        return flat

    return strip


@pytest.mark.parametrize("source", TOPICS)
def test_topic_fits_three_sheets(printed, source):
    pdf, _ = printed(source_url(source))
    assert 1 <= pdf.sheets <= MAX_SHEETS, f"{source}: {pdf.sheets} sheets"


@pytest.mark.parametrize("source", PAGES)
def test_sheets_are_a4(printed, source):
    pdf, _ = printed(source_url(source))
    for width, height in pdf.sheet_sizes:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)


@pytest.mark.parametrize("source", PAGES)
def test_no_blank_sheet(printed, source):
    pdf, _ = printed(source_url(source))
    blank = [n for n, text in enumerate(pdf.sheet_texts, start=1) if not text.strip()]
    assert not blank, f"{source}: sheet(s) {blank} of {pdf.sheets} have no text"


@pytest.mark.parametrize("source", PAGES)
def test_every_statement_is_text_in_the_pdf(printed, source):
    pdf, page = printed(source_url(source))
    expected = statements(page)
    # The page's own title and (for Korean pages) Hangul: the statements must
    # be the real content, not an empty shell.
    assert len(expected) >= 3
    if "." not in source.removesuffix(".md"):
        assert any(re.search("[\uac00-\ud7a3]", s) for s in expected)
    found = pdf.text_finder(_without_printed_urls(page))
    missing = [s for s in expected if not found(s)]
    assert not missing, f"{source}: not extractable from the PDF: {missing}"


@pytest.mark.parametrize("source", PAGES)
def test_korean_source_text_is_in_the_pdf(printed, source):
    """Independent of the rendered HTML: Hangul runs of the Markdown source
    (outside markup) come out of the PDF as text."""
    pdf, page = printed(source_url(source))
    markdown = (DOCS / source).read_text(encoding="utf-8")
    # Front matter and HTML comments never print.
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    runs = set(re.findall(r"[\uac00-\ud7a3][\uac00-\ud7a3 ]*[\uac00-\ud7a3]", markdown))
    found = pdf.text_finder()
    missing = [run for run in runs if not found(run)]
    assert not missing, f"{source}: Hangul from the source missing in the PDF: {missing}"


@pytest.mark.parametrize("source", PAGES)
def test_korean_font_embedded(printed, source):
    pdf, _ = printed(source_url(source))
    fonts = pdf.fonts
    assert any("NanumGothic" in f.name for f in fonts), [f.name for f in fonts]
    assert all(f.embedded for f in fonts), [f for f in fonts if not f.embedded]
    assert not [f for f in fonts if f.type == "Type 3"], "Type 3 fonts: text would not be real text"


@pytest.mark.parametrize("source", PAGES)
def test_no_site_chrome(printed, source):
    """Header, navigation, search and footer words stay off paper, unless the
    content itself says them."""
    pdf, page = printed(source_url(source))
    content = normalise(page.locator("article").inner_text())
    chrome = [t for t in chrome_texts(page) if normalise(t) not in content]
    assert chrome, "no chrome text found to check against"
    leaked = [t for t in chrome if normalise(t) in pdf.flat]
    assert not leaked, f"{source}: site chrome on paper: {leaked}"
    for name in ("print.button", "print.study_mode"):
        assert normalise(label(name, page.locator("html").get_attribute("lang"))) not in pdf.flat


@pytest.mark.parametrize("source", PAGES)
def test_no_table_row_alone_on_a_sheet(printed, source):
    """A table split over sheets keeps at least two of its rows on each."""
    pdf, page = printed(source_url(source))
    tables = tables_on_sheets(pdf, page)
    lost = [(t.caption, t.sheets) for t in tables if None in t.sheets]
    assert not lost, f"{source}: rows not found as text on any sheet: {lost}"
    alone = [(t.caption, t.lone_rows) for t in tables if t.lone_rows]
    assert not alone, f"{source}: a single row of a table on sheet(s): {alone}"


# Whatever is drawn to be clicked: the fold chevron of each <details>
# summary, and any visible control in the article.
_CONTROLS_JS = """
() => ({
  summaries: document.querySelectorAll("article summary").length,
  chevrons: [...document.querySelectorAll("article summary")].filter(summary => {
    const after = getComputedStyle(summary, "::after");
    return summary.checkVisibility() && after.display !== "none" && after.content !== "none";
  }).map(summary => summary.textContent.trim().slice(0, 40)),
  controls: [...document.querySelectorAll("article :is(button, input, select, textarea, [role=button])")]
    .filter(control => control.checkVisibility()).map(control => control.outerHTML.slice(0, 80)),
})
"""


@pytest.mark.parametrize("source", PAGES)
def test_no_fold_chevron_or_control_prints(printed, source):
    """In the answer key and in study-sheet mode alike."""
    _, page = printed(source_url(source))
    study = page.evaluate("document.documentElement.classList.contains('print-study')")
    try:
        for mode in (False, True):
            page.evaluate("on => document.documentElement.classList.toggle('print-study', on)", mode)
            found = page.evaluate(_CONTROLS_JS)
            assert not found["chevrons"], f"{source} (study sheet: {mode}): chevrons print: {found['chevrons']}"
            assert not found["controls"], f"{source} (study sheet: {mode}): controls print: {found['controls']}"
    finally:
        page.evaluate("on => document.documentElement.classList.toggle('print-study', on)", study)


@pytest.mark.parametrize("source", PAGES)
def test_source_line(printed, source):
    pdf, page = printed(source_url(source))
    lang = page.locator("html").get_attribute("lang")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    site_name = page.locator("meta[property='og:site_name']").get_attribute("content") \
        if page.locator("meta[property='og:site_name']").count() else None
    date = _last_change(DOCS / source)
    first_sheet = normalise(pdf.sheet_texts[0])
    assert canonical.startswith("http") and normalise(canonical) in first_sheet
    assert normalise(f"{label('print.last_change', lang)}:{date}") in first_sheet
    assert normalise(label("print.language", lang)) in first_sheet
    if site_name:
        assert normalise(site_name) in first_sheet
    # On screen the line is not shown.
    page.emulate_media(media="screen")
    try:
        assert not page.locator(".print-source").first.is_visible()
    finally:
        page.emulate_media(media="print")


@pytest.mark.parametrize("source", PAGES)
def test_external_links_print_their_address(printed, source):
    pdf, page = printed(source_url(source))
    found = links(page)
    for link in found:
        printed_address = normalise(f"({link.href})")
        if link.external:
            assert printed_address in pdf.flat, f"{link.href} not printed"
        else:
            assert printed_address not in pdf.flat, f"internal link {link.href} printed its address"


def _last_change(path) -> str:
    """The spec, independently: the last commit date of the file, else its mtime."""
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                         capture_output=True, text=True).stdout.strip()
    if out:
        return out
    import datetime as dt
    return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc).date().isoformat()
