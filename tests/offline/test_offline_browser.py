"""The real site offline, in real Chromium with its real service worker: after
a visit to each language's home, the local server is stopped (not
`set_offline`, which does not cut the worker's own fetches), and the review
pages, topic pages, glossary, print book and search still work, and so does
grading a card. The same under a project sub-path (/REPO/)."""

from __future__ import annotations

import pytest

from devconcepts_testkit import serve_directory
from sitekit import PROJECT_REPO

from .kit import Failures, keep_offline, read_offline, search, stop, until

pytestmark = pytest.mark.browser

REPO = PROJECT_REPO

KO_PAGES = ["review/", "oltp/", "kubernetes-cluster/", "glossary/", "print/"]
EN_PAGES = ["en/review/", "en/log-vs-cookie/", "en/print/"]
QUERIES = {"": "쿠버네티스", "en/": "Kubernetes"}


@pytest.fixture
def served(site):
    """The session's site on a server of this test's own, which it may stop."""
    server, base = serve_directory(site)
    yield server, base
    stop(server)


@pytest.fixture(scope="module")
def project_served(project_site):
    """The site built for and served under /REPO/, as GitHub Pages serves a
    project site (the session's `project_site`, conftest.py), on a server of
    this module's own, which the test stops. The build is for the address of
    the run's shared server; the service worker takes no address from the
    build (as the session's site above, built for another port, shows), so
    another port serves it the same."""
    server, base = serve_directory(project_site.site_dir, mount=f"/{REPO}/")
    yield server, base
    stop(server)


def _grade_one(page) -> None:
    """Grade the first card Good and reload: one card fewer to study now."""
    app = page.locator("[data-review][data-due]")
    app.wait_for(state="attached")
    due = int(app.get_attribute("data-due"))
    assert due > 0, "a fresh browser has cards to study"
    page.locator("[data-reveal]").click()
    page.locator("[data-grade=good]").click()
    page.reload(wait_until="load")
    page.locator("[data-review][data-due]").wait_for(state="attached")
    assert int(page.locator("[data-review]").get_attribute("data-due")) == due - 1


def _offline_visit(browser, server, base: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        ko = keep_offline(page, base)
        en = keep_offline(page, base + "en/")
        assert (ko["locale"], en["locale"]) == ("ko", "en")
        assert ko["version"] == en["version"]
        # Nothing is kept for the scope above the site.
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == base

        stop(server)
        failures = Failures(base)
        failures.attach(page)
        headings = {url: read_offline(page, base + url) for url in KO_PAGES + EN_PAGES}
        assert all(headings.values()), headings

        for home, query in QUERIES.items():
            page.goto(base + home, wait_until="load")
            links = search(page, query)
            assert links and all(link.startswith(base + home) for link in links), links
            if home == "":
                assert not [link for link in links if link.startswith(base + "en/")], links

        for review in ("review/", "en/review/"):
            page.goto(base + review, wait_until="load")
            _grade_one(page)
        assert failures.seen == [], "\n".join(failures.seen)
    finally:
        context.close()


def test_after_one_visit_the_site_reads_offline(browser, served):
    server, base = served
    _offline_visit(browser, server, base)


def test_offline_under_a_project_subpath(browser, project_served):
    server, base = project_served
    assert base.endswith(f"/{REPO}/")
    _offline_visit(browser, server, base)


def test_a_language_not_visited_is_not_downloaded(browser, served):
    """A reader of Korean keeps nothing of the English pages."""
    server, base = served
    context = browser.new_context()
    try:
        page = context.new_page()
        keep_offline(page, base)
        held = page.evaluate("""async () => {
          const urls = []
          for (const name of await caches.keys())
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url)
          return urls
        }""")
        assert base + "oltp/" in held and base + "review/" in held
        assert [url for url in held if url.startswith(base + "en/")] == []
    finally:
        context.close()


def test_pages_opened_in_the_other_language_read_offline_and_a_download_says_it_needs_the_network(browser, served):
    """A reader arrives on an English page (before the worker is there), saves
    the Korean side, then opens another English page: both English pages
    read offline (with Save-Data on, so that nothing else saves English). The
    Anki deck is not kept offline: its link says that it needs a connection,
    in the page's language, instead of failing."""
    server, base = served
    context = browser.new_context()
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
        opened = ["en/log-vs-cookie/", "en/glossary/"]
        page.goto(base + opened[0], wait_until="load")
        headings = {opened[0]: page.locator("h1").first.inner_text()}
        page.goto(base + "review/", wait_until="load")
        save = page.locator("[data-offline-save]")
        save.wait_for(state="visible")
        save.click()
        page.wait_for_selector("html[data-offline=saved]", state="attached", timeout=60_000)
        page.goto(base + opened[1], wait_until="load")
        headings[opened[1]] = page.locator("h1").first.inner_text()
        until(page, """async (urls) => {
            const held = []
            for (const name of await caches.keys())
              for (const request of await (await caches.open(name)).keys()) held.push(request.url)
            return urls.every((url) => held.includes(url))
        }""", [base + url for url in opened])
        assert page.locator("html[data-offline]").count() == 0  # English itself is not saved

        stop(server)
        for url, heading in headings.items():
            assert read_offline(page, base + url) == heading
        page.goto(base + "review/", wait_until="load")
        deck = page.locator(".review__deck a[download]")
        deck.click()
        note = page.locator(".review__deck [role=alert]")
        note.wait_for(timeout=30_000)
        assert note.inner_text().strip() == "내려받으려면 인터넷 연결이 필요하다."
    finally:
        context.close()
