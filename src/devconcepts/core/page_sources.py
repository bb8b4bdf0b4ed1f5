"""Which files is a page built from, and when did the newest of them change?

Most pages come from their own Markdown file. A page that a plugin of ours
fills from other files says so through that plugin: the plugin has a method
`page_sources(page, config, nav)` that returns every file the page is built
from (its own file included) for the pages it fills, and None for the rest.
The print book lists its chapters, the review page its topics, the glossary
the term list. The dates come from git, as the print sheets' "last changed"
line does (`devconcepts.core.git_dates`), so one commit always gives the
same dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from devconcepts.core import git_dates


def page_sources(page: Page, config: MkDocsConfig, nav: Navigation) -> list[Path]:
    for plugin in config.plugins.values():
        answer = getattr(plugin, "page_sources", None)
        sources = answer(page, config, nav) if callable(answer) else None
        if sources:
            return list(sources)
    return [Path(page.file.abs_src_path)]


def newest_change(paths: list[Path]) -> dt.date | None:
    """The latest last-change date among `paths` (None when none has one)."""
    found = [date for date in (git_dates.last_change(path) for path in paths) if date]
    return max(found) if found else None


def last_change(page: Page, config: MkDocsConfig, nav: Navigation) -> dt.date | None:
    return newest_change(page_sources(page, config, nav))
