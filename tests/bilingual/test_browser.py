"""The bilingual site in real Chromium: Korean anchors work. (The language
switch: tests/reading/test_language_switch.py.)"""

import pytest

pytestmark = pytest.mark.browser


def test_korean_anchor_scrolls_to_heading(page, site_url):
    page.goto(site_url + "kubernetes-cluster/")
    heading = page.locator("article h2").nth(1)
    anchor = heading.get_attribute("id")
    page.goto(site_url + "kubernetes-cluster/#" + anchor)
    assert heading.evaluate("el => el.getBoundingClientRect().top") < 200
