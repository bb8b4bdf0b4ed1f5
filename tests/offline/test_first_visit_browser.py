"""The precache is not part of a first visit: the worker is registered after
the page's `load` event, and nothing it keeps (the worker itself, the other
pages, the print book) is asked for before then."""

from __future__ import annotations

import functools
import http.server
import threading
import time

import pytest

from sitekit import LocalServer

from .kit import PRECACHE

pytestmark = pytest.mark.browser


class _Recorder(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.requests.append((time.time() * 1000, self.path))
        super().do_GET()


@pytest.fixture
def recorded(site):
    server = LocalServer(("127.0.0.1", 0), functools.partial(_Recorder, directory=str(site)))
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_the_precache_starts_after_the_load_event(browser, recorded):
    server, base = recorded
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "kubernetes-cluster/", wait_until="load")
        loaded = page.evaluate("performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd")
        assert page.evaluate(PRECACHE)["ok"]
        before = [path for at, path in server.requests if at < loaded]
        after = [path for at, path in server.requests if at >= loaded]
        assert "/sw.js" in after and "/sw.js" not in before
        for kept in ("/oltp/", "/print/", "/review/", "/glossary/"):
            assert kept in after and kept not in before, kept
        assert [path for path in before if path.endswith("/") and path != "/kubernetes-cluster/"] == []
    finally:
        context.close()
