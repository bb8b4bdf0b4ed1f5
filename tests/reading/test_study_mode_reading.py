"""Study mode as a reader meets it, in real Chromium and both languages: a
hidden cell is compact (one line for the subject's name on phones, plus its
button), and the toggle says it is on, in its label and aria-pressed, on
every page with comparison tables and after a reload, until turned off."""

from __future__ import annotations

import pytest

from devconcepts.core.labels import label

pytestmark = pytest.mark.browser

LANGS = [("ko", ""), ("en", "en/")]
FIRST, OTHER = "stateful-vs-stateless/", "log-vs-cookie/"

# Each concealed cell's height against one line of its text, its button and
# the cell's own padding.
SIZES = """() => [...document.querySelectorAll('figure.compare td.is-concealed')].map(cell => {
  const style = getComputedStyle(cell);
  const button = cell.querySelector('.study-cell__reveal');
  const buttonStyle = getComputedStyle(button);
  return {
    height: cell.getBoundingClientRect().height,
    allowed: parseFloat(style.lineHeight) + button.getBoundingClientRect().height
      + parseFloat(buttonStyle.marginTop) + parseFloat(buttonStyle.marginBottom)
      + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
      + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth),
    text: cell.textContent.trim().slice(0, 30),
  };
})"""


def _toggle(page):
    return page.locator(".study-toolbar button.study-toggle")


def _state(page):
    toggle = _toggle(page)
    return toggle.inner_text().strip(), toggle.get_attribute("aria-pressed")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("locale, prefix", LANGS)
def test_a_hidden_cell_is_one_line_and_its_button_tall(browser, site_url, locale, prefix, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + prefix + FIRST)
    _toggle(page).click()
    sizes = page.evaluate(SIZES)
    context.close()
    assert len(sizes) >= 6
    tall = [s for s in sizes if s["height"] > s["allowed"] + 1]
    assert tall == [], tall


@pytest.mark.parametrize("locale, prefix", LANGS)
def test_the_toggle_says_it_is_on_on_every_page_until_turned_off(browser, site_url, locale, prefix):
    context = browser.new_context()
    page = context.new_page()
    off, on = (label("study.toggle", locale), "false"), (label("study.toggle_on", locale), "true")
    page.goto(site_url + prefix + FIRST)
    assert _state(page) == off
    _toggle(page).click()
    assert _state(page) == on
    page.reload()
    assert _state(page) == on
    page.goto(site_url + prefix + OTHER)
    assert _state(page) == on
    assert page.locator("figure.compare td.is-concealed").count() > 0
    _toggle(page).click()
    assert _state(page) == off
    page.reload()
    assert _state(page) == off
    assert page.locator("figure.compare td.is-concealed").count() == 0
    context.close()
