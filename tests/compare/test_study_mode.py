"""Study mode over comparison tables in real Chromium: a real toggle button
that hides the statements (td) but not the headers (th), remembers its state
across reloads, reveals a cell on click or Enter, and prints blank cells."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from devconcepts.core.labels import label

pytestmark = pytest.mark.browser

PAGES = {"ko": "stateful-vs-stateless/", "en": "en/stateful-vs-stateless/"}


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def cells(page):
    return page.locator("figure.compare tbody td")


def statements(page):
    """The text of every body cell, read from the DOM whatever is shown."""
    return [text.strip() for text in cells(page).evaluate_all("tds => tds.map(td => td.textContent)")]


def shown(page, selector):
    """What a reader sees: innerText leaves out visibility:hidden content."""
    return page.locator(selector).evaluate_all("els => els.map(el => el.innerText.trim())")


def toggle(page):
    return page.locator(".study-toolbar button.study-toggle")


@pytest.mark.parametrize("locale", PAGES)
def test_toggle_is_a_labelled_button_with_aria_pressed(context, site_url, locale):
    page = context.new_page()
    page.goto(site_url + PAGES[locale])
    button = toggle(page)
    assert button.is_visible()
    assert button.evaluate("b => b.tagName") == "BUTTON"
    assert button.inner_text() == label("study.toggle", locale)
    assert button.get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("locale", PAGES)
def test_study_mode_hides_statements_not_headers_and_persists(context, site_url, locale):
    page = context.new_page()
    page.goto(site_url + PAGES[locale])
    texts = statements(page)
    headers = shown(page, "figure.compare th")
    assert all(texts) and shown(page, "figure.compare tbody td") == texts

    toggle(page).click()
    assert toggle(page).get_attribute("aria-pressed") == "true"
    seen = shown(page, "figure.compare tbody td")
    assert all(text not in cell for text, cell in zip(texts, seen))
    assert all(cell == label("study.reveal", locale) for cell in seen)
    assert shown(page, "figure.compare th") == headers

    page.reload()
    assert toggle(page).get_attribute("aria-pressed") == "true"
    assert all(text not in cell for text, cell in zip(texts, shown(page, "figure.compare tbody td")))

    toggle(page).click()
    page.reload()
    assert toggle(page).get_attribute("aria-pressed") == "false"
    assert shown(page, "figure.compare tbody td") == texts


def test_a_hidden_cell_is_revealed_by_click_or_enter(context, site_url):
    page = context.new_page()
    page.goto(site_url + PAGES["ko"])
    texts = statements(page)
    toggle(page).click()

    # A real click where the cell is (Playwright's own click refuses hidden elements).
    box = cells(page).nth(0).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    seen = shown(page, "figure.compare tbody td")
    assert seen[0] == texts[0]
    assert texts[1] not in seen[1]

    cells(page).nth(1).locator("button").focus()
    page.keyboard.press("Enter")
    seen = shown(page, "figure.compare tbody td")
    assert seen[1] == texts[1]
    assert texts[2] not in seen[2]
    # Focus stays on the revealed cell instead of falling back to the page.
    assert cells(page).nth(1).evaluate("td => td === document.activeElement")


def _bare(text: str) -> str:
    # PDF text extraction drops spaces, adds some, or reads them as control
    # characters (U+0001); compare without any.
    return re.sub(r"[\s\x00-\x1f]+", "", text)


def _printed_text(page) -> str:
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return _bare("".join(p.extract_text() or "" for p in pdf.pages))


def test_study_mode_prints_blank_cells_and_keeps_headers(context, site_url):
    page = context.new_page()
    page.goto(site_url + PAGES["en"])
    texts = statements(page)
    aspects = shown(page, "figure.compare tbody th")
    printed = _printed_text(page)
    assert [text for text in texts if _bare(text) not in printed] == []

    toggle(page).click()
    printed = _printed_text(page)
    assert all(_bare(aspect) in printed for aspect in aspects)
    assert [text for text in texts if _bare(text) in printed] == []
    assert _bare(label("study.reveal", "en")) not in printed
    assert _bare(label("study.toggle", "en")) not in printed
