"""How Chromium is started, by the tests (Playwright), the benchmarks and
Lighthouse alike."""

from __future__ import annotations

import os

# GitHub's runners have no Debian Chromium; the workflow points this at the
# browser they do have.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Every name but the test server's fails at once: the tests read only
    # 127.0.0.1, and a machine's resolver may take seconds to give up on a
    # name that a page asks for (a web font), holding its `load`.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
