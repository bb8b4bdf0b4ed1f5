"""Date of the last change of a source file, for the printed source line."""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import lru_cache
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def last_change(path: Path) -> dt.date | None:
    """The committer date of the last commit that touched `path`.

    Falls back to the file's modification time when git has no history for
    it (a new file not committed yet, a tarball without .git, no git
    installed), and to None when the file cannot be read either."""
    return _git_date(path.resolve()) or _mtime_date(path)


@lru_cache(maxsize=None)
def _git_date(path: Path) -> dt.date | None:
    # Cached per file for the whole process: static-i18n builds every language
    # in one process, and each language asks for the same sources.
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.debug(f"git unavailable for {path}: {error}")
        return None
    stamp = result.stdout.strip()
    if result.returncode != 0 or not stamp:
        return None
    try:
        return dt.date.fromisoformat(stamp)
    except ValueError:
        return None


def forget() -> None:
    """Drop remembered dates, e.g. when `mkdocs serve` rebuilds after a commit."""
    _git_date.cache_clear()


def _mtime_date(path: Path) -> dt.date | None:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(stamp, tz=dt.timezone.utc).date()
