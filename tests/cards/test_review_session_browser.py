"""The review session as a reader on a phone has it, in real Chromium: the
next card's time when nothing is due and its return without a reload, the
question kept in view when the answer opens, each grade's next interval on
its button, undo of the last grade, no keyboard hints on a touch screen, the
keyboard back on the card after the topic menu, an export or an import,
`?topic=` from a topic's self-check, counts that do not read as a sum,
grade buttons of 4.5:1 contrast, and a start that shifts nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cards.reviewkit import LANGUAGES, due, open_review, page_cards, stored
from devconcepts.core.labels import labels_for

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
GRADES = ("again", "hard", "good", "easy")


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def topic_cards(site, locale: str, topic: str) -> list:
    return [card for card in page_cards(site, locale) if card["data-topic"] == topic]


def minutes(text: str, locale: str) -> int:
    """A span as the labels write it ("10분", "8 d") in minutes: the labels
    themselves say which unit a text is in."""
    labels = labels_for(locale)
    sizes = {"minutes": 1, "hours": 60, "days": 60 * 24, "months": 60 * 24 * 30, "years": 60 * 24 * 365}
    for unit, size in sizes.items():
        pattern = re.escape(labels[f"review.{unit}"]).replace(re.escape("{n}"), r"(\d+)")
        match = re.fullmatch(pattern, text.strip())
        if match:
            return int(match.group(1)) * size
    raise AssertionError(f"not a span of the {locale} labels: {text!r}")


@pytest.mark.parametrize("locale", LANGUAGES)
def test_nothing_due_says_when_the_next_card_comes_and_brings_it_back(browser, site_url, site, locale):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.clock.install(time=dt.datetime(2026, 3, 2, 10, 0))
        open_review(page, site_url, locale)
        page.select_option("[data-topic]", "kubernetes-cluster")
        count = len(topic_cards(site, locale, "kubernetes-cluster"))
        assert due(page) == count
        for _ in range(count):  # every card of the topic once, "good": back in 10 minutes
            page.click("[data-reveal]")
            page.click('[data-grade="good"]')
        assert due(page) == 0
        later = page.locator("[data-next]")
        expected = labels_for(locale)["review.next"].replace("{time}", labels_for(locale)["review.minutes"])
        assert later.inner_text() == expected.replace("{n}", "10")
        # The note counts down, and the cards come back when due, without a reload.
        page.clock.run_for("05:00")
        assert later.inner_text() == expected.replace("{n}", "5")
        page.clock.run_for("05:30")
        assert due(page) == count
        assert later.is_hidden() and page.locator("[data-card-front]").is_visible()
        assert page.locator("[data-reveal]").is_visible()
    finally:
        context.close()


def test_the_question_stays_in_view_when_its_answer_opens_on_a_phone(browser, site_url):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_review(page, site_url, "ko")
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        # Comparison rows first: their answers are tables, the longest backs.
        page.select_option("[data-topic]", "compose-vs-kubernetes")
        for _ in range(8):
            page.locator("[data-reveal]").tap()
            page.locator("[data-card-back]").wait_for(state="visible")
            box = page.locator("[data-card-front]").bounding_box()
            assert header <= box["y"] and box["y"] + box["height"] <= 844, box
            page.locator('[data-grade="good"]').tap()
    finally:
        context.close()


@pytest.mark.parametrize("locale", LANGUAGES)
def test_each_grade_button_shows_the_interval_it_gives(context, site_url, locale):
    page = context.new_page()
    open_review(page, site_url, locale)
    shown = {}
    for grade in GRADES:
        page.click("[data-reveal]")
        intervals = [page.locator(f'[data-grade="{name}"] [data-interval]').inner_text() for name in GRADES]
        assert all(intervals), intervals
        shown[grade] = intervals[GRADES.index(grade)]
        card = page.evaluate("() => document.querySelector('[data-card-front]').innerHTML")
        page.click(f'[data-grade="{grade}"]')
        assert page.evaluate("() => document.querySelector('[data-card-front]').innerHTML") != card
        record = max(stored(page, locale)["cards"].values(), key=lambda entry: entry["last_review"])
        gap = dt.datetime.fromisoformat(record["due"]) - dt.datetime.fromisoformat(record["last_review"])
        given = gap.total_seconds() / 60
        # The label is the interval the grade gave, rounded to its unit.
        assert abs(minutes(shown[grade], locale) - given) <= max(1, given * 0.1), (grade, shown[grade], given)
    # A new card's grades are four different intervals, in order.
    assert len({minutes(text, locale) for text in shown.values()}) == 4
    assert [minutes(shown[g], locale) for g in GRADES] == sorted(minutes(shown[g], locale) for g in GRADES)


def test_undo_brings_back_the_card_and_the_days_count(context, site_url):
    page = context.new_page()
    before = open_review(page, site_url, "ko")
    undo = page.locator("[data-undo]")
    assert undo.is_hidden()
    # A first card graded, then a second: undo gives back the second only.
    page.click("[data-reveal]")
    page.click('[data-grade="easy"]')
    first = stored(page)
    front = page.locator("[data-card-front]").inner_html()
    page.click("[data-reveal]")
    page.click('[data-grade="again"]')
    assert len(stored(page)["cards"]) == 2 and stored(page)["introduced"]["count"] == 2
    assert undo.is_visible()
    undo.click()
    assert stored(page) == first
    assert page.locator("[data-card-front]").inner_html() == front
    assert page.locator("[data-card-back]").is_hidden() and due(page) == before - 1
    assert undo.is_hidden(), "one level of undo"
    # The keyboard is back on the card: Space shows its answer.
    page.keyboard.press("Space")
    assert page.locator("[data-card-back]").is_visible()


def test_keyboard_hints_show_with_a_keyboard_only(browser, site_url):
    for options, shown in ((PHONE, False), ({"viewport": {"width": 1280, "height": 900}}, True)):
        context = browser.new_context(**options)
        try:
            page = context.new_page()
            open_review(page, site_url, "en")
            assert page.locator(".review__keys").is_visible() is shown
            assert page.locator("[data-reveal] kbd").is_visible() is shown
            page.locator("[data-reveal]").click()
            assert page.locator('[data-grade="good"] kbd').is_visible() is shown
        finally:
            context.close()


def test_the_keyboard_returns_to_the_card_after_the_topic_export_and_import(context, site_url, tmp_path):
    page = context.new_page()
    open_review(page, site_url, "ko")
    # Picked from the keyboard: the menu had focus, Space must not reopen it.
    page.focus("[data-topic]")
    page.select_option("[data-topic]", "oltp")
    assert page.evaluate("document.activeElement.matches('[data-reveal], [data-card-view]')")
    page.keyboard.press("Space")
    assert page.locator("[data-card-back]").is_visible()
    page.keyboard.press("3")
    assert len(stored(page)["cards"]) == 1

    page.click("summary:has-text('진행 상황')")
    with page.expect_download() as download:
        page.click("[data-export]")
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    page.wait_for_function("() => document.activeElement.matches('[data-reveal], [data-card-view]')")
    page.keyboard.press("Space")  # reveals; the export is not repeated
    assert page.locator("[data-card-back]").is_visible()
    page.keyboard.press("3")

    page.set_input_files("[data-import]", str(exported))
    page.wait_for_function("() => document.activeElement.matches('[data-reveal], [data-card-view]')")
    assert len(stored(page)["cards"]) >= 1
    page.keyboard.press("Space")
    assert page.locator("[data-card-back]").is_visible()


def test_space_and_digits_leave_other_controls_alone(context, site_url):
    page = context.new_page()
    before = open_review(page, site_url, "ko")
    page.click("[data-reveal]")
    for control in (".review__deck a", "summary:has-text('진행 상황')", "[data-topic]"):
        page.focus(control)
        page.keyboard.press("1")
        assert due(page) == before and stored(page) is None, control
    page.focus('[data-grade="hard"]')
    page.keyboard.press("1")
    assert due(page) == before - 1


@pytest.mark.parametrize("locale", LANGUAGES)
def test_a_topics_self_check_link_opens_its_cards(context, site_url, site, locale):
    page = context.new_page()
    prefix = "" if locale == "ko" else "en/"
    page.goto(f"{site_url}{prefix}oltp/")
    link = page.locator(".review-topic-link a")
    assert link.inner_text() == labels_for(locale)["review.topic_link"]
    link.click()
    page.locator("[data-review][data-due]").wait_for(state="visible")
    assert page.url == f"{site_url}{prefix}review/?topic=oltp"
    assert page.eval_on_selector("[data-topic]", "select => select.value") == "oltp"
    oltp = topic_cards(site, locale, "oltp")
    assert page.locator('[data-count="total"]').inner_text() == str(len(oltp))
    assert page.locator("[data-card-front]").inner_html() == oltp[0].summary.decode_contents()
    # A topic the page does not have leaves every topic chosen.
    open_review(page, site_url, path=f"{prefix}review/?topic=nothing")
    assert page.eval_on_selector("[data-topic]", "select => select.value") == ""


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_counts_read_as_a_part_of_the_whole(context, site_url, site, locale):
    page = context.new_page()
    before = open_review(page, site_url, locale)
    page.click("[data-reveal]")
    page.click('[data-grade="good"]')
    total = len(page_cards(site, locale))
    labels = labels_for(locale)
    whole = labels["review.total"].format(total=total, learned=1, new=total - 1)
    assert page.locator(".review__counts").inner_text().split() == f"{labels['review.due']} {before - 1} {whole}".split()


# The contrast of an element's text on what is behind it, from computed
# styles and WCAG 2's formula: the text colour blended over the backgrounds
# up the tree, composited until one is opaque.
CONTRAST = """(element) => {
  // Transitions (Material's buttons fade to their focus colours) run to their end first.
  for (let node = element; node; node = node.parentElement) node.getAnimations().forEach(a => a.finish())
  const parse = value => {
    const n = value.match(/[\\d.]+/g).map(Number)
    return { r: n[0], g: n[1], b: n[2], a: n.length > 3 ? n[3] : 1 }
  }
  const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 })
  const layers = []
  for (let node = element; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor)
    if (colour.a > 0) layers.push(colour)
    if (colour.a >= 1) break
  }
  let background = { r: 255, g: 255, b: 255, a: 1 }
  for (const layer of layers.reverse()) background = over(layer, background)
  const text = over(parse(getComputedStyle(element).color), background)
  const channel = v => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4) }
  const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a)
  return (light + 0.05) / (dark + 0.05)
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_grade_buttons_keep_4_5_to_1_focused_or_not(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        open_review(page, site_url, "ko")
        page.click("[data-reveal]")
        page.mouse.move(0, 0)
        low = []
        for grade in GRADES:
            button = page.locator(f'[data-grade="{grade}"]')
            for state in ("unfocused", "focused"):
                if state == "focused":
                    button.focus()
                else:
                    page.evaluate("document.activeElement.blur()")
                for part in (button, button.locator("[data-interval]")):
                    ratio = part.evaluate(CONTRAST)
                    if ratio < 4.5:
                        low.append(f"{grade} {state}: {ratio:.2f}")
        assert low == []
    finally:
        context.close()


# Every layout shift the page records, from its start (buffered).
LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = []
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      shifts.push({ value: entry.value,
        sources: entry.sources.map(source => source.node ? source.node.nodeName + '.' + source.node.className : '') })
    }
  }).observe({ type: 'layout-shift', buffered: true })
  setTimeout(() => resolve(shifts), 1000)
})"""


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_app_starts_without_moving_the_page_on_a_phone(browser, site_url, locale):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_review(page, site_url, locale)
        page.wait_for_load_state("load")
        assert page.evaluate(LAYOUT_SHIFTS) == []
    finally:
        context.close()
