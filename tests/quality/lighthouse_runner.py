"""Python side of lighthouse_pages.mjs: run Lighthouse from the repository's
node_modules on a list of URLs and return one result per URL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("lighthouse_pages.mjs")
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse"
ALL_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class LighthouseMissing(RuntimeError):
    pass


def run_lighthouse(urls: list[str], categories: tuple[str, ...] = ALL_CATEGORIES,
                   chromium: str | None = None, timeout: int = 1200) -> list[dict]:
    """One dict per URL: url, scores {category: 0..1}, failing {category: [audit]}, byteWeight."""
    if not LIGHTHOUSE.is_dir():
        raise LighthouseMissing("node_modules/lighthouse is missing; run `npm ci` (scripts/setup does)")
    node = shutil.which("node")
    if node is None:
        raise LighthouseMissing("node is not installed")
    env = {**os.environ, "CHROME_PATH": chromium or os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "results.jsonl"
        proc = subprocess.run([node, str(SCRIPT), ",".join(categories), str(out), *urls],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"Lighthouse failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
        return [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
