"""Bilingual-site guards and fixes on top of mkdocs-static-i18n: missing
translations fail the strict build, each language gets its own 404 page,
templates get the interface labels of the language being built, and each
template is compiled once for all languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger

from devconcepts.errors import located, project_path
from devconcepts.i18n.not_found import NOT_FOUND, NotFoundPages
from devconcepts.i18n.template_cache import SharedBytecodeCache
from devconcepts.i18n.counterparts import missing_translations
from devconcepts.labels import labels_for
from devconcepts.locales import build_locales

log = get_plugin_logger(__name__)


class I18nConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn all of this plugin off."""

    translations = c.Type(list, default=["en"])
    """Locales every default-language page must have, as `page.<locale>.md` beside it."""


class I18nPlugin(BasePlugin[I18nConfig]):
    def __init__(self) -> None:
        self._not_found = NotFoundPages()

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        locale, default = build_locales(config)
        # static-i18n runs one build() per language on the same config;
        # checking the sources in the default language's build reports each
        # problem once.
        if locale == default:
            for path, problem in missing_translations(Path(config.docs_dir), self.config.translations):
                log.warning(located(project_path(config, path), 1, problem))

    def on_env(self, env, config: MkDocsConfig, files):
        if self.config.enabled:
            env.globals["labels"] = labels_for(build_locales(config)[0])
            env.bytecode_cache = SharedBytecodeCache()
        return env

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if self.config.enabled and template_name == NOT_FOUND:
            # static-i18n sets the language switcher per page and leaves the
            # last page's links in place for 404.html; a missing page has no
            # counterpart, so switch to the other language's home instead.
            homes = _language_homes(config)
            if homes:
                # static-i18n assigns the attribute, not the key, and Jinja
                # reads the attribute first: set both.
                config.extra["alternate"] = homes
                config.extra.alternate = homes
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.config.enabled:
            locale, default = build_locales(config)
            self._not_found.after_build(Path(config.site_dir), locale, default)



def _language_homes(config: MkDocsConfig) -> list[dict[str, str]]:
    """Language-switcher entries that lead to each built language's home page."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return []
    base = urlsplit(config.site_url or "/").path.rstrip("/")
    return [
        {"name": language.name, "link": f"{base}{language.link}", "lang": language.locale}
        for language in i18n.config.languages
        if language.build
    ]
