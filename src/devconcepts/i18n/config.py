"""Options of the `devconcepts-i18n` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class I18nConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn all of this plugin off."""

    translations = c.Optional(c.ListOfItems(c.Type(str)))
    """Locales every default-language page must have, as `page.<locale>.md`
    beside it; by default every other language static-i18n builds."""

    cache_dir = c.Type(str, default=".cache/devconcepts/templates")
    """Where compiled templates are kept between builds; empty: in memory only."""
