"""The web app manifest of each language: what a phone shows when the site is
installed (its name, icon and colours) and where the installed app opens."""

from __future__ import annotations

import json
from dataclasses import dataclass

FILE_NAME = "manifest.webmanifest"


@dataclass(frozen=True)
class AppInfo:
    locale: str
    prefix: str
    """The language's folder from the site root: "" or "en/"."""
    name: str
    description: str


def manifest(app: AppInfo, *, icon: str, theme_color: str, background_color: str) -> str:
    """The manifest written at `{prefix}manifest.webmanifest`; `icon` is the
    favicon's path from the site root. URLs in it are relative to the file,
    so the site works under any sub-path."""
    up = "../" * app.prefix.count("/")
    data = {
        "name": app.name,
        "short_name": app.name if len(app.name) <= 12 else _short(app.name),
        "description": app.description,
        "lang": app.locale,
        "dir": "ltr",
        # The language's home; each language installs as its own app.
        "id": "./",
        "start_url": "./",
        # The whole site, so that the language switcher stays in the app.
        "scope": up or "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": background_color,
        "icons": [{"src": up + icon, "sizes": "any", "type": _icon_type(icon), "purpose": "any"}],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _short(name: str) -> str:
    # A launcher shows about 12 characters: the name's first words that fit.
    words, short = name.split(), ""
    for word in words:
        if len(f"{short} {word}".strip()) > 12:
            break
        short = f"{short} {word}".strip()
    return short or name[:12]


def _icon_type(icon: str) -> str:
    return {"svg": "image/svg+xml", "png": "image/png", "webp": "image/webp"}.get(icon.rsplit(".", 1)[-1], "image/png")
