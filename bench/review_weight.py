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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from first_visit import first_visit  # noqa: E402
from quality.gzip_server import GzipSiteServer  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PAGES = ["review/", "en/review/", "oltp/", "en/docker-kubernetes/"]
BUDGET = 10_000


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
