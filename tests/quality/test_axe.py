"""axe-core finds no violations on any page: light scheme, dark scheme,
search open with results, and at phone width (360 px)."""

from __future__ import annotations

import pytest

from quality.axe import DESKTOP, PHONE, audit

pytestmark = pytest.mark.browser

# A word every page's search index has in both languages.
QUERY = "Kubernetes"


def _open_search(page) -> None:
    page.locator("label.md-header__button[for='__search']").first.click() \
        if page.viewport_size["width"] < 960 else page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(QUERY)
    # Material's search runs on keyup, which fill() does not send.
    page.locator("input.md-search__input").press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    # On wide screens the results panel fades in over 0.4 s; axe measures
    # contrast through the opacity, so it must run on the settled panel.
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-search__output')).opacity === '1'",
        timeout=10_000,
    )


STATES = {
    "light": dict(viewport=DESKTOP, color_scheme="light"),
    "dark": dict(viewport=DESKTOP, color_scheme="dark"),
    "search-open": dict(viewport=DESKTOP, color_scheme="light"),
    "phone": dict(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True),
}


@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_no_violations(browser, page_urls, state):
    def prepare(page):
        scheme = page.locator("body").get_attribute("data-md-color-scheme")
        expected = "slate" if state == "dark" else "default"
        if scheme != expected:
            return [f"colour scheme is {scheme!r}, expected {expected!r}"]
        if state == "search-open":
            _open_search(page)
        return None

    problems = audit(browser, page_urls, STATES[state], prepare)
    assert not problems, "\n".join(f"{url}: {v}" for url, v in problems.items())
