"""The print button and the study-sheet toggle: on screen only, in the page's
language, usable from the keyboard; an answer key by default, folded answers
in study-sheet mode, and nothing remembered."""

from __future__ import annotations

import pytest

from devconcepts.core.labels import label

from .conftest import printable_sources, source_url
from .fixture import ANSWER, OPEN_NOTE, QUESTION
from .pdf import normalise, print_pdf

pytestmark = pytest.mark.browser

# Records calls instead of opening a dialog (headless Chromium has none).
RECORD_PRINT = "window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };"
SHEET = {"ko": "sheet/", "en": "en/sheet/"}


@pytest.mark.parametrize("source", printable_sources() + ["print.md", "print.en.md"])
def test_print_button_on_every_page(page, site_url, source):
    page.goto(site_url + source_url(source))
    lang = page.locator("html").get_attribute("lang")
    button = page.locator("article button[data-print-button]")
    assert button.count() == 1
    assert button.is_visible()
    name = label("print.book_button" if source.startswith("print") else "print.button", lang)
    assert button.get_attribute("aria-label") == name
    assert button.get_attribute("type") == "button"
    assert button.get_attribute("onclick") is None  # no inline handlers
    page.emulate_media(media="print")
    assert not button.is_visible()
    assert not page.locator("[data-print-controls]").is_visible()


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_print_button_works_from_the_keyboard(page, site_url, locale):
    page.add_init_script(RECORD_PRINT)
    page.goto(site_url + source_url("oltp.md" if locale == "ko" else "oltp.en.md"))
    button = page.locator("button[data-print-button]")
    for _ in range(80):  # Tab through the page until the button has focus
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("the print button never received keyboard focus")
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert page.evaluate("window.__printCalls") == 2


def test_study_toggle_only_where_answers_are_folded(page, site_url, fixture_url):
    page.goto(fixture_url + SHEET["ko"])
    assert page.locator("[data-print-study-control]").is_visible()
    assert page.locator("[data-print-study]").is_checked() is False
    for source in printable_sources():
        page.goto(site_url + source_url(source))
        folded = page.locator("article details:not([open])").count()
        assert page.locator("[data-print-study-control]").is_visible() == (folded > 0), source


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_answer_key_by_default(page, fixture_url, tmp_path, locale):
    pdf = print_pdf(page, fixture_url + SHEET[locale], tmp_path / "answers.pdf")
    assert normalise(QUESTION[locale]) in pdf.flat
    assert normalise(ANSWER[locale]) in pdf.flat
    assert normalise(OPEN_NOTE[locale]) in pdf.flat
    # Printing leaves the screen as it was: the answer is folded again.
    page.emulate_media(media="screen")
    assert page.locator("article details:not([open])").count() == 1


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_study_sheet_mode_keeps_answers_folded(page, fixture_url, tmp_path, locale):
    def choose_study_mode(p):
        toggle = p.locator("[data-print-study]")
        toggle.focus()
        p.keyboard.press("Space")  # a real checkbox, from the keyboard
        assert toggle.is_checked()
        assert p.locator("[data-print-study-control]").inner_text().strip() == label("print.study_mode", locale)

    pdf = print_pdf(page, fixture_url + SHEET[locale], tmp_path / "study.pdf", before=choose_study_mode)
    assert normalise(QUESTION[locale]) in pdf.flat
    assert normalise(ANSWER[locale]) not in pdf.flat
    assert normalise(OPEN_NOTE[locale]) in pdf.flat, "details the author left open still print"


def test_study_mode_hides_answers_the_reader_unfolded(page, fixture_url, tmp_path):
    def unfold_then_study(p):
        p.locator("article details summary").first.click()
        assert p.locator("article details:not([open])").count() == 0
        p.locator("[data-print-study]").check()

    pdf = print_pdf(page, fixture_url + SHEET["ko"], tmp_path / "unfolded.pdf", before=unfold_then_study)
    assert normalise(ANSWER["ko"]) not in pdf.flat


def test_study_mode_is_not_remembered(page, fixture_url):
    page.goto(fixture_url + SHEET["ko"])
    # The offline script notes the tab's first page once its worker answers,
    # just before it shows the save button: what it stores is not the toggle's.
    page.locator("[data-offline-save]").wait_for(state="visible")
    before = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]")
    page.locator("[data-print-study]").check()
    after = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]")
    assert after == before
    page.goto(fixture_url + SHEET["ko"])
    assert not page.locator("[data-print-study]").is_checked()
    assert page.evaluate("document.documentElement.classList.contains('print-study')") is False
    page.reload()
    assert not page.locator("[data-print-study]").is_checked()
