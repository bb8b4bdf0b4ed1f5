"""devconcepts-assets: what a first visit downloads, made smaller.

- `extra_css` and `extra_javascript` become one minified stylesheet and one
  minified script (bundle.py), and other scripts of ours are minified;
  Material's stylesheets join the stylesheet, before ours (`join_material`);
- the indentation between the tags of each page goes (whitespace.py);
- the rules of Material's stylesheets that match nothing on the site go,
  once every language is built (purge.py)."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from devconcepts.assets.config import AssetsConfig
from devconcepts.core import stages
from devconcepts.assets import purge, purge_cache
from devconcepts.assets.bundle import (MissingAssetError, bundle_css, bundle_js, committed_script, find_asset,
                                      minify)
from devconcepts.assets.material_components import components_off_problems
from devconcepts.assets.purge import PurgeError, UsedNames, loaded_scripts, purge_stylesheets, used_names
from devconcepts.assets.whitespace import squeeze
from devconcepts.core.errors import located, option_problem, project_path
from devconcepts.core.cache_files import Memo, cache_folder, code_version, text_key
from devconcepts.core.built_site import BuiltSite, built_site
from devconcepts.core.locales import all_languages_built, is_default_language_build
from devconcepts.core.material_internals import PALETTE_SWITCHING, STYLESHEETS

log = get_plugin_logger(__name__)

# Attributes whose selectors the purge drops even where pages use them:
# setting or removing one restyles every element of the page
# (material_internals.PALETTE_SWITCHING).
DROPPED_ATTRIBUTES = (PALETTE_SWITCHING,)

STYLES_PARTIAL = "partials/styles.html"
"""The theme's `styles` block (overrides/partials/styles.html)."""


class AssetsPlugin(BasePlugin[AssetsConfig]):
    def __init__(self) -> None:
        self._css: list[str] | None = None
        self._js: list[str] | None = None
        self._joined: list[str] = []
        """Material's stylesheets in the bundle (site paths), in their order."""
        self._own_css = ""
        """The bundle's part made from `extra_css`."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        problems = components_off_problems(config, self.config.components_off)
        if problems:
            raise PluginError(option_problem(config, "devconcepts-assets", "components_off", "; ".join(problems)))
        # static-i18n runs on_config again on the same config for each extra
        # language; by then the lists already name the bundles.
        if self._css is None:
            self._css = [str(path) for path in config.extra_css]
            self._js = [str(script) for script in config.extra_javascript]
        if self._css:
            config.extra_css = [self.config.stylesheet]
        if self._js:
            config.extra_javascript = [ExtraScriptValue(self.config.script)]
        return config

    @event_priority(stages.FILES_GENERATED)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self._joined = []
        if not self.config.enabled:
            return files
        folders = [Path(folder) for folder in config.theme.dirs if folder] + [Path(config.docs_dir)]
        for option, sources, target, join in (
            ("extra_css", self._css, self.config.stylesheet, bundle_css),
            ("extra_javascript", self._js, self.config.script, bundle_js),
        ):
            if not sources:
                continue
            try:
                found = [(source, find_asset(source, folders)) for source in sources]
            except MissingAssetError as error:
                raise PluginError(option_problem(config, option, None, str(error))) from error
            committed = files.src_uris.get(target)
            content = None
            if join is bundle_css:
                self._own_css = bundle_css([path for _, path in found])
                content = self._join_material(files, config) + self._own_css
            if committed is not None:
                files.remove(committed)
                if join is bundle_js:
                    content = self._committed_script(committed)
                    content = content and committed_script(content, found)
                    if content is None and is_default_language_build(config):
                        log.warning(located(
                            project_path(config, committed.abs_src_path), 1,
                            "not made from the scripts of extra_javascript as they are now: run `node "
                            "scripts/build-bundles.mjs site-scripts` and commit it (this build joins them "
                            "with rjsmin)"))
            files.append(File.generated(config, target, content=content or join([path for _, path in found])))
        for target in self.config.minify:
            source = files.src_uris.get(target)
            if source is None:
                raise PluginError(option_problem(config, "devconcepts-assets", "minify",
                                                 f"'{target}' is not a file of the site"))
            files.remove(source)
            files.append(File.generated(config, target, content=minify(Path(source.abs_src_path))))
        return files

    def _join_material(self, files: Files, config: MkDocsConfig) -> str:
        """Material's stylesheets as the theme ships them, taken out of the
        site, to go before ours in the bundle (the purge replaces them with
        their purged text)."""
        if not self.config.join_material:
            return ""
        if not any((Path(folder) / STYLES_PARTIAL).is_file() for folder in config.theme.dirs if folder):
            # Material's own block would still link the files taken out here.
            raise PluginError(option_problem(
                config, "devconcepts-assets", "join_material",
                f"needs {STYLES_PARTIAL} in the theme's custom_dir (overrides/), which links Material's "
                f"stylesheets only when they are not joined; it is missing (or set the option to false)"))
        # Material links its palette only when the theme has one (its styles block).
        patterns = STYLESHEETS if config.theme.get("palette") else STYLESHEETS[:1]
        texts = []
        for pattern in patterns:
            found = sorted((f for f in files if fnmatch.fnmatchcase(f.src_uri, pattern)), key=lambda f: f.src_uri)
            if len(found) != 1:
                raise PluginError(option_problem(
                    config, "devconcepts-assets", "join_material",
                    f"expected one of Material's stylesheets '{pattern}', found {len(found)}"))
            files.remove(found[0])
            # Its source map maps a file that is no longer shipped.
            source_map = files.src_uris.get(found[0].src_uri + ".map")
            if source_map is not None:
                files.remove(source_map)
            self._joined.append(found[0].src_uri)
            texts.append(_line_ended(found[0].content_string))
        return "".join(texts)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # overrides/partials/styles.html links Material's stylesheets unless they are joined.
        env.globals["stylesheets_joined"] = bool(self.config.enabled and self._joined)
        return env

    @staticmethod
    def _committed_script(file: File) -> str | None:
        return Path(file.abs_src_path).read_text(encoding="utf-8") if file.abs_src_path else None

    @event_priority(stages.PAGE_FINAL)
    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return squeeze(output) if self.config.enabled and self.config.squeeze_html else output

    # The purge must see every language's pages.
    @event_priority(stages.BUILT_FILES_REWRITTEN)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not self.config.purge or not all_languages_built(config):
            return
        site = built_site(config)
        files = site.files()
        targets = []
        for pattern in self.config.purge:
            # Joined stylesheets are purged from the theme's copy, for the bundle.
            matched = [relative for relative in [*self._joined, *files] if fnmatch.fnmatchcase(relative, pattern)]
            if not matched:
                log.warning(f"purge: '{pattern}' matches no file in {site.root}")
            targets += [relative for relative in matched if relative not in targets]
        if not targets:
            return
        pages = {relative: site.text(relative) for relative in site.pages()}
        scripts = [site.text(relative) for relative in sorted(loaded_scripts(pages, files))]
        cache = cache_folder(config, self.config.cache_dir)
        # Reading every page for the names it uses is most of a warm build's
        # purge: the names are kept by the pages' and scripts' text.
        memo = Memo(cache, "used-names", code_version(purge))
        off = list(self.config.components_off)
        found = memo.get(text_key(*pages.values(), "", *scripts, "", *off), lambda: _as_json(
            used_names(pages.values(), scripts, components_off=off)))
        used = UsedNames(set(found[0]), set(found[1]), {tuple(pair) for pair in found[2]}, set(found[3]))
        memo.save()
        # The bundle's own part is read, not the bundle: its Material part is what is purged.
        others = [self._own_css if relative == self.config.stylesheet and self._joined else site.text(relative)
                  for relative in files if relative.endswith(".css") and relative not in targets]
        sources = {name: _source(name, site, config) for name in targets}
        key = purge_cache.cache_key(sources, others, used, DROPPED_ATTRIBUTES, code_version(purge))
        purged = purge_cache.load(cache, key) if cache else None
        if purged is None:
            try:
                purged = purge_stylesheets(sources, used, also_read=others, dropped_attributes=DROPPED_ATTRIBUTES)
            except PurgeError as error:
                raise PluginError(option_problem(config, "devconcepts-assets", "purge", str(error))) from error
            if cache:
                try:
                    purge_cache.save(cache, key, purged)
                except OSError as error:
                    # The cache only saves time; the stylesheets are complete without it.
                    log.warning(f"purge: could not write the cache in {cache}: {error}")
        before = sum(len(source) for source in sources.values())
        for name, css in purged.items():
            if name not in self._joined:
                site.write(name, css)
        if self._joined:
            site.write(self.config.stylesheet, "".join(
                _line_ended(purged[name] if name in purged else _source(name, site, config)) for name in self._joined)
                + self._own_css)
        log.info(f"purge: {len(targets)} stylesheets, {before:,} → {sum(map(len, purged.values())):,} characters")


def _line_ended(css: str) -> str:
    """`css` ending in one line end, as each stylesheet joined in the bundle does."""
    return css.rstrip("\n") + "\n"


def _as_json(used: UsedNames) -> list:
    return [sorted(used.classes), sorted(used.class_prefixes), sorted(used.attribute_values),
            sorted(used.custom_properties)]


def _source(name: str, site: BuiltSite, config: MkDocsConfig) -> str:
    """The text to purge for a built stylesheet: the theme's own copy when
    it has one, since `mkdocs serve --dirty` does not copy unchanged files
    again, and purging an already purged copy would lose rules that a page
    added since needs."""
    for folder in config.theme.dirs:
        source = Path(folder) / name
        if source.is_file():
            return source.read_text(encoding="utf-8")
    return site.text(name)
