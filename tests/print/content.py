"""What a printed page should and should not show, read from the page's own
rendered DOM (never from the print stylesheet), in real Chromium."""

from __future__ import annotations

from dataclasses import dataclass

ARTICLE = "article.md-content__inner"

# Every block of the article with its own text (text inside a nested block
# belongs to that block), skipping what is not rendered in the current media.
_STATEMENTS_JS = """
(root) => {
  const BLOCKS = "p, li, dt, dd, th, td, caption, figcaption, summary, pre, h1, h2, h3, h4, h5, h6";
  const out = [];
  for (const block of root.querySelectorAll(BLOCKS)) {
    if (!block.checkVisibility()) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent.closest(BLOCKS) === block && parent.checkVisibility()) text += node.data;
    }
    if (text.trim()) out.push(text.trim());
  }
  return out;
}
"""

_LINKS_JS = """
(root) => [...root.querySelectorAll("a[href]")].filter(a => a.checkVisibility()).map(a => ({
  href: a.getAttribute("href"),
  external: /^https?:$/.test(a.protocol) && a.origin !== location.origin,
  text: a.textContent.trim(),
}))
"""

# Text of the site's chrome: search box, header, navigation, footer.
_CHROME_JS = """
() => {
  const texts = [];
  for (const input of document.querySelectorAll(".md-search__input")) texts.push(input.placeholder);
  for (const el of document.querySelectorAll(
      ".md-header__topic, .md-nav__link, .md-nav__title, .md-footer__title, .md-footer__direction, .md-copyright, .md-search-result__meta"))
    texts.push(el.textContent);
  return texts.map(t => t.replace(/\\s+/g, " ").trim()).filter(Boolean);
}
"""


@dataclass
class Link:
    href: str
    external: bool
    text: str


def statements(page) -> list[str]:
    """The article's statements as rendered in the current media."""
    return page.locator(ARTICLE).evaluate(_STATEMENTS_JS)


def links(page) -> list[Link]:
    return [Link(**item) for item in page.locator(ARTICLE).evaluate(_LINKS_JS)]


def chrome_texts(page) -> list[str]:
    return page.evaluate(_CHROME_JS)


def article_text(page) -> str:
    """The article's text as rendered in the current media (innerText honours CSS)."""
    return page.locator(ARTICLE).inner_text()
