"""The cluster diagram for readers of both languages: its labels stay out of
the search index (where they would run together), it is legible on a 390 px
phone (drawn at a readable size in a frame that scrolls sideways, with a
hint), and it prints at the full text width with no label under 7 pt."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from print.pdf import print_pdf

PAGE = "kubernetes-cluster/"
LANGS = [("ko", ""), ("en", "en/")]
SCREEN_MIN_PX = 11
PAPER_MIN_PT = 7


def _drawing_texts(site, prefix) -> list[str]:
    """Every text of the drawing (title, description, labels) in document order."""
    soup = BeautifulSoup((site / prefix / PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")
    svg = soup.select_one("figure.diagram svg")
    return [" ".join(t.get_text().split()) for t in svg.find_all(["title", "desc", "text"])]


@pytest.mark.parametrize("locale, prefix", LANGS)
def test_no_diagram_label_is_glued_to_another_in_the_search_index(site, locale, prefix):
    index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].split("#")[0] == PAGE]
    assert docs, f"{PAGE} is not in the {locale} index"
    text = " ".join(re.sub(r"<[^>]+>", " ", f"{d['title']} {d['text']}") for d in docs)
    labels = _drawing_texts(site, prefix)
    assert len(labels) > 20
    glued = [a + b for a, b in zip(labels, labels[1:]) if a + b in text]
    assert glued == [], glued


PHONE = """() => {
  const frame = document.querySelector('figure.diagram .diagram__frame');
  const svg = frame.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const hint = document.querySelector('figure.diagram .diagram__hint');
  const named = document.getElementById(frame.getAttribute('aria-labelledby'));
  frame.scrollLeft = frame.scrollWidth;
  const view = frame.getBoundingClientRect();
  const last = Math.max(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().right));
  return {
    smallest: Math.min(...sizes), labels: sizes.length,
    scrolls: frame.scrollWidth > frame.clientWidth + 20,
    pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
    lastLabelReachable: last <= view.right + 1,
    hint: hint.checkVisibility() ? hint.textContent.trim() : null,
    name: named && named.textContent.trim(),
    focusable: frame.tabIndex === 0,
  };
}"""


@pytest.mark.parametrize("locale, prefix", LANGS)
def test_the_diagram_is_legible_on_a_phone_and_scrolls_sideways_with_a_hint(browser, site_url, locale, prefix):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url + prefix + PAGE)
    found = page.evaluate(PHONE)
    context.close()
    assert found["labels"] > 20
    assert found["smallest"] >= SCREEN_MIN_PX, found
    assert found["scrolls"] and not found["pageScrolls"], found
    assert found["lastLabelReachable"], found
    assert found["hint"] and found["hint"] == found["name"], found
    assert found["focusable"], found


def _pdf_text_sizes(path) -> list[tuple[str, float]]:
    """(text, size in pt) of every text run of the PDF: the font size scaled
    by the text and transformation matrices."""
    def product(m, n):
        return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
                m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3]]

    runs = []
    for sheet in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                m = product(tm, cm)
                # Chromium writes some spaces as glyph 1.
                runs.append((" ".join(text.replace("\x01", " ").split()), size * (m[2] ** 2 + m[3] ** 2) ** 0.5))
        sheet.extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("locale, prefix", LANGS)
def test_the_diagram_prints_across_the_text_width_with_no_label_under_7pt(
        browser, site, site_url, tmp_path, locale, prefix):
    context = browser.new_context()
    page = context.new_page()
    print_pdf(page, site_url + prefix + PAGE, tmp_path / f"cluster-{locale}.pdf")
    widths = page.evaluate("""() => [document.querySelector('figure.diagram svg').getBoundingClientRect().width,
                                     document.querySelector('article').getBoundingClientRect().width]""")
    context.close()
    labels = set(_drawing_texts(site, prefix)[2:])
    sizes = {}
    for text, size in _pdf_text_sizes(tmp_path / f"cluster-{locale}.pdf"):
        if text in labels:
            sizes[text] = min(size, sizes.get(text, size))
    assert set(sizes) == labels, f"labels not found as text in the PDF: {labels - set(sizes)}"
    assert min(sizes.values()) >= PAPER_MIN_PT, sorted(sizes.items(), key=lambda item: item[1])[:3]
    svg_width, article_width = widths
    assert svg_width >= 0.95 * article_width, widths
