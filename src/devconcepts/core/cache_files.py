"""Files under `.cache/` that builds keep between runs."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


ROOT_VARIABLE = "DEVCONCEPTS_CACHE_ROOT"
"""When set, the folder that relative `cache_dir` settings are read against,
instead of mkdocs.yml's: a build then starts from caches of its own (the
reproducibility test builds once cold and once warm with it)."""


def cache_folder(config: MkDocsConfig, setting: str) -> Path | None:
    """A plugin's `cache_dir` setting as a folder: relative to mkdocs.yml, as
    Material's caches are (or to DEVCONCEPTS_CACHE_ROOT); None when the
    setting is empty (no cache)."""
    if not setting:
        return None
    folder = Path(setting)
    if os.environ.get(ROOT_VARIABLE):
        base = Path(os.environ[ROOT_VARIABLE])
    else:
        base = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    return folder if folder.is_absolute() else base / folder


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` atomically: a build stopped half-way leaves the file it
    found, never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, data) -> None:
    """Write `data` as JSON atomically (`write_bytes`)."""
    write_bytes(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def code_version(*modules, packages: tuple[str, ...] = ()) -> str:
    """A digest of the source of `modules` and the installed versions of
    `packages`: what a kept result was computed with."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())
    for package in packages:
        digest.update(f"{package}=={version(package)}".encode("utf-8"))
    return digest.hexdigest()[:16]


def text_key(*parts: str) -> str:
    """A digest of `parts` (texts), as the key of one kept result."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


class Memo:
    """Results of a pure computation on text, kept between builds in one JSON
    file under `.cache/`: a build whose input did not change reads the result
    instead of computing it again. Keys are digests of the whole input
    (`text_key`); the file also records the code's version (`code_version`),
    and a file of another version is ignored. Like every file under
    `.cache/`, it only saves time and may be deleted at any time.

    Saving keeps the results this use asked for, then the newest of the others
    up to as many again: static-i18n builds each language in a build of its
    own, and each saves its results, so the other language's must survive; the
    file still never holds more than twice what one use needs."""

    KEEP_AT_LEAST = 16

    def __init__(self, folder: Path | None, name: str, version: str) -> None:
        self.path = folder / f"{name}.json" if folder else None
        self._version = version
        self._kept: dict = {}
        self._used: dict = {}
        if self.path is not None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict) and data.get("version") == version and isinstance(data.get("results"), dict):
                self._kept = data["results"]

    def get(self, key: str, compute):
        """The kept result for `key`, else `compute()` (then kept)."""
        if key in self._used:
            return self._used[key]
        value = self._kept[key] if key in self._kept else compute()
        self._used[key] = value
        return value

    def save(self) -> None:
        """Write the results used, newest first, then earlier ones; nothing
        when nothing was used or nothing would change. A file that cannot be
        written is reported, not raised: the build is complete without it."""
        if self.path is None or not self._used:
            return
        room = max(len(self._used), self.KEEP_AT_LEAST)
        earlier = [(key, value) for key, value in self._kept.items() if key not in self._used][:room]
        results = {**self._used, **dict(earlier)}
        if results == self._kept and list(results) == list(self._kept):
            return
        try:
            write_json(self.path, {"version": self._version, "results": results})
        except OSError as error:
            log.warning(f"could not write the cache {self.path}: {error}")
            return
        self._kept = results
