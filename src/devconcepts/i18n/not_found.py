"""Give every language its own 404 page.

MkDocs writes the theme's 404.html to the root of site_dir in every build, and
static-i18n runs one build per language into the same site_dir, so the
language built last wins the root. The plugin keeps the default language's
page at /404.html and moves each other language's page under its own folder
(/en/404.html). Material renders 404.html with absolute URLs, so the file can
move without breaking its links."""

from __future__ import annotations

from pathlib import Path

NOT_FOUND = "404.html"


class NotFoundPages:
    """Collects each language's 404 page right after that language's build."""

    def __init__(self) -> None:
        self._default_page: bytes | None = None

    def after_build(self, site_dir: Path, locale: str, default_locale: str) -> None:
        root_page = site_dir / NOT_FOUND
        if not root_page.exists():
            return
        if locale == default_locale:
            self._default_page = root_page.read_bytes()
            return
        target = site_dir / locale / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(root_page.read_bytes())
        if self._default_page is not None:
            root_page.write_bytes(self._default_page)
