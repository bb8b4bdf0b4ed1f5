"""The review pages meet the site's quality bar: axe-core clean with the app
running (light, dark, phone, answer shown, progress open), Lighthouse
accessibility, best practices and SEO at 100 (in the sweep of every page,
quality/test_lighthouse.py); and a topic page's first visit downloads
nothing of the review app."""

from __future__ import annotations

import pytest

from quality.axe import DESKTOP, PHONE, audit, violations
from devconcepts_testkit import page_paths

from cards.reviewkit import LANGUAGES

pytestmark = pytest.mark.browser

CONTEXTS = {
    "light": dict(viewport=DESKTOP, color_scheme="light"),
    "dark": dict(viewport=DESKTOP, color_scheme="dark"),
    "phone": dict(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True),
}
REVIEW_FILES = ("assets/javascripts/review.js", "assets/stylesheets/review.css")


@pytest.fixture(scope="module")
def review_urls(served_site):  # noqa: F811
    _, server = served_site
    return [server.base_url + path for path in LANGUAGES.values()]


def _app_running(page) -> list[str]:
    page.locator("[data-review][data-due]").wait_for(state="visible")
    page.click("[data-reveal]")
    page.locator("details.review__progress > summary").click()
    page.locator("details[data-card] > summary").first.click()
    return violations(page)


@pytest.fixture(scope="module")
def problems(browser, review_urls):
    return audit(browser, review_urls, {state: (options, {state: _app_running})
                                        for state, options in CONTEXTS.items()})


@pytest.mark.parametrize("state", list(CONTEXTS))
def test_axe_finds_no_violations_with_the_app_running(problems, state):
    found = problems[state]
    assert not found, "\n".join(f"{url}: {v}" for url, v in found.items())


def test_lighthouse_sweep_includes_the_review_pages(served_site):  # noqa: F811
    """Their Lighthouse scores are asserted by quality/test_lighthouse.py,
    which audits every page `page_paths` lists."""
    site_dir, _ = served_site
    assert set(LANGUAGES.values()) <= set(page_paths(site_dir))


def _first_visit_paths(browser, url: str, ready: str = "body") -> list[str]:
    """Every URL a cold first visit asks for until the network is idle. The
    service worker is blocked: its precache comes after the page's load event
    and is not part of the first visit."""
    context = browser.new_context(service_workers="block")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.locator(ready).first.wait_for(state="attached")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return requested


def test_a_topic_page_downloads_nothing_of_the_review_app(browser, served_site):  # noqa: F811
    site_dir, server = served_site
    for path in REVIEW_FILES:
        assert (site_dir / path).is_file(), path
    for topic in ("oltp/", "en/docker-kubernetes/"):
        requested = _first_visit_paths(browser, server.base_url + topic)
        assert any("bundle" in url for url in requested), requested
        assert not [url for url in requested if "review" in url], requested
    requested = _first_visit_paths(browser, server.base_url + "en/review/", ready="[data-review][data-due]")
    assert all(any(url.endswith(name) for url in requested) for name in REVIEW_FILES), requested
