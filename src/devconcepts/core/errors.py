"""One format for every problem found in the site's sources.

A bad page, term list entry or diagram is reported as `path:LINE: message`,
e.g. `docs/topic.md:9: duplicate aspect 'Speed'` or `data/terms.yml:12:
duplicate id`, with the path as seen from the folder of mkdocs.yml and the
line counted in the file as the author sees it (front matter included).
Editors and terminals turn that form into a link to the line.

A problem with a whole file (a missing translation, a page left out of a
book) points at its first line. A Markdown extension used on its own, outside
MkDocs, does not know its file: its errors read `line N: message` until a
caller names the file (`SourceError.in_file`).

A plugin's option in mkdocs.yml that cannot work is reported the same way,
from mkdocs.yml: `mkdocs.yml: devconcepts-assets: minify: 'x.js' is not a
file of the site` (`option_problem`). MkDocs prints an error as it is and a
warning after the plugin logger's `devconcepts: `.

The readers (`compare.parse`, the term list, the diagrams, the extensions)
raise `SourceError` and need nothing from MkDocs; the plugins hand it to
MkDocs with `stop()`, which ends the build with that one line and no
traceback, strict or not. Warnings use `located()` for the same text.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError


def located(path: str | None, line: int | None, message: str) -> str:
    """`path:LINE: message`; a file-wide problem is on line 1, and without a
    path it reads `line N: message`."""
    if path is None:
        return f"line {line}: {message}" if line is not None else message
    return f"{path}:{line or 1}: {message}"


class SourceError(ValueError):
    """A problem at one line of a source file (a page, the term list, a diagram).

    `problem` is the message alone; `str()` is the located line."""

    def __init__(self, path: str | None, line: int | None, problem: str) -> None:
        super().__init__(located(path, line, problem))
        self.path, self.line, self.problem = path, line, problem

    def in_file(self, path: str, lines_above: int = 0) -> SourceError:
        """The same problem in `path`, whose first `lines_above` lines (front
        matter) were not part of the text that was read; keeps the type and
        its other attributes."""
        line = self.line + lines_above if self.line is not None else None
        error = type(self).__new__(type(self))
        error.__dict__.update(self.__dict__)
        SourceError.__init__(error, path, line, self.problem)
        return error


def lines_reading(source: str | Sequence[str], *texts: str, whole: bool = False) -> list[int]:
    """The 1-based numbers of the lines of `source` (a text or its lines)
    that hold every one of `texts`; with `whole`, of those that read
    `texts[0]` alone, spaces around it aside.

    For a problem found where line numbers are gone (in a page's HTML, in
    Markdown's inline pass): the line to fix is one that reads its text."""
    lines = source.splitlines() if isinstance(source, str) else source
    if whole:
        return [number for number, line in enumerate(lines, start=1) if line.strip() == texts[0]]
    return [number for number, line in enumerate(lines, start=1) if all(text in line for text in texts)]


def source_line(source: str | Sequence[str], *texts: str, whole: bool = False) -> int | None:
    """The first line of `lines_reading(source, *texts, whole=whole)`, if any."""
    return next(iter(lines_reading(source, *texts, whole=whole)), None)


def stop(error: SourceError | str, config: MkDocsConfig | None = None) -> PluginError:
    """The error MkDocs reports as the one line `str(error)` before it stops
    the build (a plain exception would print a traceback around it). With
    `config`, a file named by its full path is shown from the project."""
    from mkdocs.exceptions import PluginError

    if config is not None and isinstance(error, SourceError) and error.path and Path(error.path).is_absolute():
        error = error.in_file(project_path(config, error.path))
    return PluginError(str(error))


def project_path(config: MkDocsConfig, path: str | Path) -> str:
    """`path` as seen from the folder of mkdocs.yml (absolute when outside it)."""
    from devconcepts.core.site_data import project_dir

    path = Path(path)
    try:
        return path.resolve().relative_to(project_dir(config)).as_posix()
    except ValueError:
        return path.as_posix()


def page_path(config: MkDocsConfig, src_path: str) -> str:
    """A docs-relative source (`topic.md`) as seen from the project (`docs/topic.md`)."""
    # Every page asks (once per page and build): the docs folder is resolved
    # once per folder, not each page's path (0.2 s a build at 1,000 pages).
    return f"{_docs_shown(config.docs_dir, config.config_file_path)}/{Path(src_path).as_posix()}"


@functools.lru_cache(maxsize=8)
def _docs_shown(docs_dir: str, config_file_path: str | None) -> str:
    from devconcepts.core.site_data import project_dir_of

    docs = Path(docs_dir).resolve()
    try:
        return docs.relative_to(project_dir_of(config_file_path, docs_dir)).as_posix()
    except ValueError:
        return docs.as_posix()


def option_problem(config: MkDocsConfig, plugin: str, option: str | None, problem: str) -> str:
    """`mkdocs.yml: plugin: option: problem`, for a plugin's setting that
    cannot work; mkdocs.yml as seen from the project."""
    where = project_path(config, config.config_file_path) if config.config_file_path else "mkdocs.yml"
    return f"{where}: {plugin}: {option + ': ' if option else ''}{problem}"
