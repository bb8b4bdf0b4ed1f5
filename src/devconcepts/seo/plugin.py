"""MkDocs plugin `devconcepts-seo`.

- Pages without a `description` in their front matter get their first
  paragraph as meta description, so each page describes itself.
- The template gets `hreflang_roots`: absolute URLs of the language roots
  for the head's hreflang links (Lighthouse needs absolute URLs; the roots,
  not the pages, because Material fetches `sitemap.xml` beside each link).
  Per-page hreflang pairs are in the root sitemap, written by static-i18n.
- After the build: robots.txt, and a sitemap in every non-default language
  root."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from devconcepts.locales import language_roots

from .crawl_files import language_sitemap, robots_txt
from .description import opening_text


class SeoConfig(Config):
    enabled = c.Type(bool, default=True)


class SeoPlugin(BasePlugin[SeoConfig]):
    def __init__(self):
        self.roots: list[tuple[str, str, bool]] = []  # (locale, absolute URL, default)

    def _language_roots(self, config) -> list[tuple[str, str, bool]]:
        if not config.site_url:
            return []
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(config.site_url))
        return [(root.locale, urljoin(origin, root.path), root.default) for root in language_roots(config)]

    # After static-i18n (-100) has reconfigured the build.
    @event_priority(-200)
    def on_config(self, config):
        if self.config.enabled:
            self.roots = self._language_roots(config)
        return config

    def on_page_content(self, html, page, config, files):
        if self.config.enabled and not page.meta.get("description"):
            description = opening_text(html)
            if description:
                page.meta["description"] = description
        return html

    def on_page_context(self, context, page, config, nav):
        if self.config.enabled and self.roots:
            context["hreflang_roots"] = [(locale, url) for locale, url, _ in self.roots]
        return context

    # After static-i18n (-100) has built every language into its folder.
    @event_priority(-200)
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        (site_dir / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
        root_sitemap = site_dir / "sitemap.xml"
        if not root_sitemap.is_file():
            return
        text = root_sitemap.read_text(encoding="utf-8")
        for locale, url, default in self.roots:
            if default:
                continue
            folder = site_dir / urlsplit(url).path[len(urlsplit(config.site_url).path):].strip("/")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "sitemap.xml").write_text(language_sitemap(text, url), encoding="utf-8")
