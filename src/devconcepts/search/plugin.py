"""MkDocs plugin `devconcepts-search`: one search index per language, Korean-aware.

Material's search plugin stays in charge of the search UI; static-i18n merges
every language's sections into the one index that Material writes, so a
reader of /en/ gets Korean results and the reverse. This plugin writes
`search/search_index.json` for the default language and
`<locale>/search/search_index.json` for each other one (after static-i18n and
Material have written theirs), and points each page's search at its own
language (see page_config.py).

Korean matching (what each part adds, against plain Material:
`bench/search_quality.py`, whose variants turn the parts off one by one):
- a separator that splits at brackets and punctuation (tokenizer.py);
- a worker in front of Material's that strips particles from the query and
  splits compound queries, using the index's own list of nouns
  (overrides/assets/javascripts/workers/devconcepts-search.js);
- hidden keywords: the concept's names in both languages from the term list
  (aliases.py), and the rest of a word from each morpheme boundary inside it,
  found by Kiwi (segment.py; word_cache.py keeps its answers between
  builds).
The page text in the index is left as written, so results show it unchanged.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from devconcepts.core import stages
from devconcepts.core.cache_files import Memo, cache_folder, code_version, text_key
from devconcepts.core.errors import option_problem, stop
from devconcepts.core.built_site import write_built
from devconcepts.core.locales import all_languages_built, build_locales, built_locales, is_fallback, language_prefix
from devconcepts.core.material_internals import WORKER_DIR, has_page_config, replace_search_index, translate
from devconcepts.core import site_data
from devconcepts.terms.term_list import TermListError, load_terms

from . import aliases as aliases_module, index as index_module, korean, page_config, segment, tokenizer
from . import tables as tables_module
from .aliases import AliasMatcher
from .config import SearchConfig
from .index import LanguageIndex, dump
from .korean import has_hangul
from .segment import KiwiSegmenter, Segmenter, SegmenterError, make_segmenter
from .tokenizer import compile_separator
from .word_cache import WordCache, cache_file

log = get_plugin_logger(__name__)

WORKER_PATH = f"{WORKER_DIR}/{page_config.WORKER}"
TOLERANCE_PATH = f"{WORKER_DIR}/devconcepts-search-tolerance.js"
"""Built from search/worker/tolerance.mjs by scripts/build-bundles.mjs."""


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self._indexes: dict[str, LanguageIndex] = {}
        self._segmenter: Segmenter | None = None
        self._segmenter_words: list[str] | None = None
        self._serving = False
        self._sections_memo: Memo | None = None
        self._word_cache: WordCache | None = None
        self._language = ""
        self._prefix = ""
        self._worker_version_tag: str | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def on_shutdown(self) -> None:
        # The build is done: Kiwi's process unloads its model on its own.
        self._close_segmenter(wait=False)

    def _close_segmenter(self, *, wait: bool = True) -> None:
        if isinstance(self._segmenter, KiwiSegmenter):
            self._segmenter.close(wait=wait)

    @event_priority(stages.CONFIG_AFTER_LANGUAGE)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        material = config.plugins.get("material/search")
        if material is None or not material.config.enabled:
            raise PluginError(option_problem(config, "plugins", None, "devconcepts-search needs Material's search "
                                             "plugin ('- search'), which draws the search box"))
        try:
            self._pattern = compile_separator(self.config.separator)
        except re.error as error:
            raise PluginError(option_problem(config, "devconcepts-search", "separator",
                                             f"not a valid regular expression: {error}"))
        try:
            self._terms = load_terms(site_data.terms_file(config), built_locales(config))
        except TermListError as error:
            raise stop(error, config) from None

        self._language, default = build_locales(config)
        self._prefix = language_prefix(self._language, default)
        pipeline = translate(config, "search.config.pipeline")
        self._indexes[self._language] = LanguageIndex(
            language=self._language,
            prefix=self._prefix,
            lang=[translate(config, "search.config.lang")],
            pipeline=[p for p in re.split(r"\s*,\s*", pipeline.strip()) if p],
            fields=dict(material.config.fields),
        )
        self._material_config = dict(material.config)
        # Material's plugin still draws the search box; its own index (both
        # languages in one file) would only be overwritten by ours.
        replace_search_index(material)
        self._worker_version_tag = self._worker_version(config) if self.config.normalize_queries else None
        self._prepare_segmenter(config)
        return config

    def _prepare_segmenter(self, config: MkDocsConfig) -> None:
        """The segmenter for the term list's words, made once (again when the
        words change); its model starts loading now when this build will need
        it (no word cache yet) or a server's next edit may."""
        user_words = [s for t in self._terms for s in t.spellings() if has_hangul(s) and " " not in s]
        if self._segmenter is None or (self._segmenter_words is not None and self._segmenter_words != user_words):
            self._word_cache = self._open_word_cache(user_words, config)
            self._close_segmenter()
            self._segmenter = make_segmenter(self.config.segmenter, user_words, self._word_cache)
            self._segmenter_words = user_words
            if isinstance(self._segmenter, KiwiSegmenter) and (
                    self._serving or self._word_cache is None or self._word_cache.empty):
                self._segmenter.preload()

    def _worker_version(self, config: MkDocsConfig) -> str:
        # The worker loads the tolerance script beside it with its own version
        # tag, so the tag covers both files.
        digest = hashlib.sha256()
        for relative in (WORKER_PATH, TOLERANCE_PATH):
            path = next((Path(d) / relative for d in config.theme.dirs if (Path(d) / relative).is_file()), None)
            if path is None:
                raise PluginError(option_problem(config, "devconcepts-search", "normalize_queries",
                                                 f"needs {relative} in the theme's custom_dir (overrides/); "
                                                 f"it is missing"))
            digest.update(path.read_bytes())
        return digest.hexdigest()[:8]

    # Before Material's search strips the data-search-exclude markers, and
    # after the print book has its chapters.
    @event_priority(stages.SECTIONS_INDEXED)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        # static-i18n builds a missing translation from the default language's
        # file (fallback); its text is not in this build's language.
        if not is_fallback(config, page.file):
            if self._sections_memo is None:
                # One for the build: static-i18n builds the other languages
                # inside this build's on_post_build, which saves it.
                self._sections_memo = Memo(cache_folder(config, self.config.cache_dir), "sections",
                                           code_version(index_module, tables_module, packages=("mkdocs-material",)))
            self._indexes[self._language].add_page(page, self._material_config, self._sections_memo)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        return self._rewrite(output, page.file.src_uri)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not self.config.enabled or not template_name.endswith(".html") or not has_page_config(output_content):
            return output_content
        return self._rewrite(output_content, template_name)

    def _rewrite(self, html: str, where: str) -> str:
        try:
            return page_config.rewrite(html, prefix=self._prefix, worker_version=self._worker_version_tag)
        except (page_config.PageConfigError, ValueError) as error:
            raise PluginError(f"{where} (the theme's template): {error}")

    # Every language is built and Material has written its combined index:
    # the per-language files replace it.
    @event_priority(stages.SEARCH_INDEXED)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not all_languages_built(config):
            return
        if self._sections_memo is not None:
            self._sections_memo.save()
            self._sections_memo = None
        memo = Memo(cache_folder(config, self.config.cache_dir), "indexes", _code_version())
        for index in self._indexes.values():
            key = text_key(dump({"pages": index.pages, "lang": index.lang, "pipeline": index.pipeline,
                                 "fields": index.fields, "separator": self.config.separator}),
                           repr(self._terms), repr(self.config.segmenter), repr(self.config.aliases))
            write_built(config, f"{index.prefix}search/search_index.json",
                        memo.get(key, lambda: dump(self._build(index, config))))
        memo.save()

    def _build(self, index: LanguageIndex, config: MkDocsConfig) -> dict:
        """The index of one language (kept between builds by its input: see on_post_build)."""
        aliases = AliasMatcher(self._terms, self._pattern) if self.config.aliases else None
        start = time.perf_counter()
        try:
            data = index.build(self.config.separator, self._pattern, self._segmenter, aliases, self._terms)
        except SegmenterError as error:
            raise PluginError(option_problem(config, "devconcepts-search", "segmenter",
                                             f"{error} (or set it to 'none')"))
        if self._word_cache is not None:
            try:
                self._word_cache.save()
            except OSError as error:
                # The cache only saves time; the index is complete without it.
                log.warning(f"could not write the word cache {self._word_cache.path}: {error}")
        log.info(f"Search index for '{index.language}': {len(data['docs'])} sections, "
                 f"{len(data['config']['normalizer']['stems'])} stems, built in {time.perf_counter() - start:.2f} s")
        return data

    def _open_word_cache(self, user_words: list[str], config: MkDocsConfig) -> WordCache | None:
        folder = cache_folder(config, self.config.cache_dir)
        if self.config.segmenter != "kiwi" or folder is None:
            return None
        return WordCache(cache_file(folder, user_words))


def _code_version() -> str:
    """What a kept index was built with: the modules that build it, the term
    matcher, Kiwi and its model, and Material (whose parser reads the pages)."""
    from devconcepts.terms import matching

    return code_version(index_module, tables_module, aliases_module, tokenizer, segment, korean, matching,
                        packages=("kiwipiepy", "kiwipiepy-model", "mkdocs-material"))
