"""What every plugin and extension needs to know about the page being built,
worked out once per page: its language, where its language's pages live,
how its source is shown in messages and where its Markdown body starts.

`page_context(page, config)` computes it on the first call for a page and
returns the same object after that; a plugin that owns an extension hands it
over in `ExtensionOwner.enter_page` (`devconcepts.core.plugin_extension`)."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from devconcepts.core.errors import page_path
from devconcepts.core.locales import build_locales, counterpart_key, file_locale, language_prefix
from devconcepts.core.newlines import universal_newlines


@dataclass(frozen=True)
class PageContext:
    locale: str
    """The language of the build that writes the page: every label on it."""
    default: str
    """The site's default language."""
    prefix: str
    """The folder of the page's language under the site root: "" or "en/"."""
    written_in: str
    """The language the page's source is written in (differs on a fallback copy)."""
    key: str
    """The source path the page shares with its translations: `topic.md`."""
    source_path: str
    """The source as messages show it: `docs/topic.en.md`."""
    lines_above: int
    """Lines MkDocs cut from the top of the source (front matter) before the
    Markdown body: add them to a line of the body to get the file's line."""

    @property
    def fallback(self) -> bool:
        """A default-language page copied into another language's build."""
        return self.written_in != self.locale


_ATTRIBUTE = "_devconcepts_context"
"""Where the context is kept on MkDocs' Page: each language's build makes its
own Page objects, so a page's context lives exactly as long as its build."""


def page_context(page: Page, config: MkDocsConfig) -> PageContext:
    found = getattr(page, _ATTRIBUTE, None)
    if found is None:
        locale, default = build_locales(config)
        found = PageContext(
            locale=locale,
            default=default,
            prefix=language_prefix(locale, default),
            written_in=file_locale(config, page.file),
            key=counterpart_key(page.file),
            source_path=page_path(config, page.file.src_path),
            lines_above=front_matter_lines(page.file.content_string),
        )
        setattr(page, _ATTRIBUTE, found)
    return found


def front_matter_lines(source: str) -> int:
    """How many lines MkDocs cut from the top of a page (its front matter and
    the blank lines after it) before handing the Markdown to plugins."""
    source = universal_newlines(source)
    body, _ = meta.get_data(source)
    return max(0, source.count("\n") - body.count("\n"))
