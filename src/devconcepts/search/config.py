"""Settings of the `devconcepts-search` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .tokenizer import SEPARATOR


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off: Material's search then writes its own index (one
    for all languages, as static-i18n combines it) and pages use Material's
    worker."""

    separator = c.Type(str, default=SEPARATOR)
    """Regular expression that splits indexed text and queries into words,
    written so that Python's `re` and JavaScript's RegExp read it alike. The
    default also splits at brackets, quotes and punctuation."""

    segmenter = c.Choice(("kiwi", "none"), default="kiwi")
    """How to find words inside Korean compounds and the nouns that the query
    normaliser strips particles down to: `kiwi` (the Kiwi morphological
    analyser, from the kiwipiepy and kiwipiepy-model packages) or `none` (no
    model: words inside compounds are not found)."""

    cache_dir = c.Type(str, default=".cache/devconcepts/search")
    """Folder, relative to mkdocs.yml, that keeps the `kiwi` segmenter's
    analysis of each word between builds, so that a build without new words
    does not load Kiwi's model (word_cache.py). Empty: no cache."""

    aliases = c.Type(bool, default=True)
    """Give every section that names a concept from the term list all the
    concept's other names, Korean and English, as hidden keywords."""

    normalize_queries = c.Type(bool, default=True)
    """Start the search through `assets/javascripts/workers/devconcepts-search.js`,
    which strips Korean particles from the query and splits compound queries
    before Material's worker runs it. Off: Material's worker gets the query
    as typed."""
