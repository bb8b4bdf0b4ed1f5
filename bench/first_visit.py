"""A first visit to a page in a fresh browser context (cold cache): what the
server sent until the search worker has fetched the index and the network
has been quiet for a moment. Used by compare_plain.py and review_weight.py."""

from __future__ import annotations

import time

SEARCH_INDEX = "search_index.json"


def first_visit(browser, server, url: str, *, block_service_worker: bool = False,
                settle: float = 0.5, patience: float = 15.0) -> list:
    """The transfers (`quality.gzip_server.Transfer`) of a cold visit to `url`
    on `server` (a GzipSiteServer). `block_service_worker`: leave out the
    offline precache, which comes after the page's load event."""
    context = browser.new_context(service_workers="block" if block_service_worker else "allow")
    server.log.take()  # forget anything a previous visit left behind
    try:
        context.new_page().goto(url, wait_until="networkidle")
        transfers, deadline, quiet_since = [], time.monotonic() + patience, time.monotonic()
        while time.monotonic() < deadline:
            new = server.log.take()
            if new:
                transfers += new
                quiet_since = time.monotonic()
            if any(t.path.endswith(SEARCH_INDEX) for t in transfers) and time.monotonic() - quiet_since >= settle:
                break
            time.sleep(0.1)
    finally:
        context.close()
    return transfers
