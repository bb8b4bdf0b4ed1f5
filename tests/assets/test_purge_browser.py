"""No selector the purge dropped matches anything on any page, in Chromium:
after load, with search results open, in the dark scheme and at phone width
(the states in which Material's scripts add elements, classes and
attributes). Dynamic pseudo-classes (:hover, :checked…) and pseudo-elements
are widened to match anything, so a selector that would match only on hover
counts as matching."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import tinycss2

from sitekit import DOCS

pytestmark = pytest.mark.browser

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PURGED = re.compile(r"(?:main|palette)\.[0-9a-f]+\.min\.css$")
PHONE = {"width": 360, "height": 740}
PSEUDO = re.compile(r"::?[A-Za-z-]+")

FIND = """(selectors) => selectors.filter(s => {
    try { return document.querySelector(s) !== null } catch (e) { return false }
})"""


def _selectors(css: str) -> set[str]:
    found = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.update(s.strip() for s in tinycss2.serialize(rule.prelude).split(",") if s.strip())
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def _widen(selector: str) -> str:
    """`selector` with every pseudo-class and pseudo-element (and its
    argument) replaced by `:is(*)`, which matches any element."""
    out, i = [], 0
    while i < len(selector):
        match = PSEUDO.match(selector, i)
        if not match or (i and selector[i - 1] == "\\"):
            out.append(selector[i])
            i += 1
            continue
        i = match.end()
        if i < len(selector) and selector[i] == "(":
            depth = 0
            while i < len(selector):
                depth += {"(": 1, ")": -1}.get(selector[i], 0)
                i += 1
                if depth == 0:
                    break
        out.append(":is(*)")
    return "".join(out)


def test_widening_keeps_what_a_selector_needs():
    assert _widen(".md-tag:hover>a::before") == ".md-tag:is(*)>a:is(*)"
    assert _widen("a:not(.x, :is(.y)) .z") == "a:is(*) .z"


@pytest.fixture(scope="module")
def dropped(site) -> list[str]:
    selectors = set()
    for built in site.glob("assets/stylesheets/*.min.css"):
        if PURGED.search(built.name):
            whole = _selectors((MATERIAL_CSS / built.name).read_text(encoding="utf-8"))
            selectors |= whole - _selectors(built.read_text(encoding="utf-8"))
    return sorted(selectors)


def test_the_purge_dropped_selectors(dropped):
    # Otherwise the check below would have nothing to check.
    assert len(dropped) > 100


def _matches(page, widened: dict[str, str]) -> set[str]:
    hits = page.evaluate(FIND, list(widened))
    return {widened[h] for h in hits}


def test_no_dropped_selector_matches_on_any_page(site_url, browser, dropped):
    widened = {_widen(s): s for s in dropped}
    pages = [""] + [p.stem + "/" for p in sorted(DOCS.glob("*.md")) if "." not in p.stem and p.stem != "index"]
    pages += ["en/" + p for p in pages]
    matched: dict[str, set[str]] = {}
    for path in pages:
        context = browser.new_context(color_scheme="light")
        try:
            page = context.new_page()
            page.goto(site_url + path, wait_until="networkidle")
            found = _matches(page, widened)
            search = page.locator("input.md-search__input")
            search.click()
            search.fill("쿠버네티스" if not path.startswith("en/") else "Kubernetes")
            search.press("End")
            page.locator(".md-search-result__item").first.wait_for(state="visible")
            found |= _matches(page, widened)
            page.keyboard.press("Escape")
            page.locator("form[data-md-component=palette] label >> visible=true").first.click()
            page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
            found |= _matches(page, widened)
            page.set_viewport_size(PHONE)
            page.wait_for_timeout(200)
            found |= _matches(page, widened)
        finally:
            context.close()
        if found:
            matched[path or "/"] = found
    assert not matched, f"dropped selectors that match: {matched}"
