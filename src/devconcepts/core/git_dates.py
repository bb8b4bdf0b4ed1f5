"""Date of the last change of a source file: the printed source line, the
sitemap's `lastmod` and the Anki deck's date (`devconcepts.core.page_sources`).

Not mkdocs-git-revision-date-localized-plugin: it dates a page by its own
Markdown file while that page is built and hands the date to the page's
template, but the dates here belong to sets of files that are not one page (a
print book and the review page are as new as their newest topic, the glossary
as `data/terms.yml` too, and the deck is no page at all), and are read by
plugins after the pages are built. It also asks git once per page, where one
`git log` here dates every file of the repository for every language's build."""

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
    return _git_date(_resolved(path) if path.is_absolute() else path.resolve()) or _mtime_date(path)


@lru_cache(maxsize=None)
def _resolved(path: Path) -> Path:
    # A page's date is asked for by several plugins, in every language's
    # build: resolving the path each time was 0.3 s a build at 1,000 pages
    # per language. Only absolute paths: a relative one depends on the
    # working folder.
    return path.resolve()


def _git_date(path: Path) -> dt.date | None:
    root = _repository(path.parent)
    if root is None:
        return None
    return _dates_in(root).get(path.relative_to(root).as_posix()) if root in path.parents else None


@lru_cache(maxsize=None)
def _repository(folder: Path) -> Path | None:
    # Inside a checkout git should answer; elsewhere, no answer means no repository.
    in_checkout = any((parent / ".git").exists() for parent in (folder, *folder.parents))
    result = _git(folder, "rev-parse", "--show-toplevel", required=in_checkout)
    return Path(result).resolve() if result else None


@lru_cache(maxsize=None)
def _dates_in(root: Path) -> dict[str, dt.date]:
    """The committer date of the last commit that touched each file of the
    repository, from one `git log` for the whole history (one call per file
    cost a tenth of a second per build)."""
    # Cached for the whole process: static-i18n builds every language in one
    # process, and each language asks for the same sources.
    if not _git(root, "rev-parse", "-q", "--verify", "HEAD", none_code=1, required=True):
        return {}  # a repository without commits yet, or git said why
    log_text = _git(root, "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-only", "--no-renames",
                    required=True)
    if log_text is None:
        return {}
    found: dict[str, dt.date] = {}
    for entry in log_text.split("\0")[1:]:
        stamp, _, names = entry.partition("\n")
        try:
            date = dt.date.fromisoformat(stamp.strip())
        except ValueError:
            continue
        for name in names.splitlines():
            if name:
                found.setdefault(name, date)  # newest commits come first
    return found


def _git(folder: Path, *args: str, required: bool = False, none_code: int | None = None) -> str | None:
    """Output of git, or None. Outside a repository or without git, dates
    come from file times. `required`: inside a repository, where a failure
    would print other dates than the commits have, git is asked once more and
    a second failure is reported (fatal in --strict). `none_code`: the exit
    status with which git answers "there is none" (returned as "")."""
    output, problem = _run_git(folder, args, none_code)
    if problem is not None and required:
        output, problem = _run_git(folder, args, none_code)
    if problem is not None:
        (log.warning if required else log.debug)(problem)
    return output


def _run_git(folder: Path, args: tuple[str, ...], none_code: int | None) -> tuple[str | None, str | None]:
    """(output, None), or (None, what went wrong). A timeout or a killed git
    is reported at once: asking again would only wait as long."""
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=30, check=False)
    except subprocess.TimeoutExpired as error:
        log.warning(f"git did not answer in {folder}: {error}; last-change dates fall back to file times")
        return None, None
    except FileNotFoundError as error:
        log.debug(f"git unavailable in {folder}: {error}")
        return None, None
    except (OSError, subprocess.SubprocessError) as error:
        return None, f"git could not run in {folder}: {error}"
    if result.returncode < 0:
        log.warning(f"git was killed in {folder} (signal {-result.returncode}); "
                    f"last-change dates fall back to file times")
        return None, None
    if none_code is not None and result.returncode == none_code and not result.stderr.strip():
        return "", None
    if result.returncode != 0:
        return None, f"git failed in {folder} ({result.returncode}): {result.stderr.strip()}"
    return result.stdout.strip(), None


def forget() -> None:
    """Drop remembered dates, e.g. when `mkdocs serve` rebuilds after a commit."""
    _repository.cache_clear()
    _dates_in.cache_clear()


def _mtime_date(path: Path) -> dt.date | None:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(stamp, tz=dt.timezone.utc).date()
