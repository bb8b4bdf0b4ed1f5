"""Options of the `devconcepts-seo` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SeoConfig(Config):
    enabled = c.Type(bool, default=True)
    previews = c.Type(bool, default=True)
    """Draw a link-preview image per page and language (needs the Nanum font)."""
    previews_dir = c.Type(str, default="assets/previews")
    """Where the images go in the site: `<previews_dir>/<locale>/<page>.png`."""
    cache_dir = c.Type(str, default=".cache/devconcepts/previews")
    font_dirs = c.ListOfItems(c.Type(str), default=[])
    """Folders to find the Nanum font in; empty: the system's font folders."""
