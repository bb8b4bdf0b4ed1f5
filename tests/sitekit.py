"""What only the tests share besides fixtures: where the test data is, the
site's languages, and builds shared by every pytest-xdist worker. (A module
of its own, not conftest.py, so `from sitekit import …` means the same file
everywhere.) What the benchmarks use too (the project's paths, building,
serving, Chromium) is devconcepts_testkit (src/devconcepts_testkit/)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from devconcepts_testkit import ROOT, read_config

DATA = ROOT / "data"
TERMS_FILE = DATA / "terms.yml"
"""The site's term list, as devconcepts-glossary reads it."""
DIAGRAMS_DIR = DATA / "diagrams"


def _site_locales() -> tuple[str, ...]:
    """The languages mkdocs.yml builds, the default first (its i18n plugin's
    `languages`), read as the plugins read them: from mkdocs.yml only."""
    plugins = read_config(ROOT / "mkdocs.yml")["plugins"]
    i18n = next(entry["i18n"] for entry in plugins if isinstance(entry, dict) and "i18n" in entry)
    languages = sorted(i18n["languages"], key=lambda language: not language.get("default"))
    return tuple(language["locale"] for language in languages)


LOCALES = _site_locales()
"""The site's languages, the default first."""

MAX_WHOLE_SITE_BUILDS = 8
"""Whole-site builds a full run may make: each costs seconds of the suite."""


def shared_build(tmp_path_factory, name: str, build) -> tuple[Path, subprocess.CompletedProcess]:
    """(folder, result) of `build(folder)`, run once for the whole test run:
    under pytest-xdist each worker's session fixtures run on their own, so
    the first worker to ask builds in a folder every worker sees, holding a
    lock, and the others wait for it and read what it kept. The built site
    is read, never changed, by the tests that share it."""
    import fcntl
    import json

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, kept = root / f"shared-{name}", root / f"shared-{name}.json"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if kept.is_file():
                found = json.loads(kept.read_text(encoding="utf-8"))
                return folder, subprocess.CompletedProcess(found["args"], found["returncode"], "", found["stderr"])
            folder.mkdir(exist_ok=True)
            result = build(folder)
            kept.write_text(json.dumps({"args": [str(arg) for arg in result.args], "returncode": result.returncode,
                                        "stderr": result.stderr}), encoding="utf-8")
            return folder, result
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


SEED = ROOT / "seed" / "notes.txt"
"""The source notes the Korean pages mirror, kept in the repository so a
fresh clone on any machine can run the tests."""
