"""`devconcepts.glossary`: glossary page, term references and first-use tooltips.

    markdown_extensions:
      - devconcepts.glossary:
          locale: ko               # language of the page being converted
          glossary_page: glossary.md

In MkDocs the `devconcepts-glossary` plugin owns the extension
(`devconcepts.core.plugin_extension`): it gives it the term list of the build, the
language of the page, `glossary_page` relative to the page and `sections`.
Used alone, the extension reads its options (`glossary_page` may be any URL).
"""

from __future__ import annotations

from collections.abc import Sequence

from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pymdownx.blocks import BlocksExtension

from devconcepts.glossary.autolink import TermAutolinkTreeprocessor
from devconcepts.terms.matching import TermMatcher
from devconcepts.glossary.page import GlossaryBlock
from devconcepts.glossary.references import TermReferenceProcessor
from devconcepts.core.labels import DEFAULT_LOCALE
from devconcepts.core.plugin_extension import OwnedExtension
from devconcepts.terms.term_list import Term, TermListError, load_terms


@dataclass(frozen=True)
class TermSet:
    """The term list as one language's pages use it."""

    terms: tuple[Term, ...]
    by_id: dict[str, Term]
    matcher: TermMatcher


def read_terms(path: Path, locale: str, locales: Sequence[str]) -> TermSet:
    """The term list at `path` of a site in `locales`, for pages in `locale`;
    raises TermListError when it is malformed or a term has no name or
    definition in `locale`."""
    terms = load_terms(path, locales)
    missing = [term for term in terms if locale not in term.names or locale not in term.definitions]
    if missing:
        raise TermListError(missing[0].source, missing[0].line, f"no '{locale}' name or definition for: "
                                                                f"{', '.join(term.id for term in missing)}")
    return TermSet(terms, {term.id: term for term in terms}, _matcher(path, locales))


class GlossaryExtension(OwnedExtension, BlocksExtension):
    def __init__(self, **kwargs):
        self.config = {
            "locale": [DEFAULT_LOCALE, "Language of the page: picks names and definitions from the term list."],
            "glossary_page": ["glossary.md", "Link target of the glossary page; `#<term id>` is appended."],
            "terms_file": ["", "The term list (YAML), for the extension used alone; with the "
                               "devconcepts-glossary plugin, the site's data/terms.yml."],
            "autolink": [True, "Mark the first use of each term; false leaves only [[term:id]] links."],
            "sections": [{}, "Link text per `page#anchor` target, for the glossary's 'read more' links."],
        }
        super().__init__(**kwargs)
        # Used alone, the extension reads the term list itself. MkDocs
        # converts nothing with the instance it makes to validate mkdocs.yml;
        # a page converted without a term list stops in `_SourceLines`.
        self._own: TermSet | None = None
        if self.plugin is None and self.getConfig("terms_file"):
            # Used alone, the page's language is the only one known.
            self._own = read_terms(Path(self.getConfig("terms_file")), self.getConfig("locale"),
                                   (self.getConfig("locale"),))

    @property
    def term_set(self) -> TermSet | None:
        if self.plugin is not None:
            return self.plugin.term_set
        return self._own

    @property
    def terms_file_shown(self) -> str:
        """The term list as error messages name it."""
        if self.plugin is not None:
            return self.plugin.terms_file
        return self.getConfig("terms_file") or "data/terms.yml"

    @property
    def terms(self) -> tuple[Term, ...]:
        return self.term_set.terms if self.term_set else ()

    @property
    def terms_by_id(self) -> dict[str, Term]:
        return self.term_set.by_id if self.term_set else {}

    @property
    def matcher(self) -> TermMatcher | None:
        return self.term_set.matcher if self.term_set else None

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.reset_state(md)
        md.preprocessors.register(_SourceLines(md, self), "devconcepts_glossary_lines", 35)
        # Below `backtick` (190), so `[[term:x]]` in a code span stays code;
        # above `reference` (170), so `[term:x]` is not read as a reference link.
        md.inlinePatterns.register(TermReferenceProcessor(md, self), "devconcepts_term_reference", 175)
        # After inline parsing (20), before `abbr` (7), `toc` (5) and MkDocs'
        # link rewriting (0), which turns `glossary.md#id` into the page URL.
        md.treeprocessors.register(TermAutolinkTreeprocessor(md, self), "devconcepts_term_autolink", 15)
        super().extendMarkdown(md)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(GlossaryBlock, {"extension": self})

    @staticmethod
    def reset_state(md: Markdown) -> None:
        md.devconcepts_glossary = {"is_glossary_page": False}


class _SourceLines(Preprocessor):
    """Keeps the source lines (for error line numbers) and resets per-document state."""

    def __init__(self, md: Markdown, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if self.extension.matcher is None:
            raise TermListError(None, None, "devconcepts.glossary: no 'terms_file' (the devconcepts-glossary "
                                            "plugin sets the site's data/terms.yml; without the plugin, set the option)")
        self.md.devconcepts_source_lines = list(lines)
        self.extension.reset_state(self.md)
        return lines


_MATCHERS: dict[Path, tuple[tuple, TermMatcher]] = {}


def _matcher(path: Path, locales: Sequence[str]) -> TermMatcher:
    # One compiled pattern per version of the term list, not one per page.
    terms = load_terms(path, locales)
    stored = _MATCHERS.get(path)
    if stored is None or stored[0] is not terms:
        stored = _MATCHERS[path] = (terms, TermMatcher(terms))
    return stored[1]


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
