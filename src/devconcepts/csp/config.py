"""Options of the `devconcepts-csp` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CspConfig(Config):
    enabled = c.Type(bool, default=True)
    """Write and check the policy; when off, pages carry none."""

    serve = c.Type(bool, default=False)
    """Write the policy under `mkdocs serve` too. Its live-reload script is
    then blocked, so pages no longer reload on their own."""

    cache_dir = c.Type(str, default=".cache/devconcepts/csp")
    """Where each page's result is kept between builds, by the page's text
    (cache_files.Memo); relative to mkdocs.yml. Empty: no cache."""
