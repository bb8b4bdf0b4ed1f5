"""axe-core finds no violations on any page: light scheme, dark scheme,
search open with results (the search dialog, on the light page just
audited), and at phone width (360 px)."""

from __future__ import annotations

import pytest

from quality.axe import DESKTOP, PHONE, audit, violations

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


def _scheme(page, expected: str) -> list[str]:
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    return [] if scheme == expected else [f"colour scheme is {scheme!r}, expected {expected!r}"]


def _search_dialog(page) -> list[str]:
    """The search opened on the page just audited: the dialog and its
    results are what changed, so they are what axe reads."""
    _open_search(page)
    return violations(page, include=".md-search")


SWEEPS = {
    # One visit per page: the page in the light scheme, then its search open.
    "desktop-light": (dict(viewport=DESKTOP, color_scheme="light"), {
        "light": lambda page: _scheme(page, "default") or violations(page),
        "search-open": _search_dialog,
    }),
    "desktop-dark": (dict(viewport=DESKTOP, color_scheme="dark"), {
        "dark": lambda page: _scheme(page, "slate") or violations(page),
    }),
    "phone": (dict(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True), {
        "phone": lambda page: _scheme(page, "default") or violations(page),
    }),
}


@pytest.fixture(scope="module")
def problems(browser, page_urls):
    """Every state's problems, by URL, from one pass over the pages."""
    return audit(browser, page_urls, SWEEPS)


@pytest.mark.parametrize("state", [state for _, steps in SWEEPS.values() for state in steps])
def test_axe_finds_no_violations(problems, state):
    found = problems[state]
    assert not found, "\n".join(f"{url}: {v}" for url, v in found.items())
