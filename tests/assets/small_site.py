"""A one-page site built with --strict in a temporary folder, for checking
what devconcepts-assets accepts and refuses."""

from __future__ import annotations

import subprocess
from pathlib import Path

from devconcepts_testkit import build_site


def build_small_site(tmp_path: Path, config: str) -> subprocess.CompletedProcess:
    """`config`: the mkdocs.yml lines after site_name and docs_dir."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 제목\n\n본문.\n", encoding="utf-8")
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: t\ndocs_dir: {docs}\n{config}", encoding="utf-8")
    return build_site(tmp_path / "site", config=path)
