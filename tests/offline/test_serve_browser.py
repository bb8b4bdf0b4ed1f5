"""`mkdocs serve` at an address where a browser kept a built copy of the site:
the worker it finds there removes that copy and steps aside, and the author
sees the pages being served."""

from __future__ import annotations

import pytest

from devconcepts_testkit import serve_directory

from .kit import CACHES, keep_offline, stop, until
from .small_site import build

pytestmark = pytest.mark.browser

EDITION = "() => document.querySelector('article').innerText"


def test_the_served_site_replaces_a_kept_copy(browser, tmp_path):
    project, site = tmp_path / "project", tmp_path / "site"
    site.mkdir()
    server, base = serve_directory(site)
    context = browser.new_context()
    try:
        assert build(project, site, 1, base).returncode == 0
        page = context.new_page()
        keep_offline(page, base + "a/")
        assert build(project, site, 2, base, command="serve").returncode == 0
        # The browser checks for a new worker when a page of the site opens.
        page.goto(base + "a/", wait_until="load")
        until(page, "navigator.serviceWorker.getRegistration().then((found) => !found)")
        page.wait_for_function(f"({EDITION})().includes('2판')", polling=200, timeout=30000)
        assert page.evaluate(CACHES) == {}
        assert page.evaluate("navigator.serviceWorker.controller") is None
        page.reload(wait_until="load")
        assert "2판" in page.evaluate(EDITION)
    finally:
        context.close()
        stop(server)
