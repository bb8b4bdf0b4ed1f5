"""devconcepts-offline: the pages a reader opens read offline, the whole
language once the reader stays or asks, and a phone can install the site.

- Every page gets `<link rel="manifest">` to its language's manifest (name
  and description in that language, the favicon as icon, the theme colour)
  and a theme-colour `<meta>`; the link also names the service worker
  (`data-service-worker`), which `assets/javascripts/offline.js` registers
  after the page's `load` event. No inline script: the page's policy
  (devconcepts-csp) allows workers from the site itself.
- Once every language is built and every other plugin has written its files,
  `sw.js` goes to the site root with one precache list per language, listed
  from the built files (precache.py), and a version hashed from their bytes
  (worker.py, sw.js). The gzip size of each list, with the worker's own, is
  logged and checked against `budget_kb`.

Under `mkdocs serve` pages name no worker, and `sw.js` is one that removes a
copy a browser kept from a built site at the same address: the author always
sees the pages being served."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from devconcepts.offline.config import OfflineConfig
from devconcepts.core import stages
from devconcepts.core.built_site import BuiltSite, built_site
from devconcepts.core.errors import located, option_problem, project_path, stop
from devconcepts.core.labels import labels_for
from devconcepts.core.locales import all_languages_built, build_locales, built_locales, language_prefix
from devconcepts.offline import worker
from devconcepts.offline.manifest import FILE_NAME, AppInfo, manifest
from devconcepts.core.cache_files import Memo, cache_folder, code_version
from devconcepts.offline import precache as precache_module
from devconcepts.core.material_internals import HASHED_SCRIPTS, material_templates
from devconcepts.offline.precache import Language, Precache, gzip_length, precache_lists, version

log = get_plugin_logger(__name__)

NEVER = ("*.map", "*.gz", "robots.txt", ".*", "*/.*")
"""Never precached: source maps and compressed copies, which no page loads;
robots.txt; hidden files."""


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def __init__(self) -> None:
        self._serving = False
        self._apps: dict[str, AppInfo] = {}

    # Defining on_startup also keeps this plugin across the rebuilds of one
    # `mkdocs serve`, so `_serving` holds for all of them.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        locale, default = build_locales(config)
        # static-i18n has set this language's name and description by now.
        self._apps[locale] = AppInfo(locale, language_prefix(locale, default), config.site_name,
                                     config.site_description or config.site_name)

    def on_env(self, env, *, config: MkDocsConfig, files):
        # The footer's button and notice read `labels` (even when this plugin
        # is off: the footer is there); devconcepts-i18n sets the same
        # global, and this keeps them working without it.
        env.globals.setdefault("labels", labels_for(build_locales(config)[0]))
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled or "</head>" not in output:
            return output
        locale, default = build_locales(config)
        here = page.url
        link = f'<link rel="manifest" href="{get_relative_url(language_prefix(locale, default) + FILE_NAME, here)}"'
        if not self._serving:
            link += f' data-service-worker="{get_relative_url(self.config.worker, here)}"'
        head = f'{link}><meta name="theme-color" content="{self.config.theme_color}">'
        return output.replace("</head>", head + "</head>", 1)

    @event_priority(stages.FILES_LISTED)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not all_languages_built(config):
            return
        site = built_site(config)
        icon = self.config.icon or config.theme.get("favicon") or "assets/images/favicon.png"
        for app in self._apps.values():
            site.write(app.prefix + FILE_NAME, manifest(app, icon=icon, theme_color=self.config.theme_color,
                                                        background_color=self.config.background_color))
        if self._serving:
            site.write(self.config.worker, worker.SERVE_WORKER)
            return
        _, default = build_locales(config)
        languages = [Language(locale, language_prefix(locale, default)) for locale in built_locales(config)]
        lists = precache_lists(site, languages, [*NEVER, *self.config.exclude, self.config.worker])
        committed = worker.minified()
        try:
            code = worker.render(version(lists, worker.source()), lists, _hashed(site, lists), committed=committed)
        except ValueError as error:
            raise stop(option_problem(config, "devconcepts-offline", None, str(error))) from error
        if committed is None:
            log.warning(located(project_path(config, Path(worker.__file__).with_name(worker.MINIFIED)), 1,
                                "not made from sw.js as it is now: run `node scripts/build-bundles.mjs "
                                "service-worker` and commit it (this build minifies sw.js with rjsmin)"))
        site.write(self.config.worker, code)
        budget = self.config.budget_kb * 1000
        # What a reader who saves the language downloads: the list and the
        # worker (which every first visit downloads on its own).
        sizes = Memo(cache_folder(config, self.config.cache_dir), "gzip-sizes", code_version(precache_module))
        code_size = gzip_length(code.encode("utf-8"))
        for precache in lists:
            size = precache.gzip_bytes(sizes) + code_size
            log.info(f"offline: '{precache.locale}' precache: {len(precache.urls)} files and the worker, "
                     f"{size:,} B gzip")
            if size > budget:
                log.warning(option_problem(config, "devconcepts-offline", "budget_kb",
                                           f"the '{precache.locale}' precache is {size:,} B gzip, over its "
                                           f"{self.config.budget_kb} KB budget; leave a file out with 'exclude' "
                                           f"or make it smaller"))
        sizes.save()


def _hashed(site: BuiltSite, lists: list[Precache]) -> list[str]:
    """The listed URLs named by a hash of their own bytes: Material's scripts
    (material_internals.HASHED_SCRIPTS), while they are Material's bytes."""
    templates = material_templates()
    found = set()
    for url, relative in {pair for precache in lists for pair in zip(precache.urls, precache.files)}:
        if any(fnmatch.fnmatchcase(url, pattern) for pattern in HASHED_SCRIPTS):
            original = templates / relative
            if original.is_file() and original.read_bytes() == site.data(relative):
                found.add(url)
    return sorted(found)
