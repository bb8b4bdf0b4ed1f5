"""Comparison tables of the real site in real headless Chromium: on a 360-px
phone, in both colour schemes, on paper and without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from devconcepts.compare.parse import parse
from devconcepts.core.labels import label

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def comparison_pages():
    """(URL path, locale, comparisons) of every page with its own comparisons."""
    pages = []
    for source in sorted(DOCS.glob("*.md")):
        comparisons = parse(source.read_text(encoding="utf-8"))
        if comparisons:
            stem, _, locale = source.name[: -len(".md")].partition(".")
            url = f"en/{stem}/" if locale == "en" else f"{stem}/"
            pages.append(pytest.param(url, locale or "ko", comparisons, id=url))
    return pages


PAGES = comparison_pages()


def test_the_site_has_comparisons_in_both_languages():
    locales = {param.values[1] for param in PAGES}
    assert locales == {"ko", "en"}


@pytest.fixture
def open_page(browser, site_url):
    contexts = []

    def open_(url: str, viewport: dict, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + url)
        return page

    yield open_
    for context in contexts:
        context.close()


PHONE_PROBLEMS = """() => {
  const doc = document.documentElement;
  const problems = [];
  if (doc.scrollWidth > doc.clientWidth || document.body.scrollWidth > doc.clientWidth) {
    problems.push(`page is ${Math.max(doc.scrollWidth, document.body.scrollWidth)}px wide in a ${doc.clientWidth}px window`);
  }
  const cells = document.querySelectorAll('figure.compare caption, figure.compare tbody th, figure.compare tbody td');
  for (const cell of cells) {
    const box = cell.getBoundingClientRect();
    const text = cell.textContent.trim().slice(0, 40);
    if (!cell.checkVisibility({opacityProperty: true, visibilityProperty: true}) || !box.width || !box.height) {
      problems.push(`hidden: ${text}`);
    } else if (box.left < 0 || box.right > doc.clientWidth + 0.5) {
      problems.push(`outside the window (${box.left}..${box.right}): ${text}`);
    } else if (cell.scrollWidth > cell.clientWidth + 1) {
      problems.push(`overflows its cell: ${text}`);
    }
    if (cell.matches('td[data-label]')) {
      const shown = getComputedStyle(cell, '::before').content;
      if (shown !== JSON.stringify(cell.dataset.label)) problems.push(`subject not shown (${shown}): ${text}`);
    }
  }
  return {problems, cells: cells.length};
}"""


@pytest.mark.parametrize(("url", "locale", "comparisons"), PAGES)
def test_phone_width_never_scrolls_sideways_and_every_cell_is_readable(open_page, url, locale, comparisons):
    page = open_page(url, PHONE)
    result = page.evaluate(PHONE_PROBLEMS)
    expected_cells = sum(1 + len(c.rows) * (1 + len(c.subjects)) + (2 if c.shared else 0) for c in comparisons)
    assert result["cells"] == expected_cells
    assert result["problems"] == []


CONTRAST = """() => {
  const parse = (value) => {
    const m = value.match(/rgba?\\(([^)]+)\\)/);
    if (!m) throw new Error('unexpected colour ' + value);
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const measure = (el, style, what) => {
    const bg = backdrop(el);
    return {what, ratio: ratio(over(parse(style.color), bg), bg)};
  };
  const out = [];
  for (const el of document.querySelectorAll('figure.compare *')) {
    const ownText = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (ownText && el.checkVisibility()) out.push(measure(el, getComputedStyle(el), el.textContent.trim().slice(0, 40)));
    const before = getComputedStyle(el, '::before');
    if (el.matches('td[data-label]') && before.content !== 'none') {
      out.push(measure(el, before, `label ${el.dataset.label}`));
    }
  }
  return out;
}"""


# Material eases colours (e.g. links) over 125 ms; measure once every
# transition the switch started has finished, not halfway through.
SWITCH_SCHEME = """async (scheme) => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  for (const el of document.querySelectorAll('figure.compare *')) getComputedStyle(el).color;
  await Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)));
}"""


@pytest.mark.parametrize(("url", "locale", "comparisons"), PAGES)
def test_text_contrast_is_at_least_4_5_in_both_schemes(open_page, url, locale, comparisons):
    page = open_page(url, DESKTOP)
    low = []
    for scheme in ("slate", "default"):
        page.evaluate(SWITCH_SCHEME, scheme)
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            measured = page.evaluate(CONTRAST)
            assert measured, "no text measured"
            low += [f"{scheme} {viewport['width']}px {m['what']!r}: {m['ratio']:.2f}" for m in measured
                    if m["ratio"] < 4.5]
    assert low == []


PRINT_LAYOUT = """() => [...document.querySelectorAll('figure.compare')].map(f => ({
  table: getComputedStyle(f.querySelector('table')).display,
  thead: getComputedStyle(f.querySelector('thead')).display,
  theadVisible: f.querySelector('thead').getBoundingClientRect().height > 1,
  rows: [...f.querySelectorAll('tr')].map(tr => getComputedStyle(tr).breakInside),
  headerWeights: [...f.querySelectorAll('th')].map(th => Number(getComputedStyle(th).fontWeight)),
}))"""


@pytest.mark.parametrize(("url", "locale", "comparisons"), PAGES)
def test_print_repeats_the_header_row_and_never_splits_a_row(open_page, url, locale, comparisons):
    page = open_page(url, DESKTOP)
    page.emulate_media(media="print")
    for viewport in (DESKTOP, PHONE):
        # The phone's stacked cards are for screens only; paper gets the table.
        page.set_viewport_size(viewport)
        tables = page.evaluate(PRINT_LAYOUT)
        assert len(tables) == len(comparisons)
        for table in tables:
            assert table["table"] == "table"
            assert table["thead"] == "table-header-group" and table["theadVisible"]
            assert set(table["rows"]) == {"avoid"}
            # Headers stand out by weight, not by a background that may not print.
            assert min(table["headerWeights"]) >= 600


def _plain(inline_markdown: str) -> str:
    """What a reader sees of a cell's inline Markdown (links, bold, code)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", inline_markdown)
    return " ".join(text.replace("**", "").replace("`", "").replace("*", "").split())


@pytest.mark.parametrize(("url", "locale", "comparisons"), PAGES)
def test_tables_are_complete_without_javascript(open_page, url, locale, comparisons):
    page = open_page(url, DESKTOP, java_script_enabled=False)
    figures = page.locator("figure.compare")
    assert figures.count() == len(comparisons)
    for index, comparison in enumerate(comparisons):
        figure = figures.nth(index)
        assert figure.is_visible()
        assert _plain(figure.locator("caption").inner_text()) == _plain(comparison.title)
        assert figure.locator("thead th").all_inner_texts() == [label("compare.aspect", locale), *comparison.subjects]
        rows = figure.locator("tbody tr:not(.compare__shared)")
        assert rows.count() == len(comparison.rows)
        for number, row in enumerate(comparison.rows):
            shown = rows.nth(number)
            assert _plain(shown.locator("th").inner_text()) == _plain(row.aspect)
            assert [_plain(text) for text in shown.locator("td").all_inner_texts()] == [_plain(c) for c in row.cells]
        shared = figure.locator("tr.compare__shared li")
        assert [_plain(text) for text in shared.all_inner_texts()] == [_plain(item) for item in comparison.shared]
