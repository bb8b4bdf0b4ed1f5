"""How the site is built: `mkdocs build --strict`, as a separate process for
the real site, in this process for a small site of a test's (or a
benchmark's) own; each whole-site build is noted in the test run's log."""

from __future__ import annotations

import functools
import logging
import os
import subprocess
import sys
import traceback
from pathlib import Path

from .project import DOCS, ROOT, read_config

BUILD_LOG = "DEVCONCEPTS_BUILD_LOG"
"""Environment variable naming the file where a test run notes each build of
the whole site (conftest.py prints the count at the end of the run)."""


@functools.lru_cache(maxsize=1)
def _real_pages() -> frozenset[str]:
    return frozenset(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def _docs_dir(config: Path) -> Path:
    """The docs folder a config builds (`docs_dir`, relative to the config)."""
    return (config.parent / (read_config(config).get("docs_dir") or "docs")).resolve()


def note_build(docs_dir: Path, site_dir: Path) -> None:
    """Note a build in the run's log when it builds every page of the real
    site (the site itself, or a copy of it)."""
    log = os.environ.get(BUILD_LOG)
    if not log or not docs_dir.is_dir():
        return
    pages = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    if _real_pages() <= pages:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{site_dir}\n")


def build_site(site_dir: Path, *, site_url: str = "http://127.0.0.1:8000/", config: Path | None = None,
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build with `mkdocs build --strict`, the way CI and the workflow do.

    A small site of a test's own (`config`) is built in this process with
    MkDocs' `build()` (see `build_in_process`); the real site, or a build that
    needs its own environment, runs `mkdocs build` as a separate process."""
    if config is not None and extra_env is None:
        return build_in_process(site_dir, config)
    note_build(_docs_dir(config) if config is not None else DOCS, site_dir)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(extra_env or {})}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


class _Records(logging.Handler):
    """Keeps MkDocs' warnings and errors as `mkdocs build` prints them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(site_dir: Path, config: Path, *, strict: bool = True, command: str = "build",
                     **settings) -> subprocess.CompletedProcess:
    """Build `config` with MkDocs' own `build()` in this process, as
    mkdocs-static-i18n's tests do: the same events as `mkdocs build --strict`
    (`command="serve"`: as the first build of `mkdocs serve`), without starting
    Python and importing the theme again. The result reads like the command's:
    returncode 0 or 1, and stderr with the WARNING/ERROR lines and the reason
    it stopped (a traceback for an unexpected exception)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    returncode, stopped = 0, ""
    try:
        loaded = load_config(str(config), site_dir=str(site_dir), strict=strict, **settings)
        note_build(Path(loaded.docs_dir), site_dir)
        loaded.plugins.on_startup(command=command, dirty=False)
        try:
            build(loaded)
        finally:
            loaded.plugins.on_shutdown()
    except (Abort, BuildError, ConfigurationError) as error:
        returncode, stopped = 1, f"{error}"
    except Exception:  # what the command would print as a traceback
        returncode, stopped = 1, traceback.format_exc()
    finally:
        logger.removeHandler(records)
    stderr = "\n".join(records.lines + ([stopped] if stopped else [])) + "\n"
    return subprocess.CompletedProcess(["mkdocs.commands.build.build", str(config)], returncode, "", stderr)
