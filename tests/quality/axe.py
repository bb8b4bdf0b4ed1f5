"""axe-core in a page, for every test that audits one."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def violations(page) -> list[str]:
    """axe's violations on the page as it is now, one line each."""
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core is missing; run `npm ci` (scripts/setup does)", pytrace=False)
    # Evaluated, not added as a <script>: the page's Content-Security-Policy
    # blocks an inline script it has no hash for.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


def audit(browser, urls, context_options: dict, prepare: Callable) -> dict[str, list[str]]:
    """axe's violations on each page, by URL, in one browser context made
    with `context_options`. `prepare(page)` brings each loaded page into the
    state to audit; a list it returns is recorded for the page instead."""
    context = browser.new_context(**context_options)
    problems = {}
    try:
        page = context.new_page()
        for url in urls:
            page.goto(url, wait_until="networkidle")
            found = prepare(page) or violations(page)
            if found:
                problems[url] = found
    finally:
        context.close()
    return problems
