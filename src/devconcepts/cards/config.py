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
