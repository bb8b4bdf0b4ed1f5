"""Every page is readable with JavaScript disabled: the article's headings,
paragraphs, lists and tables (comparison tables included) are visible."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Content inside a closed <details> is hidden by design (collapsible notes,
# self-check answers), and so are the print-only source line and visual aids
# hidden from assistive technology; everything else in the article must be
# visible.
HIDDEN_ELEMENTS = """
(article) => {
  const blocks = article.querySelectorAll('h1, h2, h3, h4, p, li, table, th, td');
  const hidden = [];
  for (const el of blocks) {
    if (el.closest('details:not([open])') && !el.closest('summary')) continue;
    // The source line is printed on paper only, by design; what is hidden
    // from assistive technology too (the diagram's scroll hint, which only
    // narrow screens show) is a visual aid, not content.
    // The review page's app works only with script, and hides without it
    // (its list of cards below is the page then).
    if (el.closest('.print-source, [aria-hidden="true"], [data-review]')) continue;
    if (!el.textContent.trim()) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') {
      hidden.push(el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 60));
    }
  }
  return hidden;
}
"""


# Every table of the article: a table in a closed <details> (a review
# card's answer) is hidden by design. Visible as Playwright's is_visible()
# has it: a box, and not visibility: hidden.
TABLES = """
(article) => [...article.querySelectorAll('table')].map((table) => {
  const box = table.getBoundingClientRect();
  return {
    folded: !!table.closest('details:not([open])'),
    shown: box.width > 0 && box.height > 0 && getComputedStyle(table).visibility !== 'hidden'
      && table.innerText.trim() !== '',
  };
})
"""


@pytest.fixture(scope="module")
def read_without_javascript(browser, page_urls) -> dict[str, dict]:
    """Each page loaded once with JavaScript off: what hides its content,
    its tables, and whether `/// compare` is left as text."""
    found = {}
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for url in page_urls:
            page.goto(url)
            article = page.locator("article.md-content__inner")
            if article.count() != 1 or not article.is_visible():
                found[url] = {"problems": ["no visible article"], "tables": [], "raw": False}
                continue
            text = article.inner_text().strip()
            problems = [f"article text too short: {text!r}"] if len(text) < 100 else article.evaluate(HIDDEN_ELEMENTS)[:5]
            found[url] = {"problems": problems, "tables": article.evaluate(TABLES), "raw": "/// compare" in text}
    finally:
        context.close()
    return found


def test_every_page_is_readable_without_javascript(read_without_javascript):
    problems = {url: found["problems"] for url, found in read_without_javascript.items() if found["problems"]}
    assert not problems, f"content not readable without JavaScript: {problems}"


def test_comparison_tables_are_visible_without_javascript(read_without_javascript):
    # Pages with a `/// compare` block must show it as a table with JS off.
    tables = [(url, i, table) for url, found in read_without_javascript.items()
              for i, table in enumerate(found["tables"])]
    assert tables, "no tables found on any page"
    missing = [f"{url} table {i}" for url, i, table in tables if not table["folded"] and not table["shown"]]
    assert not missing, f"tables not visible without JavaScript: {missing}"


def test_no_comparison_block_is_left_as_raw_markup(read_without_javascript):
    raw = [url for url, found in read_without_javascript.items() if found["raw"]]
    assert not raw, f"unrendered `/// compare` blocks on {raw}"
