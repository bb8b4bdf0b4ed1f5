"""How a plugin hands its state to its Markdown extensions.

The pattern of mkdocs-autorefs: the plugin creates its extension with a
reference to itself and puts that instance into `config.markdown_extensions`
in `on_config`. MkDocs converts every page with the same instance, so while a
page is converted the extension reads what the plugin knows about it: the
plugin sets `current_page` in `on_page_markdown` and keeps the rest of what
the extension asks for in `settings` (the build's language, the term list,
the page's path for error messages). Nothing rewrites `config.mdx_configs`
between pages, and nothing depends on MkDocs making a new `Markdown` per page.

Without a plugin (`markdown.markdown(text, extensions=["devconcepts.compare"],
extension_configs=…)`) an extension reads its own options, so it can be used
and tested on its own.

A plugin of this package:

    class ComparePlugin(ExtensionOwner, BasePlugin[CompareConfig]):
        def on_config(self, config):
            self.compare = self.own(config, "devconcepts.compare", CompareExtension)

and its extension:

    class CompareExtension(OwnedExtension, BlocksExtension):
        ... self.setting("locale") ...
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from devconcepts.core.errors import SourceError, page_path, stop


class OwnedExtension:
    """Mixin for a Markdown extension that a plugin may own (list it before
    `markdown.Extension` or its subclass)."""

    def __init__(self, *args, plugin: ExtensionOwner | None = None, **kwargs) -> None:
        self.plugin = plugin
        super().__init__(*args, **kwargs)

    def setting(self, name: str) -> Any:
        """The owning plugin's value of `name` for the page being converted,
        else the extension's own option."""
        if self.plugin is not None and name in self.plugin.settings:
            return self.plugin.settings[name]
        return self.getConfig(name)

    def in_page(self, error: SourceError) -> Exception:
        """`error` as the build reports it: in the current page's file, with
        the lines MkDocs cut off (front matter) counted, when a plugin set
        `page_path` and `lines_above` and the error names no other file; as
        it is when the extension is used alone."""
        settings = self.plugin.settings if self.plugin is not None else {}
        if not settings.get("page_path"):
            return error
        if error.path is not None:  # a problem in another file (a data file)
            return stop(error)
        return stop(error.in_file(settings["page_path"], settings.get("lines_above", 0)))


class ExtensionOwner:
    """Mixin for a plugin that owns Markdown extensions (list it before `BasePlugin`)."""

    current_page: Page | None = None
    """The page being converted; set by `on_page_markdown` of the plugin."""

    @property
    def settings(self) -> dict[str, Any]:
        """What the extensions read through `OwnedExtension.setting`."""
        if "_settings" not in self.__dict__:
            self._settings: dict[str, Any] = {}
        return self._settings

    def enter_page(self, page: Page, config: MkDocsConfig) -> None:
        """Call first in `on_page_markdown`: the page whose Markdown is
        converted next, and where its extensions' errors point."""
        self.current_page = page
        self.settings["page_path"] = page_path(config, page.file.src_path)
        self.settings["lines_above"] = front_matter_lines(page.file.content_string)

    def own(self, config: MkDocsConfig, name: str, factory) -> Any:
        """This plugin's instance of the extension `name` (its entry point),
        in `config.markdown_extensions` once.

        Where mkdocs.yml lists the extension by `name`, the instance takes
        that place and that listing's options. static-i18n calls `on_config`
        again for each language on the same config: the instance is then
        already there and is returned as it is."""
        owned = self.__dict__.setdefault("_owned", {})
        extension = owned.get(name)
        extensions = config.markdown_extensions
        if extension is not None and any(entry is extension for entry in extensions):
            return extension
        options = config.mdx_configs.pop(name, None) or {}
        extension = owned[name] = factory(plugin=self, **options)
        if name in extensions:
            extensions[extensions.index(name)] = extension
        else:
            extensions.append(extension)
        return extension


def front_matter_lines(source: str) -> int:
    """How many lines MkDocs cut from the top of a page (its front matter and
    the blank lines after it) before handing the Markdown to plugins."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    body, _ = meta.get_data(source)
    return max(0, source.count("\n") - body.count("\n"))
