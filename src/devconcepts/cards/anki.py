"""One Anki deck (`.apkg`) of a language's cards, byte for byte the same
from one commit.

genanki writes the collection; its note GUIDs are the card ids, so importing
a newer deck updates the notes it already holds instead of adding copies.
What genanki would take from the clock is fixed here: the deck and model ids
(derived from the locale), the `timestamp` of notes and cards (given by the
caller, the newest change of the pages), and the zip entries' dates (genanki
zips the collection with its temporary file's time, so the zip is written
here instead).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from devconcepts.cards.extract import Card

if TYPE_CHECKING:
    import genanki

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The zip format's earliest date, for every entry."""

CSS = """\
.card { font-family: system-ui, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif;
  font-size: 18px; line-height: 1.5; text-align: left; color: #1f1f1f; background: #fff; }
.nightMode .card, .card.nightMode { color: #e8e8e8; background: #1e1e1e; }
table { border-collapse: collapse; margin: .5em 0; }
caption { font-weight: bold; text-align: left; padding-bottom: .25em; }
th, td { border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; }
code { font-family: ui-monospace, monospace; font-size: .9em; }
.topic { font-size: .8em; opacity: .75; }
.card-note { margin-top: .6em; padding-left: .6em; border-left: 3px solid #999; }
"""


def stable_id(*parts: str) -> int:
    """A positive 31-bit id from `parts`: the same on every build."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (int.from_bytes(digest[:4], "big") & 0x3FFFFFFF) | 0x40000000


def model(locale: str, labels: dict[str, str]) -> genanki.Model:
    import genanki  # on first use: a build that finds its decks kept needs none

    return genanki.Model(
        stable_id("devconcepts-cards", "model", locale),
        labels["review.deck_model"],
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Topic"}],
        templates=[{
            "name": labels["review.deck_card"],
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<p class="topic">{{Topic}}</p>',
        }],
        css=CSS,
        sort_field_index=0,
    )


def write_deck(path: Path, cards: Iterable[tuple[Card, str]], *, locale: str, name: str,
               labels: dict[str, str], timestamp: float) -> int:
    """Write the deck of `cards` (each with its topic's title) to `path`;
    returns the number of notes."""
    import genanki

    note_model = model(locale, labels)
    deck = genanki.Deck(stable_id("devconcepts-cards", "deck", locale), name)
    for card, topic in cards:
        deck.add_note(genanki.Note(model=note_model, fields=[card.front, card.back, topic], guid=card.id,
                                   tags=[card.page]))
    handle, database = tempfile.mkstemp(suffix=".anki2")
    os.close(handle)
    try:
        connection = sqlite3.connect(database)
        try:
            genanki.Package(deck).write_to_db(connection.cursor(), timestamp, _ids(timestamp))
            connection.commit()
        finally:
            connection.close()
        collection = Path(database).read_bytes()
    finally:
        os.unlink(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry, data in (("collection.anki2", collection), ("media", b"{}")):
            info = zipfile.ZipInfo(entry, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return len(deck.notes)


def _ids(timestamp: float):
    # genanki numbers notes and cards from the timestamp in milliseconds.
    from itertools import count
    return count(int(timestamp * 1000))
