"""The card-id lock: one committed file that gives every card its id, so a
reader's progress (and an Anki note's GUID) survives a reworded question.

Each card has a key: a question's text, or a comparison row's table title and
aspect (see `extract`). The lock maps each card, by language, page, kind and
key, to the id it was first given. A build reads the lock and gives every
card of a language its id:

1. a card whose key is in the lock keeps that entry's id;
2. the cards left over are paired with the entries left over of the same
   page, language and kind, most similar keys first (`SequenceMatcher`, at
   least `SIMILAR`; ties go to the card earlier on the page and the smaller
   id): a reworded question, or a table whose title changed, keeps its id,
   and the entry takes the new key;
3. a card still left over is new: it gets `card_id`'s hash of its key (with a
   counter appended if an entry already holds that id) and a new entry.

An entry still left over names a card that is gone. It stays in the lock and
is reported (a warning, so the strict build fails) until someone deletes its
line: a card is dropped only on purpose. A rewording too large for step 2 is
kept by writing the new text into the entry's `key` before building.

The file is one entry a line, sorted by page, language and id, and is written
only when its text changes: a build of a commit whose lock is up to date
writes nothing, and `mkdocs serve` (which watches `data/`) rebuilds at most
once after the lock changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

from devconcepts.core import data_yaml
from devconcepts.cards.extract import KINDS, Card, card_id
from devconcepts.core.errors import SourceError

SIMILAR = 0.5
"""The least `SequenceMatcher.ratio()` of two keys for a new card to take a
gone card's id."""

HEADER = """\
# Review card ids (devconcepts-cards): the build gives each card the id of its
# entry and updates this file; commit it with the pages. A card is matched by
# its key (a question's text; a comparison's title and the row's aspect), else,
# when its question was reworded, by the most similar key left on its page.
# An entry whose card is gone fails the build until its line is deleted here.
# To keep an id through a larger rewording, write the new text into `key` first.
"""


@dataclass(frozen=True)
class Entry:
    page: str
    locale: str
    kind: str
    key: str
    id: str
    line: int = 0
    """Where the entry is in the file (0: not read from it)."""

    def text(self) -> str:
        fields = {"page": self.page, "locale": self.locale, "kind": self.kind, "id": self.id, "key": self.key}
        return "- {" + ", ".join(f"{name}: {json.dumps(value, ensure_ascii=False)}"
                                 for name, value in fields.items()) + "}"


@dataclass(frozen=True)
class Gone:
    """An entry of the lock whose card no longer exists."""

    entry: Entry

    def message(self, shown: str) -> str:
        label = self.entry.key.replace("\n", " › ")
        return (f"{shown}:{self.entry.line}: the {self.entry.kind} card {self.entry.id} ('{label}') is no longer "
                f"on page '{self.entry.page}' ({self.entry.locale}); if it was removed on purpose, delete this "
                "line (readers' progress on it is dropped), else restore the card")


def read(path: Path, shown: str) -> list[Entry]:
    """The entries of the lock at `path` (none when it does not exist yet)."""
    if not path.is_file():
        return []
    data = data_yaml.load(path.read_text(encoding="utf-8"), shown)
    if data is None:
        return []
    if not isinstance(data, list):
        raise SourceError(shown, 1, "the card lock must be a list of entries")
    entries, seen = [], {}
    for index, item in enumerate(data):
        line = data.line_of(index)
        if not isinstance(item, dict) or set(item) != {"page", "locale", "kind", "id", "key"}:
            raise SourceError(shown, line, "an entry needs exactly page, locale, kind, id and key")
        if not all(isinstance(value, str) and value for value in item.values()):
            raise SourceError(shown, line, "an entry's page, locale, kind, id and key are non-empty text")
        if item["kind"] not in KINDS:
            raise SourceError(shown, line, f"kind '{item['kind']}' is not one of {', '.join(KINDS)}")
        if item["id"] in seen:
            raise SourceError(shown, line, f"id {item['id']} is given twice (first on line {seen[item['id']]})")
        seen[item["id"]] = line
        entries.append(Entry(item["page"], item["locale"], item["kind"], item["key"], item["id"], line))
    return entries


def render(entries: list[Entry]) -> str:
    ordered = sorted(entries, key=lambda entry: (entry.page, entry.locale, entry.id))
    return HEADER + "".join(entry.text() + "\n" for entry in ordered)


def write(path: Path, entries: list[Entry]) -> bool:
    """Write the lock if its text changed; whether it was written."""
    text = render(entries)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def assign(cards: list[Card], entries: list[Entry], locale: str) -> tuple[list[Card], list[Entry], list[Gone]]:
    """Give the cards of one language (every topic, page order) their ids.

    Returns the cards with their ids, the lock's new entries (the other
    languages' untouched; gone entries kept) and the gone entries."""
    mine = [entry for entry in entries if entry.locale == locale]
    others = [entry for entry in entries if entry.locale != locale]
    by_key = {(entry.page, entry.kind, entry.key): entry for entry in mine}
    given: dict[int, Entry] = {}
    used: set[str] = set()
    for number, card in enumerate(cards):
        entry = by_key.get((card.page, card.kind, card.key))
        if entry is not None and entry.id not in used:
            given[number] = entry
            used.add(entry.id)
    # Reworded cards: most similar pairs first, within a page and kind.
    left = [entry for entry in mine if entry.id not in used]
    pairs = []
    for number, card in enumerate(cards):
        if number in given:
            continue
        for entry in left:
            if (entry.page, entry.kind) == (card.page, card.kind):
                ratio = SequenceMatcher(None, card.key, entry.key, autojunk=False).ratio()
                if ratio >= SIMILAR:
                    pairs.append((-ratio, number, entry.id, entry))
    for _, number, _, entry in sorted(pairs, key=lambda pair: pair[:3]):
        if number not in given and entry.id not in used:
            given[number] = replace(entry, key=cards[number].key)
            used.add(entry.id)
    taken = {entry.id for entry in entries}
    result, kept = [], []
    for number, card in enumerate(cards):
        entry = given.get(number)
        if entry is None:
            new_id, salt = card_id(locale, card.page, card.key), 1
            while new_id in taken:
                new_id, salt = card_id(locale, card.page, f"{card.key}\n{salt}"), salt + 1
            taken.add(new_id)
            entry = Entry(card.page, locale, card.kind, card.key, new_id)
        kept.append(entry)
        result.append(replace(card, id=entry.id))
    gone = [entry for entry in mine if entry.id not in used]
    return result, others + kept + gone, [Gone(entry) for entry in gone]
