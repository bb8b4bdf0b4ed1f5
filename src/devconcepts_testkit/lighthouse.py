"""Python side of lighthouse_pages.mjs: run Lighthouse from the repository's
node_modules on a list of URLs and return one result per URL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from .project import ROOT

SCRIPT = Path(__file__).with_name("lighthouse_pages.mjs")
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse"
ALL_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class LighthouseMissing(RuntimeError):
    pass


def run_lighthouse(urls: list[str], categories: tuple[str, ...] = ALL_CATEGORIES,
                   chromium: str | None = None, timeout: int = 1200, workers: int = 1) -> list[dict]:
    """One dict per URL, in the order given: url, scores {category: 0..1},
    failing {category: [audit]}, byteWeight.

    `workers` Lighthouse processes (each with its own Chromium) share the
    URLs: a run spends much of its time waiting for the page to settle.
    Only scores that do not depend on timing (not `performance`) may be
    asked for with more than one."""
    if workers > 1 and "performance" in categories:
        raise ValueError("performance is measured with one Lighthouse at a time")
    if not LIGHTHOUSE.is_dir():
        raise LighthouseMissing("node_modules/lighthouse is missing; run `npm ci` (scripts/setup does)")
    node = shutil.which("node")
    if node is None:
        raise LighthouseMissing("node is not installed")
    # The tests' Chromium flags, so that Lighthouse's browser reaches only the test server too.
    env = {**os.environ, "CHROME_PATH": chromium or CHROMIUM_PATH, "CHROMIUM_ARGS": json.dumps(CHROMIUM_ARGS)}
    shares = [urls[start::workers] for start in range(workers) if urls[start::workers]]
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        outs = [Path(tmp) / f"results-{number}.jsonl" for number in range(len(shares))]
        procs = [subprocess.Popen([node, str(SCRIPT), ",".join(categories), str(out), *share],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for share, out in zip(shares, outs)]
        errors = []
        for proc in procs:
            try:
                _, stderr = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, stderr = proc.communicate()
                errors.append(f"Lighthouse timed out after {timeout} s:\n{stderr[-4000:]}")
                continue
            if proc.returncode != 0:
                errors.append(f"Lighthouse failed ({proc.returncode}):\n{stderr[-4000:]}")
        if errors:
            raise RuntimeError("\n".join(errors))
        found = {}
        for out in outs:
            for line in out.read_text().splitlines():
                if line.strip():
                    result = json.loads(line)
                    found[result["url"]] = result
    return [found[url] for url in urls if url in found]
