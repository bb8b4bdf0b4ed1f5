"""Settings of the `devconcepts-compare` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CompareConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off. The `devconcepts.compare` Markdown extension still
    renders tables, but errors no longer name the file, languages are not
    compared and leftover block text is not caught."""

    check_translations = c.Type(bool, default=True)
    """Warn (fatal under `--strict`) when a page's comparisons and those of its
    translation differ in number or shape: comparisons, subjects, shared part
    and rows."""

    check_leftovers = c.Type(bool, default=True)
    """Fail the build when block syntax (a `///` line) reaches a page's HTML,
    i.e. some block was not turned into HTML."""
