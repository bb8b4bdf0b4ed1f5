"""A small Material site built with --strict in a temporary folder, with
devconcepts-csp, for checking what the policy step accepts and refuses."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from devconcepts_testkit import build_in_process


def build_fixture_site(tmp_path: Path, *, pages: dict[str, str] | None = None, data: dict[str, str] | None = None,
                       hooks: str | None = None, command: str = "build") -> subprocess.CompletedProcess:
    """`pages`: docs-relative path → Markdown (default: one index page);
    `data`: paths under data/ → text; `hooks`: the source of a hooks module
    run with the build (MkDocs `hooks:`); `command`: "serve" builds as the
    first build of `mkdocs serve`."""
    docs = tmp_path / "docs"
    for path, text in (pages or {"index.md": "# 제목\n\n본문과 [외부 링크](https://example.org/).\n"}).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    for path, text in (data or {}).items():
        (tmp_path / "data" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "data" / path).write_text(text, encoding="utf-8")
    config = f"site_name: t\ndocs_dir: {docs}\ntheme:\n  name: material\nplugins:\n  - devconcepts-csp\n"
    if hooks is not None:
        (tmp_path / "hooks.py").write_text(textwrap.dedent(hooks), encoding="utf-8")
        config += f"hooks:\n  - {tmp_path / 'hooks.py'}\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return build_in_process(tmp_path / "site", tmp_path / "mkdocs.yml", command=command)
