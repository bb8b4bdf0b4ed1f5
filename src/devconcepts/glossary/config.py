"""Options of the `devconcepts-glossary` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class GlossaryConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off; the extensions then keep the settings of `markdown_extensions`."""

    glossary_page = c.Type(str, default="glossary.md")
    """Docs-relative path of the page that holds the `/// glossary` block."""

    check_anchors = c.Type(bool, default=True)
    """Warn when a term's `page` anchor (terms.yml) is missing from the built page."""

    source_notes = c.Optional(c.File(exists=True))
    """The source notes the pages quote verbatim (relative to mkdocs.yml): their
    own words may keep a spelling the term list avoids."""
