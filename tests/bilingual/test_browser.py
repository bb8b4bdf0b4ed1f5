"""The bilingual site in real Chromium: switching languages keeps the reader
on the same page, and Korean anchors work."""

import pytest

pytestmark = pytest.mark.browser


def test_language_switcher_leads_to_same_page(page, site_url):
    page.goto(site_url + "kubernetes-cluster/")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.locator(".md-select a[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(site_url + "en/kubernetes-cluster/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select a[hreflang='ko']").first.dispatch_event("click")
    page.wait_for_url(site_url + "kubernetes-cluster/")
    assert page.locator("html").get_attribute("lang") == "ko"


def test_korean_anchor_scrolls_to_heading(page, site_url):
    page.goto(site_url + "kubernetes-cluster/")
    heading = page.locator("article h2").nth(1)
    anchor = heading.get_attribute("id")
    page.goto(site_url + "kubernetes-cluster/#" + anchor)
    assert heading.evaluate("el => el.getBoundingClientRect().top") < 200
