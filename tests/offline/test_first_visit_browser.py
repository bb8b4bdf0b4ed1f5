"""A first visit downloads that page only: the service worker registers after
the page's `load` event and fetches nothing but its own script. The reader's
language is saved for offline when they engage (a second page in the visit,
using the review page) or ask (the footer's button); with Save-Data on, only
when they ask. Saving takes what the page already loaded from the HTTP
cache, without downloading it again."""

from __future__ import annotations

import functools
import http.server
import threading
import time

import pytest

from devconcepts_testkit import LocalServer

from .kit import CACHES

pytestmark = pytest.mark.browser

KEPT = ("/oltp/", "/print/", "/review/", "/glossary/", "/search/search_index.json")
"""Files of the Korean side that only a save downloads."""

STATUS = """async () => {
  const registration = await navigator.serviceWorker.ready
  return await new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = (event) => resolve(event.data)
    registration.active.postMessage({ type: "status" }, [channel.port2])
  })
}"""
"""Asks the page's service worker whether the page's language is saved."""


class _Recorder(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        conditional = bool(self.headers.get("If-Modified-Since") or self.headers.get("If-None-Match"))
        self.server.requests.append((time.time() * 1000, self.path, conditional))
        super().do_GET()


@pytest.fixture
def recorded(site):
    server = LocalServer(("127.0.0.1", 0), functools.partial(_Recorder, directory=str(site)))
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def visit(browser):
    """A fresh browser context (cold caches) and the URLs its service worker asked for."""
    context = browser.new_context()
    by_worker = []
    context.on("request", lambda request: request.service_worker and by_worker.append(request.url))
    yield context, by_worker
    context.close()


def _ready(page) -> None:
    """The page has registered its worker and heard whether its language is saved."""
    page.wait_for_load_state("load")
    page.locator("[data-offline-save]").wait_for(state="visible")


def _saved(page) -> None:
    """The language is saved, and the footer says so with today's date."""
    page.wait_for_selector("html[data-offline=saved]", state="attached", timeout=60_000)
    today = page.evaluate("new Date().toLocaleDateString(document.documentElement.lang)")
    assert page.locator("[data-offline-save]").inner_text() == f"{SAVED[page.evaluate('document.documentElement.lang')]} · {today}"


SAVED = {"ko": "오프라인 저장됨", "en": "Saved for offline"}


def test_a_first_visit_downloads_that_page_and_the_worker_only(recorded, visit):
    server, base = recorded
    context, by_worker = visit
    page = context.new_page()
    page.goto(base + "kubernetes-cluster/", wait_until="load")
    loaded = page.evaluate("performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd")
    _ready(page)
    page.wait_for_timeout(1500)  # room for anything that would follow
    assert by_worker == [base + "sw.js"]
    paths = [path for _, path, _ in server.requests]
    assert [path for at, path, _ in server.requests if at < loaded and path == "/sw.js"] == []
    assert paths.count("/sw.js") == 1
    assert [path for path in paths if path.endswith("/") and path != "/kubernetes-cluster/"] == []
    assert [kept for kept in KEPT if kept in paths] == []
    assert page.evaluate(STATUS)["saved"] is False
    assert page.locator("html[data-offline]").count() == 0
    assert [url for urls in page.evaluate(CACHES).values() for url in urls] == []


def test_a_second_page_saves_the_language_without_downloading_the_first_again(recorded, visit):
    server, base = recorded
    context, _ = visit
    page = context.new_page()
    page.goto(base + "kubernetes-cluster/", wait_until="load")
    _ready(page)
    first = {path for _, path, _ in server.requests}
    page.goto(base + "docker-kubernetes/", wait_until="load")
    _saved(page)
    assert page.evaluate(STATUS)["saved"] is True
    held = [url for urls in page.evaluate(CACHES).values() for url in urls]
    for kept in KEPT + ("/kubernetes-cluster/", "/docker-kubernetes/"):
        assert base + kept[1:] in held, kept
    assert not [url for url in held if url.startswith(base + "en/")]
    # What the first page loaded came from the HTTP cache (or a 304), not again from the server.
    downloads = [path for _, path, conditional in server.requests if not conditional]
    again = sorted(path for path in first if path != "/sw.js" and downloads.count(path) > 1)
    assert again == []
    assert page.locator("[data-offline-save]").is_disabled()


def test_with_save_data_only_the_readers_ask_saves(recorded, visit):
    server, base = recorded
    context, _ = visit
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    page.goto(base + "oltp/", wait_until="load")
    assert page.evaluate("navigator.connection.saveData") is True
    _ready(page)
    page.goto(base + "glossary/", wait_until="load")
    _ready(page)
    page.wait_for_timeout(1500)
    paths = [path for _, path, _ in server.requests]
    assert "/print/" not in paths and "/review/" not in paths
    assert page.evaluate(STATUS)["saved"] is False
    page.locator("[data-offline-save]").click()
    _saved(page)
    assert "/print/" in [path for _, path, _ in server.requests]
    # A page opened later says when it was saved.
    page.goto(base + "oltp/", wait_until="load")
    _saved(page)


def test_the_review_page_saves_once_the_reader_uses_it(recorded, visit):
    server, base = recorded
    context, _ = visit
    page = context.new_page()
    page.goto(base + "review/", wait_until="load")
    _ready(page)
    page.wait_for_timeout(1000)
    assert "/print/" not in [path for _, path, _ in server.requests]
    page.locator("[data-review]").click(position={"x": 5, "y": 5})
    _saved(page)
    assert "/print/" in [path for _, path, _ in server.requests]
