"""Options of the `devconcepts-offline` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class OfflineConfig(Config):
    enabled = c.Type(bool, default=True)
    """Write the worker and the manifests; when off, pages link neither."""

    worker = c.Type(str, default="sw.js")
    """Site path of the service worker; at the site root, so that its scope
    is the whole site."""

    theme_color = c.Type(str, default="#4051b5")
    """The header's colour (Material's indigo), for the phone's status bar
    and the installed app."""

    background_color = c.Type(str, default="#ffffff")
    """The installed app's splash screen."""

    icon = c.Optional(c.Type(str))
    """Site path of the app icon; by default the theme's favicon."""

    exclude = c.ListOfItems(c.Type(str), default=[])
    """Site paths (glob patterns) to leave out of the precache besides those
    no page reads (NEVER): files offered for download rather than read in
    the site, data written for other tools."""

    budget_kb = c.Type(int, default=320)
    """Most gzip bytes (in KB of 1,000 bytes) one language's precache may
    take; more is a warning, which fails the strict build. It is downloaded
    only when the reader engages or asks, never on a first visit or with
    Save-Data; 320 KB holds every page, the print book, search and the review
    app with its safeguards for the reader's progress (merging, checked
    imports, undo)."""

    cache_dir = c.Type(str, default=".cache/devconcepts/offline")
    """Where the gzip size of each file is kept between builds, by its bytes
    (cache_files.Memo); relative to mkdocs.yml. Empty: no cache."""
