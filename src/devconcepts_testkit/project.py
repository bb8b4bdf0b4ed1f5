"""Where the project's files are, and how a mkdocs.yml's settings are read."""

from __future__ import annotations

from pathlib import Path

import yaml

# The kit is installed in editable mode (scripts/setup), so this file stays in
# src/ of the repository: the project is two folders up.
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def read_config(path: Path) -> dict:
    """A mkdocs.yml's plain settings; its `!ENV` and `!!python` tags become
    None (nothing here needs them)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}
