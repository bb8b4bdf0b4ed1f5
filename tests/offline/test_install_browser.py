"""The site can be installed as an app: Chromium finds nothing missing for
installing it (manifest, icon, service worker), in each language, with the
language's own name. A profile of its own: Chromium installs nothing from a
private window, which every Playwright context otherwise is."""

from __future__ import annotations

import pytest

from devconcepts_testkit import CHROMIUM_ARGS, CHROMIUM_PATH, serve_directory

from .kit import keep_offline, stop

pytestmark = pytest.mark.browser

NAMES = {"oltp/": "개발 개념 스터디 노트", "en/oltp/": "Dev Concepts Study Notes"}


def test_each_language_can_be_installed(browser, site, tmp_path):
    server, base = serve_directory(site)
    # The session's Playwright, started again with a profile on disk.
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
    try:
        page = context.pages[0] if context.pages else context.new_page()
        cdp = context.new_cdp_session(page)
        for url, name in NAMES.items():
            keep_offline(page, base + url)
            assert cdp.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}, url
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["errors"] == [], url
            assert manifest["url"] == base + url.replace("oltp/", "manifest.webmanifest")
            assert page.evaluate("(url) => fetch(url).then((r) => r.json())", manifest["url"])["name"] == name
    finally:
        context.close()
        stop(server)
