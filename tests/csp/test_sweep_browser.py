"""Every page of both languages in Chromium under its policy, with every
interactive feature used once: search with results, study mode, the print
answer toggle, a term tooltip, a review card, the theme toggle and the
language menu. The policy must block nothing."""

from __future__ import annotations

import re

import pytest

from csp.browsing import close_context, open_context, page_file, page_paths

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERY = {"ko": "쿠버네티스", "en": "kubernetes"}


def use_every_feature(page, used: dict[str, int]) -> None:
    locale = page.evaluate("document.documentElement.lang")
    search = page.locator("[data-md-component=search-query]")
    search.focus()
    search.fill(QUERY[locale])
    # Material searches on keyup, which fill() (like Hangul input) sends none of.
    search.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    used["search"] += 1
    search.press("Escape")

    study = page.locator(".study-toggle:visible")
    if study.count():
        pressed = study.first.get_attribute("aria-pressed")
        # From the keyboard: a click waits for the smooth scroll to the button.
        study.first.press("Enter")
        assert study.first.get_attribute("aria-pressed") != pressed
        used["study mode"] += 1

    answers = page.locator("[data-print-study-control]:visible")
    if answers.count():
        checkbox = page.locator("[data-print-study]")
        checkbox.check()
        checkbox.uncheck()
        used["print answers"] += 1

    term = page.locator("a.term")
    if term.count():
        term.first.scroll_into_view_if_needed()
        term.first.hover()
        page.locator("#term-tooltip").wait_for(state="visible")
        used["term"] += 1

    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    # A function, not an expression: Playwright evaluates an expression with
    # eval() on each poll, which the page's policy blocks.
    page.wait_for_function("(scheme) => document.body.dataset.mdColorScheme !== scheme", arg=scheme)
    used["theme"] += 1

    reveal = page.locator("[data-reveal]:visible")
    if reveal.count():
        reveal.first.click()
        page.locator("[data-grade=good]").click()
        used["review card"] += 1

    page.mouse.move(0, 0)
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link").first.wait_for(state="visible")
    used["language menu"] += 1


def test_no_page_violates_its_policy_with_every_feature_used(browser, site, site_url):
    context, built = open_context(browser, site, site_url)
    page = context.new_page()
    # A feature that never answers fails its page in seconds, not minutes.
    page.set_default_timeout(10_000)
    console = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text else None)
    violations, used = {}, dict.fromkeys(["search", "study mode", "print answers", "term", "review card",
                                          "theme", "language menu"], 0)
    paths = page_paths(site)
    try:
        for path in paths:
            page.goto(built + path)
            try:
                use_every_feature(page, used)
                problem = []
            except Exception as error:  # a blocked script can break any feature: report both
                problem = [{"feature failed": str(error).splitlines()[0]}]
            # Violations are reported in a task after the blocked action.
            page.wait_for_timeout(50)
            found = page.evaluate("window.__cspViolations") + [{"console": text} for text in console] + problem
            console.clear()
            if found:
                violations[path] = found
    finally:
        close_context(context)
    assert violations == {}
    assert len(paths) >= 20 and {"404.html", "en/404.html", "print/", "en/print/"} <= set(paths)
    assert used["search"] == used["theme"] == used["language menu"] == len(paths), used
    # Topic pages have comparison tables, terms and folded self-check answers.
    assert used["study mode"] >= 14 and used["term"] >= 14 and used["print answers"] >= 2, used
    review_pages = [path for path in paths
                    if re.search(r"\sdata-reveal[\s>]", page_file(site, path).read_text(encoding="utf-8"))]
    assert used["review card"] == len(review_pages), used
