"""A first visit to a page in a fresh browser context (cold cache): what the
server sent until the page's load event and then 3 s without a transfer,
counted as the server sends it (gzip, headers included). Whatever the page
fetches on its own (a search index, the service worker and its precache) is
part of the visit when it starts within that quiet time; nothing is waited
for by name, so a file the page stops fetching simply drops out. Used by
compare_plain.py and review_weight.py."""

from __future__ import annotations

import time

QUIET = 3.0
"""Seconds without a transfer that end a visit (the issue's budget: "until
load plus 3 s of quiet")."""


def first_visit(browser, server, url: str, **options) -> list:
    """The transfers (`devconcepts_testkit.gzip_server.Transfer`) of a cold visit to `url`
    on `server` (a GzipSiteServer); `options` as for `first_visit_parts`."""
    until_load, after_load = first_visit_parts(browser, server, url, **options)
    return until_load + after_load


def first_visit_parts(browser, server, url: str, *, block_service_worker: bool = False,
                      quiet: float = QUIET, patience: float = 60.0) -> tuple[list, list]:
    """A cold visit's transfers in two parts: those done when the page's load
    event has fired, and those of the quiet time after it (what the page's
    scripts and the service worker fetch later). `block_service_worker`: leave
    out the service worker and what it downloads. `patience`: a page that
    never goes quiet is cut off this many seconds after load."""
    context = browser.new_context(service_workers="block" if block_service_worker else "allow")
    server.log.take()  # forget anything a previous visit left behind
    try:
        context.new_page().goto(url, wait_until="load")
        until_load, transfers = server.log.take(), []
        now = time.monotonic()
        quiet_since, deadline = now, now + patience
        while now < deadline and now - quiet_since < quiet:
            time.sleep(0.1)
            now = time.monotonic()
            new = server.log.take()
            if new:
                transfers += new
                quiet_since = now
    finally:
        context.close()
    return until_load, transfers
