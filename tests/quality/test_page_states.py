"""Every page in four states, in one pass: the light scheme, search open
with results (on the light page just checked), the dark scheme, and phone
width (360 px). In each, axe-core finds no violations (with search open,
in the search dialog, which is what changed), and no selector the purge
dropped from Material's stylesheets matches anything: these are the states
in which Material's scripts add elements, classes and attributes. In the
first, the page loaded with no change to <html>'s class once <body> has
begun: any change of it restyles every element of the page
(overrides/partials/steady-styles.html)."""

from __future__ import annotations

import pytest

from assets.dropped_selectors import Matcher, dropped
from quality.axe import DESKTOP, PHONE, audit, violations

pytestmark = pytest.mark.browser

# A word every page's search index has in both languages.
QUERY = "Kubernetes"
CHECKS = ("axe", "purge")

# An init script runs before the document has its <html>: the observer
# watches the document and keeps what happens to <html>'s class.
ROOT_CHANGES = """
window.__rootChanges = [];
new MutationObserver((records) => {
  for (const record of records) {
    const now = record.target.getAttribute(record.attributeName);
    if (record.target === document.documentElement && document.body && now !== record.oldValue)
      window.__rootChanges.push(`class: ${record.oldValue} -> ${now}`);
  }
}).observe(document, {attributes: true, attributeOldValue: true, attributeFilter: ["class"], subtree: true});
"""
"""Init script: each change of <html>'s class made once <body> exists."""


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


def _checked(matcher: Matcher, scheme: str, *, search: bool = False, loaded: bool = False):
    """A sweep step: the page brought into its state, then both checks (and,
    with `loaded`, the changes to <html>'s class since <body> began, which the
    context's ROOT_CHANGES recorded). A page in the wrong colour scheme
    fails both, since neither checked the state it names."""
    def step(page) -> dict[str, list[str]]:
        wrong = _scheme(page, scheme)
        if wrong:
            return dict.fromkeys(CHECKS, wrong)
        if search:
            _open_search(page)
        found = {"axe": violations(page, include=".md-search" if search else None), "purge": matcher(page)}
        if loaded:
            found["restyle"] = page.evaluate("window.__rootChanges")
        return {check: problems for check, problems in found.items() if problems}
    return step


def sweeps(matcher: Matcher) -> dict:
    return {
        # One visit per page: the page in the light scheme, then its search open.
        "desktop-light": (dict(viewport=DESKTOP, color_scheme="light", init_script=ROOT_CHANGES), {
            "light": _checked(matcher, "default", loaded=True),
            "search-open": _checked(matcher, "default", search=True),
        }),
        "desktop-dark": (dict(viewport=DESKTOP, color_scheme="dark"), {
            "dark": _checked(matcher, "slate"),
        }),
        "phone": (dict(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True), {
            "phone": _checked(matcher, "default"),
        }),
    }


STATES = ("light", "search-open", "dark", "phone")


@pytest.fixture(scope="module")
def problems(browser, served_site, page_urls):
    """Every state's problems, by URL, from one pass over the pages."""
    site_dir, _ = served_site
    found = audit(browser, page_urls, sweeps(Matcher(dropped(site_dir))))
    assert set(found) == set(STATES)
    return found


def _report(problems, state: str, check: str) -> dict[str, list[str]]:
    return {url: found[check] for url, found in problems[state].items() if check in found}


@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_violations(problems, state):
    found = _report(problems, state, "axe")
    assert not found, "\n".join(f"{url}: {v}" for url, v in found.items())


def test_loading_a_page_changes_no_class_of_html_once_body_began(problems):
    found = _report(problems, "light", "restyle")
    assert not found, "\n".join(f"{url}: {v}" for url, v in found.items())


@pytest.mark.parametrize("state", STATES)
def test_no_selector_the_purge_dropped_matches(problems, state):
    found = _report(problems, state, "purge")
    assert not found, "\n".join(f"{url}: {v}" for url, v in found.items())
