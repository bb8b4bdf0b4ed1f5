"""Bytes of a first visit to the review pages, and what the review app adds
to a topic page's first visit (budget: 10 KB; it should be nothing, since
only the review page loads the app).

Builds the site for a local server that answers like GitHub Pages (gzip,
devconcepts_testkit.GzipSiteServer), then opens each page cold in Chromium and
sums the bytes the server sent until the page's load event and 3 s of quiet
(bench/first_visit.py). The service worker is blocked: what it downloads is
not the review app's (bench/compare_plain.py counts it in a first visit).

    .venv/bin/python bench/review_weight.py
    .venv/bin/python bench/review_weight.py --quick   # one review page and one topic page

Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from devconcepts_testkit import CHROMIUM_ARGS, GzipSiteServer
from first_visit import first_visit

ROOT = Path(__file__).resolve().parents[1]

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PAGES = ["review/", "en/review/", "oltp/", "en/docker-kubernetes/"]
QUICK_PAGES = ["review/", "oltp/"]
BUDGET = 10_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one review page and one topic page")
    args = parser.parse_args()
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
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for path in QUICK_PAGES if args.quick else PAGES:
                        transfers = first_visit(browser, server, server.base_url + path, block_service_worker=True)
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
