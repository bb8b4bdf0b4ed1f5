"""devconcepts-assets: serve the site's `extra_css` and `extra_javascript` as
one minified stylesheet and one minified script."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from devconcepts.assets.bundle import MissingAssetError, bundle_css, bundle_js, find_asset


class AssetsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Bundle the assets; when off, pages link every file as listed."""

    stylesheet = c.Type(str, default="assets/stylesheets/devconcepts.min.css")
    """Site path of the bundle made from `extra_css`, in its order."""

    script = c.Type(str, default="assets/javascripts/devconcepts.min.js")
    """Site path of the bundle made from `extra_javascript`, in its order."""


class AssetsPlugin(BasePlugin[AssetsConfig]):
    def __init__(self) -> None:
        self._css: list[str] | None = None
        self._js: list[str] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
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

    # After static-i18n (-100), which sorts source files into languages and
    # has no use for generated ones.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
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
                content = join([find_asset(source, folders) for source in sources])
            except MissingAssetError as error:
                raise PluginError(f"devconcepts-assets: {option}: {error}") from error
            if target in files.src_uris:
                files.remove(files.src_uris[target])
            files.append(File.generated(config, target, content=content))
        return files
