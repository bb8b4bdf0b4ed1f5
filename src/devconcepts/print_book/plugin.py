"""`devconcepts-print`: print-only source lines and a whole-book print page per
language.

mkdocs-print-site-plugin writes one /print_page/ per build, and with
mkdocs-static-i18n (one build per language into the same site) the language
built last overwrites it. Here the book is an ordinary page of each language
(`print.md`, `print.en.md`), so static-i18n gives it the right URL, navigation
and language; this plugin only fills its content, in the build of its own
language, with that language's topic pages in navigation order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from devconcepts.core import stages
from devconcepts.core.cache_files import Memo, cache_folder, code_version, text_key
from devconcepts.core.errors import located, option_problem, page_path
from devconcepts.core.labels import labels_for
from devconcepts.core.locales import build_locales, counterpart_key, file_locale, language_name
from devconcepts.core.page_sources import newest_change
from devconcepts.core.topics import topics
from devconcepts.core import git_dates
from devconcepts.print_book import chapters as chapters_module
from devconcepts.print_book.book import assemble
from devconcepts.print_book.chapters import Chapter
from devconcepts.print_book.config import PrintConfig

log = get_plugin_logger(__name__)

SOURCE_PARTIAL = "partials/print-source.html"


class PrintPlugin(BasePlugin[PrintConfig]):
    def __init__(self) -> None:
        self._env = None

    def on_pre_build(self, config: MkDocsConfig) -> None:
        locale, default = build_locales(config)
        if self.config.enabled and locale == default:
            # Once per whole-site build (the default language comes first), so
            # `mkdocs serve` picks up commits made while it runs.
            git_dates.forget()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.config.enabled and _book_file(files, self.config.book) is None:
            raise PluginError(option_problem(
                config, "devconcepts-print", "book",
                f"the placeholder page '{page_path(config, self.config.book)}' does not exist; create it "
                f"(and its translations) or change the option"))
        return files

    def on_env(self, env, config: MkDocsConfig, files: Files):
        if self.config.enabled:
            # The partials read `labels`; the devconcepts-i18n plugin sets the
            # same global, and this keeps them working without it.
            env.globals.setdefault("labels", labels_for(build_locales(config)[0]))
            self._env = env
        return env

    @event_priority(stages.BOOK_FILLED)
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        if not self.config.enabled:
            return context
        is_book = _normalised_src(page.file) == self.config.book
        date = self._fill_book(page, config, nav) if is_book else git_dates.last_change(_src(page))
        if self.config.source_line:
            context["print_source"] = self._source(page, config, date)
        context["print_is_book"] = is_book
        return context

    # The book ---------------------------------------------------------------

    def page_sources(self, page: Page, config: MkDocsConfig, nav: Navigation) -> list[Path] | None:
        """The book's files: its own and its chapters' (devconcepts.core.page_sources)."""
        if not self.config.enabled or _normalised_src(page.file) != self.config.book:
            return None
        return [_src(p) for p in [page, *self._chapters(config, nav)[0]]]

    def _chapters(self, config: MkDocsConfig, nav: Navigation) -> tuple[list[Page], list[Page]]:
        """(the book's chapters, the pages left out because they fell back to
        another language's file), in navigation order: the site's topics
        (devconcepts.core.topics); a fallback is left out rather than print
        Korean in the English book."""
        found = topics(config, nav)
        return found.pages, found.fallbacks

    def _fill_book(self, book: Page, config: MkDocsConfig, nav: Navigation) -> dt.date | None:
        """Append the chapters to the book page; returns its last change (its newest chapter's)."""
        locale = build_locales(config)[0]
        pages, fallbacks = self._chapters(config, nav)
        for page in fallbacks:
            log.warning(located(page_path(config, page.file.src_path), 1,
                                f"no '{locale}' version, left out of the '{locale}' print book "
                                f"({book.file.src_uri})"))
        labels = labels_for(locale)
        memo = Memo(cache_folder(config, self.config.cache_dir), "chapters", code_version(chapters_module))

        def rewrite(html: str, chapter: Chapter, chapters: dict[str, Chapter], book_url: str):
            # The rewrite reads the chapter's HTML, where it and the other
            # chapters sit in the book, and the book's URL: nothing else.
            key = text_key(html, chapter.url, chapter.anchor, book_url,
                           *(f"{c.url} {c.anchor}" for c in chapters.values()))
            return tuple(memo.get(key, lambda: list(chapters_module.rewrite_chapter(
                html, chapter, chapters, book_url))))

        result = assemble(
            pages, book, contents_label=labels["print.contents"],
            source_line=lambda page: self._render_source(
                self._source(page, config, git_dates.last_change(_src(page)))),
            rewrite=rewrite,
        )
        memo.save()
        for duplicate in result.duplicate_ids:
            log.warning(located(page_path(config, book.file.src_path), 1,
                                f"id '{duplicate}' occurs more than once in the print book"))
        book.content = (book.content or "") + result.html
        self._set_toc(book, result.toc)
        return newest_change([_src(p) for p in [book, *pages]])

    @staticmethod
    def _set_toc(book: Page, chapters: list[AnchorLink]) -> None:
        # Material's sidebar lists the children of the page title, if there is one.
        items = list(book.toc or [])
        if len(items) == 1 and items[0].level == 1:
            items[0].children.extend(chapters)
        else:
            items.extend(chapters)
        book.toc = TableOfContents(items)

    # The source line --------------------------------------------------------

    def _source(self, page: Page, config: MkDocsConfig, date: dt.date | None) -> dict:
        # The language the page's text is written in, which a fallback copy keeps.
        locale = file_locale(config, page.file)
        return {
            "site_name": config.site_name,
            "url": page.canonical_url or page.abs_url or page.url,
            "language": language_name(config, locale),
            "locale": locale,
            "date": date.isoformat() if date else None,
        }

    def _render_source(self, source: dict) -> str:
        if not self.config.source_line or self._env is None:
            return ""
        return self._env.get_template(SOURCE_PARTIAL).render(print_source=source)


def _src(page: Page) -> Path:
    return Path(page.file.abs_src_path)


def _normalised_src(file: File) -> str:
    """The docs-relative source without static-i18n's language suffix."""
    return counterpart_key(file)


def _book_file(files: Files, book: str) -> File | None:
    return next((f for f in files.documentation_pages() if _normalised_src(f) == book), None)

