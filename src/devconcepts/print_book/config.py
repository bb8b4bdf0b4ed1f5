"""Options of the `devconcepts-print` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PrintConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off: no source line, and the book page keeps only its own text."""

    book = c.Type(str, default="print.md")
    """Docs-relative source of the whole-book print page in the default language.
    Translations sit beside it (`print.en.md`); each is filled with the topic
    pages of its own language (devconcepts.core.topics: mkdocs.yml's `extra:
    not_topics:` lists the book too)."""

    source_line = c.Type(bool, default=True)
    """Give every page the print-only source line: site name, absolute URL,
    language and the date of the last change of its source file."""

    cache_dir = c.Type(str, default=".cache/devconcepts/print")
    """Where each chapter's rewrite for the book is kept between builds; empty: not kept."""
