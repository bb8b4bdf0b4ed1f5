"""Reading on a phone, in real Chromium, on every page of both languages: no
word of a title or of a term link breaks across lines, a title is not
squeezed by the print controls (a one-line title is one line tall), the
controls come after the title in the DOM, text is 16 px and nothing is under
12 px at 390 px, and term links are marked by a dotted underline on screen
and by none on paper."""

from __future__ import annotations

import pytest

from bilingual.pages import built_pages

pytestmark = pytest.mark.browser

WIDTHS = (360, 390)

# Each word of the title and of every term link, as a Range: a word whose
# line boxes have more than one top was broken in two. A parenthesis starts a
# word of its own and a hyphen ends one: 쿠버네티스 / (Kubernetes) and
# kube-/controller-manager may wrap there, as typesetting allows, but (온라/인
# and 컨테/이너 may not.
BROKEN_WORDS = """() => {
  const broken = [];
  const check = (element, where) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest('.headerlink')) continue;
      for (const match of node.data.matchAll(/\\(?[^\\s(-]+-?|-/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${where}: ${match[0]}`);
      }
    }
  };
  const article = document.querySelector('article.md-content__inner');
  if (!article) return broken;
  const title = article.querySelector('h1');
  if (title) check(title, 'h1');
  article.querySelectorAll('a.term').forEach(term => check(term, 'a.term'));
  return broken;
}"""

TITLE = """() => {
  const title = document.querySelector('article.md-content__inner h1');
  const style = getComputedStyle(title);
  const range = document.createRange();
  range.selectNodeContents(title.firstChild);
  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  const controls = document.querySelector('[data-print-controls]');
  return {
    height: title.getBoundingClientRect().height,
    lineHeight: parseFloat(style.lineHeight),
    lines,
    controlsAfterTitle: !controls || !!(title.compareDocumentPosition(controls) & Node.DOCUMENT_POSITION_FOLLOWING),
    controlsVisible: !!controls && !controls.hidden,
  };
}"""

# Focusable things in the article that come before its title in the DOM.
BEFORE_TITLE = """() => {
  const article = document.querySelector('article.md-content__inner');
  const title = article.querySelector('h1');
  const focusable = article.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
  return [...focusable]
    .filter(el => el.tabIndex >= 0 && el.getClientRects().length > 0)
    .filter(el => el.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING)
    .map(el => el.outerHTML.slice(0, 80));
}"""

# Computed font sizes: every text of the article at 12 px or more (notes
# such as the "최신 정보" corrections, their code, folded answers and the
# review page's list of cards included), and running text (paragraphs and
# list items outside notes, answers, tables, figures, the review app and a
# glossary entry's line of other spellings) at 16 px or more. Counts what was measured, so a sweep that measured no note's
# code or no answer of the review list says so.
FONT_SIZES = """() => {
  const article = document.querySelector('article.md-content__inner');
  const found = { small: [], measured: { note: 0, noteCode: 0, answer: 0, body: 0 } };
  if (!article) return found;
  const size = element => parseFloat(getComputedStyle(element).fontSize);
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const element = node.parentElement;
    // The source line is printed on paper only.
    if (!node.data.trim() || element.closest('.print-source')) continue;
    if (element.closest('.admonition')) found.measured[element.closest('code') ? 'noteCode' : 'note'] += 1;
    if (element.closest('.review-list__back')) found.measured.answer += 1;
    if (size(element) < 12) found.small.push(`${size(element)}px ${element.tagName}: ${node.data.trim().slice(0, 30)}`);
  }
  for (const element of article.querySelectorAll('p, li')) {
    if (element.closest('.admonition, details, table, figure, .review, .print-controls, .glossary__meta, [aria-hidden="true"]')) continue;
    found.measured.body += 1;
    if (size(element) < 16) found.small.push(`${size(element)}px running text: ${element.textContent.trim().slice(0, 30)}`);
  }
  return found;
}"""

TERM_STYLE = """() => [...document.querySelectorAll('article a.term')].slice(0, 3).map(term => {
  const style = getComputedStyle(term);
  return [style.textDecorationLine, style.textDecorationStyle];
})"""


def _pages(site):
    return [p.url for p in built_pages(site) if p.content is not None and p.content.select_one("h1")]


@pytest.fixture(scope="module")
def phone_pass(browser, site, site_url) -> dict:
    """Each page loaded once at the narrowest width, then widened: the words
    broken at each width, and at 390 px the title's box and what comes
    before it. Reading layout again after a resize is what a phone turned
    or a browser window narrowed gives too."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    page = context.new_page()
    found = {"broken": [], "titles": {}, "before title": {}, "fonts": {}}
    try:
        for url in _pages(site):
            page.set_viewport_size({"width": WIDTHS[0], "height": 800})
            page.goto(site_url + url)
            for width in WIDTHS:
                if width != WIDTHS[0]:
                    page.set_viewport_size({"width": width, "height": 800})
                found["broken"] += [f"{width}px /{url} {word}" for word in page.evaluate(BROKEN_WORDS)]
            found["titles"][url] = page.evaluate(TITLE)
            found["before title"][url] = page.evaluate(BEFORE_TITLE)
            found["fonts"][url] = page.evaluate(FONT_SIZES)
    finally:
        context.close()
    return found


def test_titles_and_term_links_keep_their_words_whole_on_phones(phone_pass):
    assert phone_pass["broken"] == [], "\n".join(phone_pass["broken"])


def test_the_print_controls_sit_under_the_title_and_leave_it_one_line(phone_pass):
    assert WIDTHS[-1] == 390
    squeezed, misplaced, checked = [], [], 0
    for url, title in phone_pass["titles"].items():
        if not title["controlsAfterTitle"]:
            misplaced.append(url)
        if phone_pass["before title"][url]:
            misplaced.append(f"{url}: {phone_pass['before title'][url]}")
        if title["lines"] == 1:
            checked += 1
            # One line of text, and nothing (the ¶ link, a float) adds a second.
            if title["height"] > title["lineHeight"] * 1.5:
                squeezed.append(f"/{url}: {title['height']:.0f}px for one line of {title['lineHeight']:.0f}px")
    assert checked >= 6, "expected several one-line titles at 390 px"
    assert squeezed == [] and misplaced == []


def test_text_is_16_px_and_nothing_under_12_px_at_390_px(phone_pass):
    assert WIDTHS[-1] == 390
    small = [f"/{url} {text}" for url, found in phone_pass["fonts"].items() for text in found["small"]]
    assert small == [], "\n".join(small)
    measured = {name: sum(found["measured"][name] for found in phone_pass["fonts"].values())
                for name in ("note", "noteCode", "answer", "body")}
    assert all(measured.values()), measured
    # The review pages' answers, in both languages.
    assert phone_pass["fonts"]["review/"]["measured"]["answer"] and phone_pass["fonts"]["en/review/"]["measured"]["answer"]


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_term_links_are_dotted_on_screen_and_plain_on_paper(browser, site_url, lang_prefix):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}{lang_prefix}kubernetes-cluster/")
    screen = page.evaluate(TERM_STYLE)
    page.emulate_media(media="print")
    paper = page.evaluate(TERM_STYLE)
    context.close()
    assert screen and all(line == "underline" and style == "dotted" for line, style in screen), screen
    assert paper and all(line == "none" for line, _ in paper), paper
