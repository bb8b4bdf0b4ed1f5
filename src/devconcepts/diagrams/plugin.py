"""`devconcepts-diagrams`: MkDocs glue for the `devconcepts.diagram` Markdown
extension.

* Owns the extension (`devconcepts.core.plugin_extension`) and gives it the
  language being built and the folder of the site's diagrams.
* Checks every diagram before any page, used or not, naming the file and line
  of a mistake, rather than in the middle of a page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from devconcepts.core import site_data
from devconcepts.core.errors import stop
from devconcepts.core.locales import built_locales, is_default_language_build
from devconcepts.core.plugin_extension import ExtensionOwner
from devconcepts.diagrams.config import DiagramsConfig
from devconcepts.diagrams.extension import DiagramExtension
from devconcepts.diagrams.load import DiagramError, read_diagram

DIAGRAM_EXTENSION = "devconcepts.diagram"
"""The extension's entry point, as mkdocs.yml lists it."""


class DiagramsPlugin(ExtensionOwner, BasePlugin[DiagramsConfig]):
    diagram: DiagramExtension | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if DIAGRAM_EXTENSION in config.markdown_extensions:
            self.diagram = self.own(config, DIAGRAM_EXTENSION, DiagramExtension)
        elif not any(entry is self.diagram for entry in config.markdown_extensions):
            self.diagram = None  # not listed in this config
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.diagram is None:
            return
        folder = self.settings["diagrams_dir"] = (self.diagram.getConfig("diagrams_dir")
                                                  or str(site_data.diagrams_dir(config)))
        locales = self.settings["locales"] = tuple(built_locales(config))
        if is_default_language_build(config):
            # The diagrams are the same in every language's build.
            for path in sorted(Path(folder).glob("*.yml")):
                try:
                    read_diagram(path, locales)
                except DiagramError as error:
                    raise stop(error, config) from None

    def on_page_markdown(self, markdown_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled and self.diagram is not None:
            self.enter_page(page, config)
        return markdown_text
