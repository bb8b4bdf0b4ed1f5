"""The review pages meet the site's quality bar: axe-core clean with the app
running (light, dark, phone, answer shown, progress open), Lighthouse
accessibility, best practices and SEO at 100 (in the sweep of every page,
quality/test_lighthouse.py); and a topic page's first visit downloads
nothing of the review app."""

from __future__ import annotations

import pytest

from quality.conftest import served_site  # noqa: F401 (the fixture: a --strict build served gzipped)
from quality.axe import DESKTOP, PHONE, audit
from quality.visits import page_paths

from cards.reviewkit import LANGUAGES

pytestmark = pytest.mark.browser

STATES = {
    "light": dict(viewport=DESKTOP, color_scheme="light"),
    "dark": dict(viewport=DESKTOP, color_scheme="dark"),
    "phone": dict(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True),
}
REVIEW_FILES = ("assets/javascripts/review.js", "assets/stylesheets/review.css")


@pytest.fixture(scope="module")
def review_urls(served_site):  # noqa: F811
    _, server = served_site
    return [server.base_url + path for path in LANGUAGES.values()]


@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_no_violations_with_the_app_running(browser, review_urls, state):
    def prepare(page):
        page.locator("[data-review][data-due]").wait_for(state="visible")
        page.click("[data-reveal]")
        page.locator("details.review__progress > summary").click()
        page.locator("details[data-card] > summary").first.click()

    problems = audit(browser, review_urls, STATES[state], prepare)
    assert not problems, "\n".join(f"{url}: {v}" for url, v in problems.items())


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
