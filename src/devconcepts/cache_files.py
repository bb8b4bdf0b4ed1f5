"""Files under `.cache/` that builds keep between runs."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def cache_folder(config: MkDocsConfig, setting: str) -> Path | None:
    """A plugin's `cache_dir` setting as a folder: relative to mkdocs.yml, as
    Material's caches are; None when the setting is empty (no cache)."""
    if not setting:
        return None
    folder = Path(setting)
    base = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    return folder if folder.is_absolute() else base / folder


def write_json(path: Path, data) -> None:
    """Write `data` as JSON atomically: a build stopped half-way leaves the
    file it found, never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
