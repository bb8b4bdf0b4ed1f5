"""What the review tests share: the review pages, their cards and decks."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup

LANGUAGES = {"ko": "review/", "en": "en/review/"}
"""Each language's review page, from the site root."""
DECKS = {"ko": "review/devconcepts-ko.apkg", "en": "en/review/devconcepts-en.apkg"}
KEY = "devconcepts-review:{locale}"
"""The localStorage key of a language's progress."""


def open_review(page, site_url: str, locale: str = "ko", *, path: str | None = None,
                script_errors: bool = False) -> int:
    """Opens a language's review page (or `path` under the site) and waits
    for the app; fails on a script error unless `script_errors` (a test that
    blocks storage makes Material's own scripts throw). Returns the cards due now."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + (path if path is not None else LANGUAGES[locale]))
    page.locator("[data-review][data-due]").wait_for(state="visible")
    assert script_errors or not errors, errors
    return due(page)


def due(page) -> int:
    """The app's count of cards to study now (data-due)."""
    return int(page.get_attribute("[data-review]", "data-due"))


def stored(page, locale: str = "ko"):
    """The progress stored for `locale`, or None."""
    text = page.evaluate("key => localStorage.getItem(key)", KEY.format(locale=locale))
    return json.loads(text) if text else None


def page_cards(site: Path, locale: str) -> list:
    """The `<details data-card>` of a language's review page."""
    html = (site / LANGUAGES[locale] / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select("details[data-card]")


def read_deck(path: Path) -> dict:
    """An .apkg (a zip holding an SQLite collection): its notes (guid, fields,
    tags), the note id of every card, and the collection's models and decks."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        data = archive.read("collection.anki2")
        media = json.loads(archive.read("media"))
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        database.write_bytes(data)
        connection = sqlite3.connect(database)
        try:
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
            notes = [{"id": nid, "guid": guid, "fields": fields.split("\x1f"), "tags": tags.split(), "model": mid}
                     for nid, guid, fields, tags, mid in
                     connection.execute("SELECT id, guid, flds, tags, mid FROM notes ORDER BY id")]
            cards = [nid for (nid,) in connection.execute("SELECT nid FROM cards")]
            models, decks = connection.execute("SELECT models, decks FROM col").fetchone()
        finally:
            connection.close()
    return {"names": names, "media": media, "integrity": integrity, "notes": notes, "cards": cards,
            "models": json.loads(models), "decks": json.loads(decks)}
