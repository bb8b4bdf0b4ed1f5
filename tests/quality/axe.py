"""axe-core in a page, for every test that audits one."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def violations(page, include: str | None = None) -> list[str]:
    """axe's violations on the page as it is now (within the elements
    `include` selects, if given), one line each."""
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core is missing; run `npm ci` (scripts/setup does)", pytrace=False)
    # Evaluated, not added as a <script>: the page's Content-Security-Policy
    # blocks an inline script it has no hash for. Once per document.
    if not page.evaluate("() => typeof axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (include) => await axe.run(include ? {include: [include]} : document, {resultTypes: ['violations']})",
        include)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


Steps = dict[str, Callable]
"""A sweep's steps by state: each brings the loaded page into its state and
returns what it found there: a list of problems (e.g. `violations(page)`),
or such lists by check; empty when there are none."""


def audit(browser, urls, sweeps: dict[str, tuple[dict, Steps]]) -> dict[str, dict[str, list[str]]]:
    """Every page in each sweep's browser context (made with the sweep's
    context options; `init_script` among them is added to the context),
    then the sweep's steps on it in turn. The contexts
    load the same page side by side, so their waits for the network to
    settle overlap. By state, then by URL: the pages with problems."""
    problems: dict[str, dict[str, list[str]]] = {state: {} for _, steps in sweeps.values() for state in steps}
    contexts = []
    for options, _ in sweeps.values():
        options = dict(options)
        script = options.pop("init_script", None)
        contexts.append(browser.new_context(**options))
        if script:
            contexts[-1].add_init_script(script)
    try:
        pages = [context.new_page() for context in contexts]
        for url in urls:
            for page in pages:
                page.goto(url, wait_until="commit")
            for page, (_, steps) in zip(pages, sweeps.values()):
                page.wait_for_load_state("networkidle")
                for state, step in steps.items():
                    found = step(page)
                    if found:
                        problems[state][url] = found
    finally:
        for context in contexts:
            context.close()
    return problems
