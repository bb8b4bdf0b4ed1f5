"""Options of the `devconcepts-cards` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CardsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off: the review page keeps only its own text, and no
    deck or card list is written."""

    page = c.Type(str, default="review.md")
    """Docs-relative source of the review page in the default language.
    Translations sit beside it (`review.en.md`); each gets the cards of its
    own language."""

    new_per_day = c.Type(int, default=20)
    """New cards the review page offers per day, besides the due reviews."""

    deck = c.Type(str, default="devconcepts-{locale}.apkg")
    """File name of the Anki deck, written beside the review page."""

    cards_json = c.Type(str, default="cards.json")
    """File name of the language's cards as JSON, written beside the review page."""

    lock = c.Type(str, default="data/cards.lock.yml")
    """The card-id lock (see `devconcepts.cards.lock`), relative to the folder
    of mkdocs.yml: read and updated by every build. A site of its own (a test's
    fixture) names its own file."""

    cache_dir = c.Type(str, default=".cache/devconcepts/cards")
    """Where each page's cards and each deck are kept between builds, by what
    they are made from (cache_files.Memo); relative to mkdocs.yml. Empty: no
    cache."""
