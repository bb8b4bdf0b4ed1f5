"""`devconcepts-glossary`: MkDocs glue for the glossary Markdown extension.

* Owns the extension (`devconcepts.core.plugin_extension`) and gives it the
  language being built (mkdocs-static-i18n runs one build per language on
  the same configuration), the build's term list and each page's link to the
  glossary page.
* Checks the term list before any page, naming the file and line of a
  mistake, and the spellings in the term list and the diagrams (the data
  files, `devconcepts.core.site_data`) against the avoided variants.
* Hands the extension the page (`enter_page`), so that a `[[term:id]]` with
  an unknown id, which the extension finds, fails the build naming the file
  and its line (the extension alone cannot know the file, and MkDocs strips
  the front matter before it counts lines).
* Gives the glossary's "explained in" links the title of the section they
  lead to, from that page's rendered table of contents, and warns (failing
  `--strict`) when that section's anchor is not on the built page.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from devconcepts.glossary.config import GlossaryConfig
from devconcepts.glossary import variants
from devconcepts.glossary.extension import GlossaryExtension, read_terms
from devconcepts.glossary.page import fill_section_titles, letter_groups
from devconcepts.core.errors import located, option_problem, project_path, stop
from devconcepts.core.locales import (built_locales, counterpart_key, is_default_language_build, page_locale,
                                      source_locale)
from devconcepts.core import site_data, stages
from devconcepts.core.plugin_extension import ExtensionOwner
from devconcepts.terms.term_list import TermListError

log = get_plugin_logger(__name__)

GLOSSARY_EXTENSION = "devconcepts.glossary"


class GlossaryPlugin(ExtensionOwner, BasePlugin[GlossaryConfig]):
    glossary: GlossaryExtension

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # The extension reads the build's term list and language and the
        # page's glossary link from this plugin (devconcepts.core.plugin_extension).
        self.glossary = self.own(config, GLOSSARY_EXTENSION, GlossaryExtension)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self.locale = page_locale(config)
        # The site's data files, unless mkdocs.yml names others in the extensions' options.
        if self.glossary.getConfig("terms_file"):
            raise PluginError(option_problem(
                config, GLOSSARY_EXTENSION, "terms_file",
                f"the site's term list is {site_data.DATA_DIR}/{site_data.TERMS_FILE} beside mkdocs.yml, which the "
                f"glossary, the tooltips and search all read; the option is for the extension used without "
                f"the devconcepts-glossary plugin"))
        terms_file = site_data.terms_file(config)
        data_files = [terms_file, *sorted(site_data.diagrams_dir(config).glob("*.yml"))]
        self.terms_path = terms_file
        try:
            self.term_set = read_terms(terms_file, self.locale, built_locales(config))
        except TermListError as error:
            raise stop(error, config) from None
        self.terms = self.term_set.terms
        # Messages name the term list as seen from the project, like the pages.
        self.terms_file = project_path(config, terms_file)
        self.avoided = variants.page_rules(self.terms, self.locale)
        notes = Path(self.config.source_notes).read_text(encoding="utf-8") if self.config.source_notes else ""
        self.notes = "\n".join(variants.normalise(line) for line in notes.splitlines())
        if is_default_language_build(config):
            # The data files are the same in every language's build.
            self._check_data_spellings(config, data_files)

    def on_page_markdown(self, markdown_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled:
            return markdown_text
        context = self.enter_page(page, config)
        # Unknown [[term:…]] ids stop the extension, which resolves them.
        source = page.file.content_string
        if source_locale(config, page.file.src_uri) == self.locale:
            # Each source is checked once, in its own language's build.
            for found in variants.find_in_page(source, self.avoided, self.notes):
                raise stop(located(context.source_path, found.line, found.message()))
        here = posixpath.dirname(page.file.src_uri)
        self.settings["glossary_page"] = posixpath.relpath(self.config.glossary_page, here or ".")
        return markdown_text

    @event_priority(stages.CONTENTS_SHOWN)
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        """The glossary's table of contents lists its first letters, each a
        link to the letter's first entry (page.py says why)."""
        if self.config.enabled and counterpart_key(page.file) == self.config.glossary_page and page.toc:
            top = list(page.toc)[0]
            if top.level == 1:
                top.children = [AnchorLink(letter, first, 2) for letter, first in letter_groups(self.terms, self.locale)]
        return context

    def page_sources(self, page: Page, config: MkDocsConfig, nav) -> list[Path] | None:
        """The glossary's files: its page and the term list (devconcepts.core.page_sources)."""
        if not self.config.enabled or counterpart_key(page.file) != self.config.glossary_page:
            return None
        return [Path(page.file.abs_src_path), Path(self.terms_path)]

    def _check_data_spellings(self, config: MkDocsConfig, data_files: list[Path]) -> None:
        rules = variants.data_rules(self.terms)
        for path in data_files:
            for found in variants.find_in_data(path.read_text(encoding="utf-8"), rules):
                raise stop(located(project_path(config, path), found.line, found.message()))

    def on_env(self, env, config: MkDocsConfig, files: Files):
        # Every page has been rendered by now: the ids and section titles on
        # each are known, and no page has been written yet.
        if not self.config.enabled:
            return env
        pages = _pages_by_key(files)
        glossary = pages.get(self.config.glossary_page)
        if glossary is not None and glossary.page is not None and glossary.page.content:
            glossary.page.content = fill_section_titles(glossary.page.content,
                                                        lambda target: _section_title(pages, target))
        if self.config.check_anchors:
            for problem in self._missing_anchors(pages):
                log.warning(problem)
        return env

    def _missing_anchors(self, pages: dict[str, File]) -> list[str]:
        problems = []
        for term in self.terms:
            target = term.page_for(self.locale)
            path, _, anchor = target.partition("#")
            file = pages.get(path)
            line = term.page_line_for(self.locale)
            if file is None or file.page is None:
                problems.append(located(self.terms_file, line, f"term '{term.id}': page '{path}' is not in the site"))
                continue
            anchors = file.page.present_anchor_ids or set()
            if anchor not in anchors:
                ids = ", ".join(sorted(a for a in anchors if not a.startswith("__"))[:12])
                problems.append(located(self.terms_file, line, f"term '{term.id}': no '#{anchor}' on {file.src_uri} "
                                                               f"(its ids include: {ids})"))
        return problems


def _section_title(pages: dict[str, File], target: str) -> str | None:
    """"Page title › Section" for `file.md#anchor`, from the rendered page's
    table of contents; the page title alone for its top heading."""
    path, _, anchor = target.partition("#")
    file = pages.get(path)
    if file is None or file.page is None:
        return None
    items = list(_toc_items(file.page.toc or []))
    top = next((item for item in items if item.level == 1), None)
    page_title = html.unescape(top.title) if top else file.page.title
    section = next((html.unescape(item.title) for item in items if item.id == anchor), None)
    if section is None or section == page_title:
        return page_title or section
    return f"{page_title} › {section}" if page_title else section


def _toc_items(items) -> Iterator[AnchorLink]:
    for item in items:
        yield item
        yield from _toc_items(item.children)


def _pages_by_key(files: Files) -> dict[str, File]:
    """The page this build writes for each docs-relative path (its translation
    or, without one, the default language's file), looked up once per build
    rather than once per term."""
    pages: dict[str, File] = {}
    for file in files.documentation_pages():
        pages.setdefault(counterpart_key(file), file)
    return pages

