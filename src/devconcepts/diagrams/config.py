"""Options of the `devconcepts-diagrams` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class DiagramsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off; the extension then keeps the settings of `markdown_extensions`."""
