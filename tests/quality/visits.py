"""First visits to a page in a fresh browser context (cold cache), recording
every request the page and its workers make and the bytes the server sent."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SEARCH_INDEX = "search/search_index.json"


@dataclass
class Visit:
    url: str
    requested: list[str]      # every URL the browser asked for, in order
    transferred: int          # bytes on the wire from the server (headers + gzipped bodies)
    served: list[str]         # paths the server answered


def first_visit(browser, server, url: str, *, settle: float = 0.5, patience: float = 15.0) -> Visit:
    """Load `url` cold, wait until the search worker has fetched the index and
    the network has been quiet for `settle` seconds, then report."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    server.log.take()  # forget anything a previous visit left behind
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        transfers = []
        deadline = time.monotonic() + patience
        last_change = time.monotonic()
        while time.monotonic() < deadline:
            new = server.log.take()
            if new:
                transfers += new
                last_change = time.monotonic()
            have_index = any(t.path.endswith(SEARCH_INDEX) for t in transfers)
            if have_index and time.monotonic() - last_change >= settle:
                break
            time.sleep(0.1)
    finally:
        context.close()
    return Visit(url, requested, sum(t.bytes for t in transfers), [t.path for t in transfers])


def is_same_site(request_url: str, base_url: str) -> bool:
    """data: and blob: URLs stay in the page; anything else must be on the server."""
    scheme = urlsplit(request_url).scheme
    if scheme in ("data", "blob"):
        return True
    return urlsplit(request_url).netloc == urlsplit(base_url).netloc and scheme == urlsplit(base_url).scheme


def page_paths(site_dir: Path) -> list[str]:
    """Site-relative paths of every HTML page in the build ("" for the home
    page; both languages, any section), 404 pages excluded."""
    paths = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in ("assets", "search"):
            continue
        paths.append("" if rel == "." else f"{rel}/")
    return paths
