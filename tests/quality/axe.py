"""axe-core in a page, for every test that audits one."""

from __future__ import annotations

from pathlib import Path

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
