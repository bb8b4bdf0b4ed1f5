"""MkDocs plugin `devconcepts-seo`.

- Pages without a `description` in their front matter get their first
  paragraph as meta description, so each page describes itself.
- The template gets `hreflang_links`: the absolute URLs of the page in every
  language it is written in, plus `x-default` (the default language's page).
  A fallback copy is no translation: an untranslated page links only itself.
- The template gets `link_preview` for the Open Graph and Twitter tags, and
  the page's preview image (`preview.py`) is drawn into `previews_dir`, or
  taken from the cache (a hard link) when the same text was drawn with the
  same font and code before. Images not in the cache are drawn by a process
  of their own on another core while the build goes on (each takes about
  16 ms, and checking a new title's characters for glyphs about as much,
  which a cold build would otherwise wait for on every page), and are all
  written by `PREVIEWS_WRITTEN`.
- After the build: the root sitemap with the same pairs as the heads and the
  date the page's sources last changed in git (`devconcepts.core.page_sources`),
  a sitemap in every other language root, and robots.txt."""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from importlib.metadata import version as package_version
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from devconcepts.seo.config import SeoConfig
from devconcepts.core import stages
from devconcepts.core.built_site import built_site, url_of, write_built
from devconcepts.core.cache_files import cache_folder
from devconcepts.core.errors import option_problem, page_path
from devconcepts.core.labels import labels_for
from devconcepts.core.locales import (all_languages_built, built_locales, file_locale, is_default_language_build,
                                 is_fallback, language_path, language_roots, page_locale, translations)
from devconcepts.core.page_sources import last_change

from . import preview
from .crawl_files import ROBOTS, language_sitemap, robots_txt
from .description import opening_text
from .fonts import FontMissing, Fonts, find_fonts
from .preview_process import DrawingFailed, MissingGlyphs, PreviewProcess
from .sitemap import SITEMAP, Entry, sitemap_gz, sitemap_xml

log = get_plugin_logger(__name__)

X_DEFAULT = "x-default"


class SeoPlugin(BasePlugin[SeoConfig]):
    def __init__(self):
        self.roots: list[tuple[str, str, bool]] = []  # (locale, absolute URL, default)
        self.entries: list[tuple[int, Entry]] = []
        self._fonts: Fonts | None = None
        self._font_digest = ""
        self._cache: Path | None = None
        self._drawn = [0, 0, 0.0]  # images drawn, images from the cache, seconds spent drawing
        self._drawing: PreviewProcess | None = None
        self._given: list[Path] = []  # the images the drawing process writes

    def _language_roots(self, config) -> list[tuple[str, str, bool]]:
        if not config.site_url:
            return []
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(config.site_url))
        return [(root.locale, urljoin(origin, root.path), root.default) for root in language_roots(config)]

    @event_priority(stages.CONFIG_AFTER_LANGUAGE)
    def on_config(self, config):
        if self.config.enabled:
            self.roots = self._language_roots(config)
            # Relative to mkdocs.yml, like Material's caches.
            self._cache = cache_folder(config, self.config.cache_dir)
            if is_default_language_build(config):
                # A new whole-site build (mkdocs serve rebuilds).
                self.entries = []
                self._drawn = [0, 0, 0.0]
        return config

    def on_page_content(self, html_text, page, config, files):
        if self.config.enabled and not page.meta.get("description"):
            description = opening_text(html_text)
            if description:
                page.meta["description"] = description
        return html_text

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled or not config.site_url:
            return context
        found = translations(config, page.file)
        links = [(locale, urljoin(config.site_url, url)) for locale, url in found.items()]
        default = built_locales(config)[0]
        if default in found:
            links.append((X_DEFAULT, urljoin(config.site_url, found[default])))
        context["hreflang_links"] = links
        if self.config.previews:
            context["link_preview"] = self._preview(page, config, nav, found)
        if not is_fallback(config, page.file):
            order = built_locales(config).index(page_locale(config))
            self.entries.append((order, Entry(page.canonical_url or urljoin(config.site_url, page.url),
                                              last_change(page, config, nav), tuple(links))))
        return context

    # Link previews ----------------------------------------------------------

    def _preview(self, page, config, nav, found: dict[str, str]) -> dict:
        locale = page_locale(config)
        written_in = file_locale(config, page.file)
        # Every language's home, not only the default one's (MkDocs' is_homepage).
        is_home = url_of(language_path(page.file)) == ""
        title = config.site_name if is_home else html.unescape(page.title or config.site_name)
        topic = _topic(page) or config.site_description or ""
        name = _image_name(language_path(page.file))
        relative = f"{self.config.previews_dir.strip('/')}/{locale}/{name}"
        target = Path(config.site_dir) / relative
        self._image(title, topic, config.site_name, locale, config, target,
                    page_path(config, page.file.src_path))
        return {
            "type": "website" if is_home else "article",
            "title": title,
            "image": urljoin(config.site_url, relative),
            "width": preview.WIDTH,
            "height": preview.HEIGHT,
            "locale": labels_for(written_in)["meta.og_locale"],
            "alternate_locales": [labels_for(other)["meta.og_locale"] for other in found if other != written_in],
        }

    def _fonts_or_stop(self, config) -> Fonts:
        if self._fonts is None:
            try:
                self._fonts = find_fonts(self.config.font_dirs)
            except FontMissing as error:
                raise PluginError(option_problem(config, "devconcepts-seo", "font_dirs", str(error))) from None
            self._font_digest = self._fonts.digest()
        return self._fonts

    def _image(self, title: str, topic: str, site_name: str, locale: str, config, target: Path,
               shown_path: str) -> None:
        """Write the PNG to `target`: from the cache when this text was drawn
        before with the same font, drawing code and Pillow; else by the
        drawing process (written by `_previews_written`, which reports a
        character the font lacks at `shown_path`). An edit under `mkdocs
        serve` draws one or two images: the process starts, draws them and
        ends within the rest of the build."""
        fonts = self._fonts_or_stop(config)
        key = hashlib.sha256(json.dumps(
            [title, topic, site_name, locale, self._font_digest, _PILLOW, _CODE_DIGEST],
            ensure_ascii=False).encode("utf-8")).hexdigest()
        cached = self._cache / f"{key}.png" if self._cache is not None else None
        target.parent.mkdir(parents=True, exist_ok=True)
        if cached is not None and cached.is_file():
            self._drawn[1] += 1
            _place(cached, target)
            return
        if self._drawing is None:
            self._drawing = PreviewProcess()
        self._drawing.draw(title, topic, site_name, fonts, target, cached, shown_path)
        self._given.append(target)

    @event_priority(stages.PREVIEWS_WRITTEN)
    def _previews_written(self, config):
        """Every image the drawing process was given is in the site (and in
        the cache), before the service worker's list reads the files. Once
        every language is built, so that drawing goes on through the other
        languages' builds."""
        if not all_languages_built(config):
            return
        if self._drawing is not None:
            drawing, self._drawing = self._drawing, None
            try:
                drawn, seconds = drawing.finish()
            except MissingGlyphs as error:
                raise PluginError(str(error)) from None
            except DrawingFailed as error:
                raise PluginError(option_problem(config, "devconcepts-seo", "previews", str(error))) from None
            self._drawn[0] += drawn
            self._drawn[2] += seconds
            site = built_site(config)
            for target in self._given:
                site.written_beside(target.relative_to(site.root).as_posix())
        self._given = []
        drawn, cached, seconds = self._drawn
        if drawn or cached:
            log.info(f"Link previews: {drawn} drawn in {seconds:.2f} s, {cached} from the cache")

    def on_build_error(self, error):
        if self._drawing is not None:
            self._drawing.stop()
            self._drawing = None
        self._given = []

    @event_priority(stages.SITE_FILES_WRITTEN)
    def _site_files(self, config):
        if not self.config.enabled:
            return
        write_built(config, ROBOTS, robots_txt(config.site_url))
        if not all_languages_built(config) or not self.entries:
            return
        site = built_site(config)
        entries = [entry for _, entry in sorted(self.entries, key=lambda item: (item[0], item[1].loc))]
        text = sitemap_xml(entries)
        site.write(SITEMAP, text)
        site.write(f"{SITEMAP}.gz", sitemap_gz(text))
        for locale, url, default in self.roots:
            if default:
                continue
            folder = urlsplit(url).path[len(urlsplit(config.site_url).path):].strip("/")
            site.write(posixpath.join(folder, SITEMAP), language_sitemap(text, url))


    on_post_build = CombinedEvent(_site_files, _previews_written)


def _place(cached: Path, target: Path) -> None:
    """The kept image at `target`: a hard link to it, or a copy where the
    site and the cache are on different file systems. A link is safe because
    the cache's files are only ever replaced whole, never written in place
    (core.cache_files.write_bytes), and it takes a thirtieth of the time of a
    copy: 0.04 s against 1.5 s for the 2,000 images of a build at 1,000 pages
    per language."""
    try:
        try:
            os.link(cached, target)
        except FileExistsError:  # `mkdocs build --dirty` keeps the site's files
            target.unlink()
            os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


_CODE_DIGEST = hashlib.sha256(Path(preview.__file__).read_bytes()).hexdigest()
"""The drawing code's own digest: a change to it draws every image again."""
_PILLOW = package_version("pillow")
"""Pillow's version, read once: reading it scans the installed packages
(5 ms, once per page before)."""


def _topic(page) -> str | None:
    """The title of the top navigation section the page is in, if any."""
    section = page.parent
    while section is not None and section.parent is not None:
        section = section.parent
    return html.unescape(section.title) if section is not None and section.title else None


def _image_name(path: str) -> str:
    """`oltp.png` for `oltp/index.html`, `index.png` for the home page."""
    return f"{url_of(path).removesuffix('.html').strip('/') or 'index'}.png"
