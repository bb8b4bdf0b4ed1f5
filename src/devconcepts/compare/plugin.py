"""MkDocs plugin `devconcepts-compare`: the site-level guard for comparison tables.

Rendering is the `devconcepts.compare` Markdown extension's job. This plugin
adds what only MkDocs knows about:

- it owns the `devconcepts.compare` extension (and `devconcepts.study`
  where mkdocs.yml lists it; see `devconcepts.core.plugin_extension`), which read
  each page's language from it, so the table's and the toolbar's own words
  match the page's language;
- errors name the file as seen from the project and its real line (front
  matter included) and stop the build, strict or not;
- each page's comparisons are compared with its translation's (x.md against
  x.en.md); a drift is a warning, fatal under `--strict`. The extension reads
  each page's comparisons once, while it converts the page; the plugin takes
  them from its own instance after that (`on_page_content`);
- block syntax that reaches a page's HTML stops the build.

mkdocs-static-i18n builds each extra language by calling `build()` again on
the same config, nested in the default language's `on_post_build`. This one
plugin instance therefore sees every language: it records each page and
compares as soon as both sides are known, whichever language comes first.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from devconcepts.compare.config import CompareConfig
from devconcepts.compare.extension import CompareExtension
from devconcepts.compare.study import StudyModeExtension
from devconcepts.compare.shape import Side, differences
from devconcepts.compare.leftovers import leftover_block_lines
from devconcepts.core.errors import located, page_path, source_line, stop
from devconcepts.core.labels import UnknownLabelError, label
from devconcepts.core.locales import counterpart_key, is_default_language_build
from devconcepts.core.plugin_extension import ExtensionOwner

log = get_plugin_logger(__name__)

EXTENSION = "devconcepts.compare"
"""The Markdown extension's entry-point name, as listed in mkdocs.yml."""
STUDY_EXTENSION = "devconcepts.study"
"""The study-mode toolbar's extension, on where mkdocs.yml lists it."""


class ComparePlugin(ExtensionOwner, BasePlugin[CompareConfig]):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # {language-neutral source path: {locale: Side}}; see on_page_markdown.
        self._sides: dict[str, dict[str, Side]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # The extensions read the page's language and file from this plugin.
        self.compare = self.own(config, EXTENSION, CompareExtension)
        if STUDY_EXTENSION in config.markdown_extensions:
            self.own(config, STUDY_EXTENSION, StudyModeExtension)
        if is_default_language_build(config):
            # A new site build (e.g. a `mkdocs serve` rebuild): forget the
            # previous one. The nested language builds must keep what the
            # default language recorded.
            self._sides.clear()
        return config

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        context = self.enter_page(page, config)
        try:
            # The extension would fail mid-page; fail here, naming the page.
            for key in ("compare.aspect", "compare.shared"):
                label(key, context.locale)
        except UnknownLabelError as error:
            raise stop(located(context.source_path, 1, str(error))) from None
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        if self.config.check_translations:
            # The comparisons the extension read while converting this page.
            comparisons = tuple(self.compare.document.comparisons)
            self._check_translation(page, config, self.page.locale, Side(page.file.src_uri, comparisons))
        if not self.config.check_leftovers:
            return None
        leftovers = leftover_block_lines(html)
        if leftovers:
            raise stop(located(
                page_path(config, page.file.src_path), source_line(page.file.content_string, leftovers[0], whole=True),
                f"block syntax '{leftovers[0]}' was not turned into HTML; "
                "check the block's name and that its extension is enabled, its '| title' and its options",
            ))
        return html

    def _check_translation(self, page: Page, config: MkDocsConfig, locale: str, side: Side) -> None:
        # static-i18n gives x.md and x.en.md the same language-neutral path.
        key = counterpart_key(page.file)
        sides = self._sides.setdefault(key, {})
        sides[locale] = side
        for other_locale, other in sides.items():
            # A language without its own file falls back to the default
            # language's file: same path, nothing to compare.
            if other_locale == locale or other.path == side.path:
                continue
            # Name the default language's file (the one without a locale
            # suffix, whose path is the key) first.
            first, second = sorted((side, other), key=lambda one: (one.path != key, one.path))
            found = differences(first, second)
            if found:
                log.warning(located(
                    page_path(config, first.path), _first_difference_line(first, second),
                    f"comparison tables of {first.path} and {second.path} differ: "
                    + "; ".join(found)
                    + ". Keep both languages' tables the same shape",
                ))


def _first_difference_line(first: Side, second: Side) -> int | None:
    """The line in `first` of its first comparison that differs from `second`'s,
    or of the first one `second` lacks."""
    for one, other in zip(first.comparisons, second.comparisons):
        if differences(Side(first.path, (one,)), Side(second.path, (other,))):
            return one.line
    extra = first.comparisons[len(second.comparisons):]
    return extra[0].line if extra else None
