"""`devconcepts-cards`: the review page of each language, its Anki deck and
its card list.

The review page is an ordinary page of each language (`review.md`,
`review.en.md`), so static-i18n gives it its URL, navigation and language;
this plugin appends the cards of that language's topic pages to it, in
navigation order, and writes beside it the deck (`.apkg`) and the cards as
JSON. The app that schedules the cards (`assets/javascripts/review.js`) and
its stylesheet are loaded by the page's template (`overrides/review.html`)
only, so topic pages carry none of it.

The topics are the print book's: every navigation page except the book, the
pages its `exclude` lists (the home page, the glossary, this page) and pages
that fell back to another language.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from devconcepts.cards import anki
from devconcepts.cards.config import CardsConfig
from devconcepts.cards.extract import DuplicateCardError, extract, page_key
from devconcepts.cards.page import Topic, render
from devconcepts.errors import located, page_path, stop
from devconcepts.labels import labels_for
from devconcepts.locales import counterpart_key, is_fallback, page_locale
from devconcepts.print_book import dates

log = get_plugin_logger(__name__)

PRINT_PLUGIN = "devconcepts-print"
"""The plugin whose book decides which pages are topics."""


class CardsPlugin(BasePlugin[CardsConfig]):
    def __init__(self) -> None:
        self._written: dict | None = None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.config.enabled and not any(counterpart_key(f) == self.config.page
                                           for f in files.documentation_pages()):
            raise PluginError(
                f"[devconcepts-cards] 'page': the review page '{Path(config.docs_dir, self.config.page)}' "
                f"does not exist; create it (and its translations) or change the 'page' option")
        self._written = None
        return files

    # At the context stage every page's content is final (MkDocs renders all
    # pages' Markdown before it builds any page); after static-i18n (50) has
    # set the page's language.
    @event_priority(0)
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        if not self.config.enabled or counterpart_key(page.file) != self.config.page:
            return context
        locale = page_locale(config)
        labels = labels_for(locale)
        topics = [Topic(page_key(counterpart_key(topic.file)), html.unescape(topic.title or ""),
                        get_relative_url(topic.url, page.url), tuple(self._cards(topic, config, locale, labels)))
                  for topic in self._topics(nav, config)]
        deck = self.config.deck.format(locale=locale)
        page.content = (page.content or "") + render(
            topics, locale=locale, labels=labels, new_per_day=self.config.new_per_day, deck_href=deck)
        newest = [d for d in (dates.last_change(Path(t.file.abs_src_path)) for t in self._topics(nav, config)) if d]
        self._written = {
            "folder": Path(page.file.abs_dest_path).parent, "deck": deck, "locale": locale, "labels": labels,
            "name": config.site_name, "topics": topics,
            # The newest change of a topic: a commit always gives the same deck.
            "timestamp": dt.datetime.combine(max(newest), dt.time(), dt.timezone.utc).timestamp() if newest else 0,
        }
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self._written is None:
            return
        out = self._written
        cards = [(card, topic.title) for topic in out["topics"] for card in topic.cards]
        notes = anki.write_deck(out["folder"] / out["deck"], cards, locale=out["locale"], name=out["name"],
                                labels=out["labels"], timestamp=out["timestamp"])
        listing = {"locale": out["locale"], "deck": out["deck"],
                   "cards": [{**card.as_json(), "topic": title} for card, title in cards]}
        (out["folder"] / self.config.cards_json).write_text(
            json.dumps(listing, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        log.info(f"Review cards for '{out['locale']}': {notes} (deck {out['deck']})")
        self._written = None

    def page_sources(self, page: Page, config: MkDocsConfig, nav: Navigation) -> list[Path] | None:
        """The review page's files: its own and its topics' (devconcepts.page_sources)."""
        if not self.config.enabled or counterpart_key(page.file) != self.config.page:
            return None
        return [Path(p.file.abs_src_path) for p in [page, *self._topics(nav, config)]]

    def _topics(self, nav: Navigation, config: MkDocsConfig) -> list[Page]:
        book, exclude = "", set()
        printing = config.plugins.get(PRINT_PLUGIN)
        if printing is not None and printing.config.enabled:
            book, exclude = printing.config.book, set(printing.config.exclude)
        return [p for p in nav.pages
                if counterpart_key(p.file) not in {book, self.config.page, *exclude}
                and not is_fallback(config, p.file)]

    @staticmethod
    def _cards(topic: Page, config: MkDocsConfig, locale: str, labels: dict[str, str]):
        try:
            return extract(topic.content or "", locale=locale, page=page_key(counterpart_key(topic.file)),
                           shared_label=labels["compare.shared"])
        except DuplicateCardError as error:
            first = error.key.split("\n", 1)[0]
            lines = (topic.file.content_string or "").splitlines()
            # The second mention is the card that repeats the first.
            mentions = [n for n, text in enumerate(lines, 1) if first and first in text]
            line = mentions[1] if len(mentions) > 1 else (mentions or [1])[0]
            raise stop(located(page_path(config, topic.file.src_path), line, str(error))) from None
