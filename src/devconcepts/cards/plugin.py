"""`devconcepts-cards`: the review page of each language, its Anki deck and
its card list.

The review page is an ordinary page of each language (`review.md`,
`review.en.md`), so static-i18n gives it its URL, navigation and language;
this plugin appends the cards of that language's topic pages to it, in
navigation order, and writes beside it the deck (`.apkg`) and the cards as
JSON. The app that schedules the cards (`assets/javascripts/review.js`) and
its stylesheet are loaded by the page's template (`overrides/review.html`)
only, so topic pages carry none of it.

The topics are the site's (devconcepts.core.topics): every navigation page
but those mkdocs.yml's `extra: not_topics:` lists (the home page, the
glossary, this page, the print book) and pages that fell back to another
language.
"""

from __future__ import annotations

import base64
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

from devconcepts.core import stages
from devconcepts.core.cache_files import Memo, cache_folder, code_version, text_key
from devconcepts.cards import anki, extract as extract_module, lock
from devconcepts.cards.config import CardsConfig
from devconcepts.cards.extract import Card, DuplicateCardError, MissingNoteError, extract, page_key
from devconcepts.cards.page import Topic, render
from devconcepts.cards import topic_link as topic_link_module
from devconcepts.cards.topic_link import add_link, link_offset, topic_href
from devconcepts.core import html_tags
from devconcepts.core.errors import (SourceError, lines_reading, located, option_problem, page_path, project_path,
                                     source_line, stop)
from devconcepts.core.labels import labels_for
from devconcepts.core.locales import counterpart_key, page_locale
from devconcepts.core.page_sources import newest_change
from devconcepts.core.site_data import project_dir
from devconcepts.core.topics import topics

log = get_plugin_logger(__name__)

class CardsPlugin(BasePlugin[CardsConfig]):
    def __init__(self) -> None:
        self._written: dict | None = None
        self._links: dict[str, tuple[str, str]] = {}
        """Topic page (src_uri) → the href and text of its link to its cards."""
        self._linked_nav: Navigation | None = None
        self._review: Page | None = None
        self._topic_uris: set[str] = set()
        self._offsets: Memo | None = None
        """Where each topic page's link goes, by the page's text (on_post_page)."""

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.config.enabled and not any(counterpart_key(f) == self.config.page
                                           for f in files.documentation_pages()):
            raise PluginError(option_problem(
                config, "devconcepts-cards", "page",
                f"the review page '{page_path(config, self.config.page)}' does not exist; create it "
                f"(and its translations) or change the option"))
        self._written = None
        return files

    @event_priority(stages.CONTEXT_READ)
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        if not self.config.enabled:
            return context
        if counterpart_key(page.file) != self.config.page:
            self._topic_link(page, config, nav)
            return context
        locale = page_locale(config)
        labels = labels_for(locale)
        pages = self._topics(nav, config)
        memo = self._memo(config, "pages")
        extracted = [self._cards(topic, config, locale, labels, memo) for topic in pages]
        memo.save()
        entries, cards = self._lock(config, locale, [card for found in extracted for card in found])
        topics = []
        for topic, found in zip(pages, extracted):
            topics.append(Topic(page_key(counterpart_key(topic.file)), html.unescape(topic.title or ""),
                                get_relative_url(topic.url, page.url), tuple(cards[:len(found)])))
            cards = cards[len(found):]
        deck = self.config.deck.format(locale=locale)
        page.content = (page.content or "") + render(
            topics, locale=locale, labels=labels, new_per_day=self.config.new_per_day, deck_href=deck)
        newest = newest_change([Path(topic.file.abs_src_path) for topic in pages])
        self._written = {
            "folder": Path(page.file.abs_dest_path).parent, "deck": deck, "locale": locale, "labels": labels,
            "name": config.site_name, "topics": topics, "lock": entries,
            # The newest change of a topic: a commit always gives the same deck.
            "timestamp": dt.datetime.combine(newest, dt.time(), dt.timezone.utc).timestamp() if newest else 0,
        }
        return context

    def _topic_link(self, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
        """Notes the link from a topic page to its cards, added by on_post_page."""
        self._links.pop(page.file.src_uri, None)
        if self._linked_nav is not nav:
            # Once per build (every page of one build has the same navigation),
            # not once per page: a large site's navigation is long.
            self._linked_nav = nav
            self._review = next((p for p in nav.pages if counterpart_key(p.file) == self.config.page), None)
            self._topic_uris = {topic.file.src_uri for topic in self._topics(nav, config)}
        review = self._review
        if review is None or page.file.src_uri not in self._topic_uris:
            return
        topic = page_key(counterpart_key(page.file))
        href = topic_href(get_relative_url(review.url, page.url), topic)
        self._links[page.file.src_uri] = (href, labels_for(page_locale(config))["review.topic_link"])

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        link = self._links.pop(page.file.src_uri, None) if self.config.enabled else None
        if not link:
            return output
        # Finding the last question reads the whole page: the place is kept
        # between builds, by the page's text.
        if self._offsets is None:
            self._offsets = Memo(cache_folder(config, self.config.cache_dir), "topic-links",
                                 code_version(topic_link_module, html_tags))
        return add_link(output, *link, self._offsets.get(text_key(output), lambda: link_offset(output)))

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self._offsets is not None:
            self._offsets.save()
            self._offsets = None
        if not self.config.enabled or self._written is None:
            return
        out = self._written
        cards = [(card, topic.title) for topic in out["topics"] for card in topic.cards]
        listing = {"locale": out["locale"], "deck": out["deck"],
                   "cards": [{**card.as_json(), "topic": title} for card, title in cards]}
        memo = self._memo(config, "decks")

        def write():
            path = out["folder"] / out["deck"]
            notes = anki.write_deck(path, cards, locale=out["locale"], name=out["name"],
                                    labels=out["labels"], timestamp=out["timestamp"])
            return [notes, base64.b64encode(path.read_bytes()).decode("ascii")]

        key = text_key(json.dumps([listing, out["name"], out["labels"], out["timestamp"]], sort_keys=True))
        notes, deck = memo.get(key, write)
        (out["folder"] / out["deck"]).parent.mkdir(parents=True, exist_ok=True)
        (out["folder"] / out["deck"]).write_bytes(base64.b64decode(deck))
        memo.save()
        (out["folder"] / self.config.cards_json).write_text(
            json.dumps(listing, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        log.info(f"Review cards for '{out['locale']}': {notes} (deck {out['deck']})")
        if lock.write(self._lock_path(config), out["lock"]):
            log.info(f"Card ids of '{out['locale']}' written to {project_path(config, self._lock_path(config))}")
        self._written = None

    def _lock_path(self, config: MkDocsConfig) -> Path:
        return project_dir(config) / self.config.lock

    def _lock(self, config: MkDocsConfig, locale: str, cards: list) -> tuple[list, list]:
        """The lock's entries after this language's cards took their ids, and
        the cards with those ids; warns of every entry whose card is gone.
        The file is read afresh for each language (static-i18n builds each
        in a build of its own) and written at the end of the build."""
        path = self._lock_path(config)
        shown = project_path(config, path)
        try:
            entries = lock.read(path, shown)
        except SourceError as error:
            raise stop(error) from None
        before = {entry.id: entry.key for entry in entries}
        cards, entries, gone = lock.assign(cards, entries, locale)
        for entry in entries:
            if entry.id in before and before[entry.id] != entry.key:
                # A pairing the author can check in the lock's diff, and undo there.
                log.info(f"Card {entry.id} keeps its id: {before[entry.id]!r} is now {entry.key!r} ({shown})")
        for entry in gone:
            log.warning(entry.message(shown))
        return entries, cards

    def page_sources(self, page: Page, config: MkDocsConfig, nav: Navigation) -> list[Path] | None:
        """The review page's files: its own and its topics' (devconcepts.core.page_sources)."""
        if not self.config.enabled or counterpart_key(page.file) != self.config.page:
            return None
        return [Path(p.file.abs_src_path) for p in [page, *self._topics(nav, config)]]

    @staticmethod
    def _topics(nav: Navigation, config: MkDocsConfig) -> list[Page]:
        return topics(config, nav).pages

    def _memo(self, config: MkDocsConfig, name: str) -> Memo:
        return Memo(cache_folder(config, self.config.cache_dir), name,
                    code_version(extract_module, anki, packages=("beautifulsoup4", "genanki")))

    @staticmethod
    def _cards(topic: Page, config: MkDocsConfig, locale: str, labels: dict[str, str], memo: Memo) -> list[Card]:
        page, shared = page_key(counterpart_key(topic.file)), labels["compare.shared"]
        try:
            found = memo.get(text_key(topic.content or "", locale, page, shared), lambda: [
                card.as_json() for card in extract(topic.content or "", locale=locale, page=page, shared_label=shared)])
            return [Card(**card) for card in found]
        except DuplicateCardError as error:
            first = error.key.split("\n", 1)[0]
            # The second mention is the card that repeats the first.
            mentions = lines_reading(topic.file.content_string or "", first) if first else []
            line = mentions[1] if len(mentions) > 1 else (mentions or [1])[0]
            raise stop(located(page_path(config, topic.file.src_path), line, str(error))) from None
        except MissingNoteError as error:
            # The comparison's own check (devconcepts.compare.parse) stops a
            # page whose note is missing first; this is for HTML from elsewhere.
            line = source_line(topic.file.content_string or "", "corrected:", error.title) or 1
            raise stop(located(page_path(config, topic.file.src_path), line, str(error))) from None
