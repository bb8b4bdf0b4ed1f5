"""How a plugin hands its state to its Markdown extensions.

The pattern of mkdocs-autorefs: the plugin creates its extension with a
reference to itself and puts that instance into `config.markdown_extensions`
in `on_config`. MkDocs converts every page with the same instance, so while a
page is converted the extension reads what the plugin knows about it: the
plugin hands over the page's context (`devconcepts.core.page_context`: its
language, its source path for messages, where its body starts) in
`enter_page`, called first in `on_page_markdown`, and keeps the rest of what
the extension asks for in `settings` (the term list, the folder of the
diagrams); an extension asks only for a name the plugin sets or an option of
its own, and any other name is an error, not an empty value. Nothing rewrites
`config.mdx_configs` between pages, and nothing depends on MkDocs making a
new `Markdown` per page.

Without a plugin (`markdown.markdown(text, extensions=["devconcepts.compare"],
extension_configs=…)`) an extension reads its own options, so it can be used
and tested on its own.

A plugin of this package:

    class ComparePlugin(ExtensionOwner, BasePlugin[CompareConfig]):
        def on_config(self, config):
            self.compare = self.own(config, "devconcepts.compare", CompareExtension)

and its extension:

    class CompareExtension(OwnedExtension, BlocksExtension):
        ... self.locale ...
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from devconcepts.core.errors import SourceError, stop
from devconcepts.core.page_context import PageContext, page_context


class OwnedExtension:
    """Mixin for a Markdown extension that a plugin may own (list it before
    `markdown.Extension` or its subclass)."""

    def __init__(self, *args, plugin: ExtensionOwner | None = None, **kwargs) -> None:
        self.plugin = plugin
        super().__init__(*args, **kwargs)

    @property
    def page(self) -> PageContext | None:
        """The context of the page being converted; None when used alone."""
        return self.plugin.page if self.plugin is not None else None

    @property
    def locale(self) -> str:
        """The page's language; used alone, the extension's `locale` option."""
        page = self.page
        return page.locale if page is not None else self.getConfig("locale")

    def setting(self, name: str) -> Any:
        """The owning plugin's value of `name`, else the extension's own
        option; a name that is neither is a mistake in the code."""
        if self.plugin is not None and name in self.plugin.settings:
            return self.plugin.settings[name]
        if name not in self.config:
            raise KeyError(f"{type(self).__name__}: no setting or option '{name}'")
        return self.getConfig(name)

    @property
    def first_line(self) -> int:
        """The file's line number of the converted Markdown's first line:
        below the front matter when a plugin handed over the page, 1 used
        alone. For a reader that counts lines itself (`parse(text,
        first_line=...)`), so that every line it names is the file's."""
        page = self.page
        return page.lines_above + 1 if page is not None else 1

    def in_page(self, error: SourceError, counted: bool = False) -> Exception:
        """`error` as the build reports it: in the current page's file, with
        the lines MkDocs cut off (front matter) counted unless the error's
        line counts from `first_line` already (`counted`), when a plugin
        handed over the page and the error names no other file; as it is
        when the extension is used alone."""
        page = self.page
        if page is None:
            return error
        if error.path is not None:  # a problem in another file (a data file)
            return stop(error)
        return stop(error.in_file(page.source_path, 0 if counted else page.lines_above))


class ExtensionOwner:
    """Mixin for a plugin that owns Markdown extensions (list it before `BasePlugin`)."""

    page: PageContext | None = None
    """The context of the page being converted; set by `enter_page`."""

    @property
    def settings(self) -> dict[str, Any]:
        """What the extensions read through `OwnedExtension.setting`."""
        if "_settings" not in self.__dict__:
            self._settings: dict[str, Any] = {}
        return self._settings

    def enter_page(self, page: Page, config: MkDocsConfig) -> PageContext:
        """Call first in `on_page_markdown`: the page whose Markdown is
        converted next, and where its extensions' errors point."""
        self.page = page_context(page, config)
        return self.page

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
