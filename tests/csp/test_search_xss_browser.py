"""Markup typed into the search box, or passed to a page in the search
highlight parameter, is shown as text: it never becomes an element, runs
nothing and opens no dialog."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from csp.browsing import close_context, open_context

# Waits take functions, never expressions: Playwright evaluates an expression
# with eval() on each poll, which the page's policy blocks.

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = [
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(2)>',
    "<img/src=x/onerror=alert(3)>",
    # After a word that gets a suggestion: Material writes the query into the
    # suggestion line as the reader types.
    "dock<img/src=x/onerror=alert(4)>",
    "kubernetes <svg/onload=alert(5)>",
    "쿠버네티스 <img src=x onerror=alert(6)>",
]

# Elements the search box draws itself, and anything a query could add.
MARKUP_FROM_QUERY = """(root) => {
  const found = [];
  for (const element of document.querySelectorAll(root + " *")) {
    for (const attribute of element.attributes)
      if (attribute.name.startsWith("on")) found.push(element.outerHTML.slice(0, 80));
    if (["IMG", "SCRIPT", "IFRAME", "OBJECT", "EMBED"].includes(element.tagName)) found.push(element.tagName);
  }
  return found;
}"""


@pytest.fixture
def visit(browser, site, site_url):
    context, built = open_context(browser, site, site_url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page, built, dialogs
    close_context(context)


@pytest.mark.parametrize("root", ["", "en/"])
def test_queries_with_markup_are_shown_as_text(visit, root):
    page, built, dialogs = visit
    page.goto(built + root)
    search = page.locator("[data-md-component=search-query]")
    search.focus()
    for query in QUERIES:
        # Material searches on keyup and redraws the suggestion line on
        # keydown; fill() sends neither (as Hangul input does), End sends both.
        search.fill(query)
        search.press("End")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
        page.wait_for_timeout(200)
        assert search.input_value() == query
        assert page.evaluate(MARKUP_FROM_QUERY, ".md-search") == [], query
        suggestion = page.locator("[data-md-component=search-suggest]")
        assert suggestion.evaluate("element => element.children.length") == 0, query
    assert dialogs == []
    assert page.evaluate("window.__cspViolations") == []


SUGGESTIONS = """() => {
  window.__suggestions = [];
  const line = document.querySelector("[data-md-component=search-suggest]");
  new MutationObserver(() => window.__suggestions.push({text: line.textContent, elements: line.children.length}))
    .observe(line, {childList: true, subtree: true, characterData: true});
}"""


def test_the_suggestion_line_shows_the_typed_markup_literally(visit):
    page, built, dialogs = visit
    page.goto(built + "en/")
    page.evaluate(SUGGESTIONS)
    search = page.locator("[data-md-component=search-query]")
    search.focus()
    search.type("dock", delay=10)
    page.wait_for_function("() => window.__suggestions.some(shown => shown.text.startsWith('dock'))")
    # Key by key, as a reader types: the suggestion line follows each key.
    search.type(" <b>x</b> <i>")
    page.wait_for_timeout(300)
    shown = page.evaluate("window.__suggestions")
    assert any("<" in state["text"] for state in shown), shown
    assert all(state["elements"] == 0 for state in shown), shown
    assert dialogs == [] and page.evaluate("window.__cspViolations") == []


@pytest.mark.parametrize("highlight", ["<img src=x onerror=alert(7)>", "oltp <svg onload=alert(8)>", "lt gt amp"])
def test_the_highlight_parameter_marks_words_and_adds_no_markup(visit, highlight):
    page, built, dialogs = visit
    page.goto(f"{built}en/oltp/?h={quote(highlight)}")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    assert page.evaluate(MARKUP_FROM_QUERY, ".md-content") == []
    assert dialogs == [] and page.evaluate("window.__cspViolations") == []
