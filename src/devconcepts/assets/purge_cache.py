"""The purged stylesheets of the build before, kept on disk.

Reading Material's stylesheets with tinycss2 is most of the purge's time, and
an edit rarely changes which classes the pages use. The result is kept under
`.cache/` beside mkdocs.yml, keyed by everything the purge reads (the
stylesheets, the names in use, the other stylesheets' text, the attributes
dropped whatever the pages use, the purge's code), so a hit gives
exactly what the purge would. Only the latest result is kept; the folder may
be deleted at any time."""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple
from pathlib import Path

from devconcepts.assets.purge import UsedNames
from devconcepts.core.cache_files import write_json

PREFIX = "purge-"


def cache_key(sources: dict[str, str], others: list[str], used: UsedNames, dropped_attributes: tuple[str, ...] = (),
              code: str = "") -> str:
    """`code`: the purge's own version (cache_files.code_version)."""
    digest = hashlib.sha256()
    parts = [sorted(sources.items()), sorted(others), [sorted(names) for names in astuple(used)],
             sorted(dropped_attributes), code]
    digest.update(json.dumps(parts, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:24]


def load(directory: Path, key: str) -> dict[str, str] | None:
    try:
        data = json.loads((directory / f"{PREFIX}{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()) else None


def save(directory: Path, key: str, purged: dict[str, str]) -> None:
    target = directory / f"{PREFIX}{key}.json"
    write_json(target, purged)
    for old in directory.glob(f"{PREFIX}*.json"):
        if old != target:
            old.unlink(missing_ok=True)
