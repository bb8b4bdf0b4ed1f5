"""Bilingual-site guards and fixes on top of mkdocs-static-i18n: missing
translations and translations behind their source page fail the strict build
(under `mkdocs serve`, such a page also says so at its top), each language
gets its own 404 page,
templates get the interface labels of the language being built, each
template is compiled once for all languages, and the language switch gets a
map of each page's headings to its translation's (`headings`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from devconcepts.i18n.config import I18nConfig
from devconcepts.core import stages
from devconcepts.core.built_site import built_site
from devconcepts.core.cache_files import cache_folder
from devconcepts.core.errors import located, project_path, stop
from devconcepts.i18n.not_found import NOT_FOUND, NotFoundPages
from devconcepts.core.template_cache import SharedBytecodeCache
from devconcepts.i18n import source_hash
from devconcepts.i18n.behind import notice, with_notice
from devconcepts.i18n.counterparts import missing_translations
from devconcepts.i18n.headings import CounterpartHeadings
from devconcepts.core.labels import labels_for, unlabelled
from devconcepts.core.locales import (all_languages_built, build_locales, built_locales, language_prefix, language_roots,
                                      page_locale, translated_locales)
from devconcepts.core.site_data import project_dir

log = get_plugin_logger(__name__)


class I18nPlugin(BasePlugin[I18nConfig]):
    def __init__(self) -> None:
        self._not_found = NotFoundPages()
        self._serving = False
        self._behind: dict[Path, source_hash.Drift] = {}
        self._headings = CounterpartHeadings()

    # Defining on_startup also keeps this plugin across the rebuilds of one
    # `mkdocs serve` (MkDocs' rule), so `_serving` holds for all of them.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        locale, default = build_locales(config)
        # static-i18n runs one build() per language on the same config;
        # checking the sources in the default language's build reports each
        # problem once.
        if locale == default:
            missing = unlabelled(built_locales(config))
            if missing:
                raise stop(located(project_path(config, config.config_file_path), 1,
                                   f"the site is built in {', '.join(map(repr, missing))}, which has no interface "
                                   f"labels in src/devconcepts/core/labels.py"))
            self._headings = CounterpartHeadings()
            translations = self.config.translations
            if translations is None:
                translations = translated_locales(config)
            for path, problem in missing_translations(Path(config.docs_dir), translations):
                log.warning(located(project_path(config, path), 1, problem))
            drifts = source_hash.check(Path(config.docs_dir), tuple(translations))
            for drift in drifts:
                log.warning(located(project_path(config, drift.translation), drift.line,
                                    drift.problem(project_dir(config))))
            # The other languages' builds follow in this process and read it.
            self._behind = {drift.translation.resolve(): drift for drift in drifts}

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files) -> str:
        if not (self.config.enabled and self._serving):
            return html
        locale, default = build_locales(config)
        if locale == default or Path(page.file.abs_src_path).resolve() not in self._behind:
            return html
        # The source page has the same URL without the language's folder.
        folder = language_prefix(locale, default)
        original = page.url[len(folder):] if page.url.startswith(folder) else page.url
        return with_notice(html, notice(locale, get_relative_url(original, page.url), default))

    def on_env(self, env, config: MkDocsConfig, files):
        if self.config.enabled:
            env.globals["labels"] = labels_for(build_locales(config)[0])
            env.bytecode_cache = SharedBytecodeCache(cache_folder(config, self.config.cache_dir))
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

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.config.enabled:
            self._headings.add(page.file, page_locale(config), page.url, output)
        return output

    def _not_found_after_build(self, config: MkDocsConfig) -> None:
        if self.config.enabled:
            locale, default = build_locales(config)
            self._not_found.after_build(Path(config.site_dir), locale, default)

    @event_priority(stages.EVERY_LANGUAGE_BUILT)
    def _write_headings(self, config: MkDocsConfig) -> None:
        if self.config.enabled and all_languages_built(config):
            self._headings.write(built_site(config))

    on_post_build = CombinedEvent(_not_found_after_build, _write_headings)


def _language_homes(config: MkDocsConfig) -> list[dict[str, str]]:
    """Language-switcher entries that lead to each built language's home page."""
    return [{"name": root.name, "link": root.path, "lang": root.locale} for root in language_roots(config)]
