"""How sheets look: A4 from the CSS itself, light colours even in the dark
scheme, boxes readable in black and white, nothing split inside a row or a
box, table headers repeated."""

from __future__ import annotations

import re

import pytest

from .conftest import source_url, topic_sources
from .fixture import HEADER, LONG_TABLE_ROWS
from .pdf import A4_POINTS, gray_pixels, normalise, print_pdf

pytestmark = pytest.mark.browser

SHEET = {"ko": "sheet/", "en": "en/sheet/"}


def test_css_asks_for_a4(page, site_url, tmp_path):
    """Even when the browser's paper is Letter (Chromium's default), the page's
    @page rule wins: the sheets come out A4."""
    pdf = print_pdf(page, site_url + source_url("kubernetes-cluster.md"), tmp_path / "letter.pdf",
                    paper="Letter")
    for width, height in pdf.sheet_sizes:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)


@pytest.mark.parametrize("source", ["docker-kubernetes.md", "kubernetes-cluster.en.md"])
def test_dark_scheme_prints_light(browser, site_url, tmp_path, source):
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(site_url + source_url(source))
        # Precondition: the reader really sees the dark scheme on screen.
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        screen_bg = page.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor"
                                  " + '|' + getComputedStyle(document.body).backgroundColor")
        assert any(_luminance(c) < 0.3 for c in screen_bg.split("|") if c != "rgba(0, 0, 0, 0)"), screen_bg
        # With background graphics on, as a reader may choose.
        pdf = print_pdf(page, page.url, tmp_path / "dark.pdf", background=True)
        pixels = gray_pixels(pdf.png(tmp_path / "dark", dpi=40, gray=True))
        dark = sum(1 for p in pixels if p < 128) / len(pixels)
        assert dark < 0.1, f"{dark:.0%} of the sheet is dark"
        colors = page.evaluate("""() => [...document.querySelectorAll("article p:not(.print-source), article li")]
            .map(e => getComputedStyle(e).color)""")
        assert colors and all(_luminance(c) < 0.1 for c in colors), f"body text not dark on paper: {set(colors)}"
    finally:
        context.close()


_BOX_STYLES_JS = """
() => [...document.querySelectorAll("article .admonition, article details")].map(box => {
  const s = getComputedStyle(box);
  const title = box.querySelector(":scope > .admonition-title, :scope > summary");
  return {
    widths: [s.borderTopWidth, s.borderRightWidth, s.borderBottomWidth, s.borderLeftWidth].map(parseFloat),
    colors: [s.borderTopColor, s.borderRightColor, s.borderBottomColor, s.borderLeftColor],
    title: title ? title.innerText.trim() : "",
    titleWeight: title ? parseInt(getComputedStyle(title).fontWeight) : 0,
    titleColor: title ? getComputedStyle(title).color : "",
    breakInside: s.breakInside,
  };
})
"""


@pytest.mark.parametrize("where", ["fixture:ko", "fixture:en", "docker-kubernetes.md", "oltp.en.md"])
def test_boxes_readable_in_black_and_white(page, site_url, fixture_url, where):
    """Admonitions and details: a dark frame on every side and a bold dark
    title, so the box and its kind survive without its tinted background."""
    if where.startswith("fixture:"):
        page.goto(fixture_url + SHEET[where.split(":")[1]])
    else:
        page.goto(site_url + source_url(where))
    page.emulate_media(media="print")
    boxes = page.evaluate(_BOX_STYLES_JS)
    assert boxes, "no admonition or details on the page"
    for box in boxes:
        assert min(box["widths"]) >= 0.9, box
        assert all(_luminance(c) < 0.35 for c in box["colors"]), box
        assert box["title"] and box["titleWeight"] >= 600 and _luminance(box["titleColor"]) < 0.2, box
        assert box["breakInside"] == "avoid", box


_BREAKS_JS = """
() => ({
  rows: [...document.querySelectorAll("article table tr")].map(e => getComputedStyle(e).breakInside),
  boxes: [...document.querySelectorAll("article :is(.admonition, details, pre)")].map(e => getComputedStyle(e).breakInside),
  heads: [...document.querySelectorAll("article table thead")].map(e => getComputedStyle(e).display),
  compare: document.querySelectorAll("article figure.compare table").length,
})
"""


@pytest.mark.parametrize("source", topic_sources())
def test_nothing_splits_inside_a_row_or_box(page, site_url, source):
    page.goto(site_url + source_url(source))
    page.emulate_media(media="print")
    found = page.evaluate(_BREAKS_JS)
    assert set(found["rows"]) <= {"avoid"}
    assert set(found["boxes"]) <= {"avoid"}
    assert set(found["heads"]) <= {"table-header-group"}
    assert found["rows"] or found["boxes"], "nothing to check on this page"


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_long_table_repeats_its_header_and_keeps_rows_whole(page, fixture_url, tmp_path, locale):
    pdf = print_pdf(page, fixture_url + SHEET[locale], tmp_path / "table.pdf")
    word = "행" if locale == "ko" else "Row"
    header = normalise(" ".join(HEADER[locale]))
    sheets_with_rows = []
    for n in range(1, LONG_TABLE_ROWS + 1):
        # One line per row in paint order: both cells, nothing between them.
        row = re.compile(rf"^\s*{n}\s+{word}\s+{n}\s*$", re.MULTILINE)
        holding = [i for i, text in enumerate(pdf.sheet_texts) if row.search(text)]
        assert len(holding) == 1, f"row {n} is not whole on one sheet"
        sheets_with_rows.append(holding[0])
    spanned = sorted(set(sheets_with_rows))
    assert len(spanned) >= 2, "the fixture table should span sheets"
    for sheet in spanned:
        assert header in normalise(pdf.sheet_texts[sheet]), f"no header row on sheet {sheet + 1}"


def _luminance(color: str) -> float:
    """Relative luminance (0 black .. 1 white) of a CSS rgb()/rgba() colour,
    alpha blended over white paper."""
    inner = color[color.index("(") + 1: color.index(")")].replace("/", " ").replace(",", " ").split()
    r, g, b = (float(v) / 255 for v in inner[:3])
    alpha = float(inner[3]) if len(inner) > 3 else 1.0
    r, g, b = (alpha * v + (1 - alpha) for v in (r, g, b))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
