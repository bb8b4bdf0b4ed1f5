"""The review page in real Chromium with real localStorage: grading
persists, export/reset/import gives the same state back, the keyboard,
the topic filter, the daily limit of new cards, the two languages apart,
no JavaScript, a 360 px phone in the dark scheme."""

from __future__ import annotations

import json

import pytest

from cards.reviewkit import LANGUAGES, due, open_review, page_cards, stored

pytestmark = pytest.mark.browser

NEW_PER_DAY = 20


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def test_grading_persists_across_a_reload(context, site_url):
    page = context.new_page()
    before = open_review(page, site_url)
    assert before == NEW_PER_DAY, "a fresh browser has the day's new cards"
    front = page.locator("[data-card-front]").inner_text()
    assert page.locator("[data-card-back]").is_hidden()
    page.click("[data-reveal]")
    assert page.locator("[data-card-back]").is_visible()
    page.click('[data-grade="good"]')
    assert page.locator("[data-card-front]").inner_text() != front
    page.reload()
    page.locator("[data-review][data-due]").wait_for(state="visible")
    assert due(page) == before - 1
    state = stored(page)
    assert len(state["cards"]) == 1 and state["introduced"]["count"] == 1
    assert page.locator('[data-count="learned"]').inner_text() == "1"


def test_export_reset_import_gives_back_the_same_state(context, site_url, tmp_path):
    page = context.new_page()
    open_review(page, site_url)
    for grade in ("good", "again", "easy"):
        page.click("[data-reveal]")
        page.click(f'[data-grade="{grade}"]')
    before_state, before_due = stored(page), due(page)
    assert len(before_state["cards"]) == 3

    page.click("summary:has-text('진행 상황')")
    with page.expect_download() as download:
        page.click("[data-export]")
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    # The record keeps the date of its last export, the file included.
    after_export = stored(page)
    assert after_export.pop("exported") and after_export == before_state
    before_state = stored(page)
    assert json.loads(exported.read_text(encoding="utf-8")) == before_state

    # A reset asks first: dismissed, nothing changes.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-reset]")
    assert stored(page) == before_state
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-reset]")
    assert stored(page) is None and due(page) == NEW_PER_DAY

    page.set_input_files("[data-import]", str(exported))
    page.click("[data-import-merge]")
    page.wait_for_function("due => document.querySelector('[data-review]').dataset.due === String(due)", arg=before_due)
    assert stored(page) == before_state
    assert page.locator("[data-status]").text_content() == "기록을 가져왔다."
    page.reload()
    page.locator("[data-review][data-due]").wait_for(state="visible")
    assert due(page) == before_due

    # A file that is not progress changes nothing (tests/cards/test_review_progress.py: every bad file).
    bad = tmp_path / "bad.json"
    bad.write_text('{"cards": []}', encoding="utf-8")
    page.locator("details.review__progress > summary").click()
    page.set_input_files("[data-import]", str(bad))
    alert = page.locator('[data-review] [role="alert"]')
    alert.wait_for()
    assert alert.text_content() == "이 파일은 복습 기록이 아니다. 지금 기록은 그대로다."
    assert stored(page) == before_state


def test_keyboard_space_reveals_and_digits_grade(context, site_url):
    page = context.new_page()
    before = open_review(page, site_url)
    page.keyboard.press("3")  # no grade before the answer shows
    assert due(page) == before
    page.keyboard.press("Space")
    assert page.locator("[data-card-back]").is_visible()
    # The focus moves to the grades, not to the page's top.
    assert page.evaluate("document.activeElement.dataset.grade") == "good"
    page.keyboard.press("1")
    assert due(page) == before - 1
    assert page.evaluate("document.activeElement.hasAttribute('data-reveal')")
    assert stored(page)["cards"]


def test_daily_limit_of_new_cards(context, site_url, site):
    page = context.new_page()
    open_review(page, site_url)
    total = len(page_cards(site, "ko"))
    for _ in range(NEW_PER_DAY):
        page.keyboard.press("Space")
        page.keyboard.press("4")
    assert due(page) == 0
    assert page.locator("[data-done]").is_visible() and page.locator("[data-reveal]").is_hidden()
    assert page.locator('[data-count="new"]').inner_text() == str(total - NEW_PER_DAY)
    assert page.locator('[data-count="learned"]').inner_text() == str(NEW_PER_DAY)


def test_topic_filter(context, site_url, site):
    page = context.new_page()
    open_review(page, site_url)
    oltp = [card for card in page_cards(site, "ko") if card["data-topic"] == "oltp"]
    page.select_option("[data-topic]", "oltp")
    assert page.locator('[data-count="new"]').inner_text() == str(len(oltp))
    assert due(page) == min(len(oltp), NEW_PER_DAY)
    assert page.locator("[data-card-topic] a").get_attribute("href") == "../oltp/"
    assert page.locator("[data-card-front]").inner_html() == oltp[0].summary.decode_contents()


def test_languages_keep_their_own_progress(context, site_url):
    page = context.new_page()
    before = open_review(page, site_url, "en")
    open_review(page, site_url, "ko")
    page.click("[data-reveal]")
    page.click('[data-grade="good"]')
    assert open_review(page, site_url, "en") == before
    assert stored(page, "en") is None and stored(page, "ko")
    assert page.locator("[data-reveal]").inner_text().endswith("Show answer")


def test_without_javascript_every_card_is_a_details(browser, site_url, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for locale, path in LANGUAGES.items():
            page.goto(site_url + path)
            # The app's controls are in the page, hidden where scripting is off:
            # nothing that needs script shows, no button that does nothing.
            assert page.locator("[data-review]").count() == 1
            assert page.locator("[data-review]").is_hidden()
            assert page.locator("article button:visible, article select:visible").count() == 0
            cards = page.locator("details[data-card]")
            assert cards.count() == len(page_cards(site, locale))
            first = cards.first
            assert first.locator(".review-list__back").is_hidden()
            first.locator("summary").click()
            assert first.locator(".review-list__back").is_visible()
    finally:
        context.close()


def test_phone_width_in_the_dark_scheme(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme="dark",
                                  is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for locale in LANGUAGES:
            open_review(page, site_url, locale)
            assert page.get_attribute("body", "data-md-color-scheme") == "slate"
            for _ in range(6):  # comparison rows and questions, answers shown
                page.click("[data-reveal]")
                assert page.evaluate("document.documentElement.scrollWidth") <= 360
                page.click('[data-grade="good"]')
            colours = page.evaluate("""() => {
              const style = getComputedStyle(document.querySelector('[data-card-front]'))
              return [style.color, getComputedStyle(document.body).backgroundColor]
            }""")
            assert colours[0] != colours[1]
    finally:
        context.close()


def test_card_changes_are_announced(context, site_url):
    page = context.new_page()
    open_review(page, site_url)
    view = page.locator("[data-card-view]")
    assert view.get_attribute("aria-live") == "polite"
    # The front, the answer and the end of the session all change inside the live region.
    for selector in ("[data-card-front]", "[data-card-back]", "[data-done]"):
        assert view.locator(selector).count() == 1
    assert page.locator("[data-status]").get_attribute("role") == "status"
