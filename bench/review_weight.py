"""Bytes of a first visit to the review pages, and what the review app adds
to a topic page's first visit (budget: 10 KB; it should be nothing, since
only the review page loads the app).

Builds the site for a local server that answers like GitHub Pages (gzip,
tests/quality/gzip_server.py), then opens each page cold in Chromium and
sums the bytes the server sent until the search index has loaded and the
network has been quiet for a moment. The service worker is blocked: its
precache starts after the page's load event and is not part of a first
visit.

    .venv/bin/python bench/review_weight.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "quality"))

from gzip_server import GzipSiteServer  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PAGES = ["review/", "en/review/", "oltp/", "en/docker-kubernetes/"]
BUDGET = 10_000
SEARCH_INDEX = "search_index.json"


def visit(browser, server: GzipSiteServer, url: str, settle: float = 0.5, patience: float = 15.0):
    context = browser.new_context(service_workers="block")
    server.log.take()
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


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="review-weight-") as work:
        site = Path(work) / "site"
        server = GzipSiteServer(site)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": server.base_url}
        subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        server.start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
                try:
                    for path in PAGES:
                        transfers = visit(browser, server, server.base_url + path)
                        total = sum(t.bytes for t in transfers)
                        app = sum(t.bytes for t in transfers if "review" in t.path and t.path != f"/{path}")
                        print(f"/{path}: {total:,} B on the wire (gzip), {len(transfers)} requests; "
                              f"review app files {app:,} B")
                        for t in transfers:
                            print(f"    {t.bytes:>8,}  {t.path}")
                        if not path.endswith("review/") and app > BUDGET:
                            print(f"    over the {BUDGET:,} B budget")
                finally:
                    browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
