"""Import the built Anki decks with Anki's own importer, the way the Anki app
does, and check what it reports.

Needs Anki's Python package (`pip install anki`, in an environment of its
own: it is not one of the site's locked requirements):

    python scripts/check-decks-in-anki.py SITE_DIR [NEWER_SITE_DIR]

For each language's deck (`review/devconcepts-ko.apkg`,
`en/review/devconcepts-en.apkg`) it imports the deck into an empty
collection and checks that every card of `cards.json` became one note with
the card's id as its GUID and its front as the first field. With a second,
newer build, it then imports that build's deck into the same collection and
checks that the notes were updated, none added twice.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

DECKS = {"ko": "review/devconcepts-ko.apkg", "en": "en/review/devconcepts-en.apkg"}


def import_deck(collection: Collection, path: Path):
    request = ImportAnkiPackageRequest(package_path=str(path),
                                       options=ImportAnkiPackageOptions(with_scheduling=False))
    return collection.import_anki_package(request).log


def main(site: Path, newer: Path | None) -> int:
    problems = []
    for locale, deck in DECKS.items():
        cards = json.loads((site / deck).with_name("cards.json").read_text(encoding="utf-8"))["cards"]
        with tempfile.TemporaryDirectory() as folder:
            collection = Collection(str(Path(folder) / "collection.anki2"))
            try:
                log = import_deck(collection, site / deck)
                notes = {note.guid: note for note in
                         (collection.get_note(nid) for nid in collection.find_notes(""))}
                print(f"{deck}: {len(log.new)} new notes, {len(log.duplicate)} duplicates, "
                      f"{len(log.conflicting)} conflicting; collection holds {len(notes)} notes")
                if sorted(notes) != sorted(card["id"] for card in cards):
                    problems.append(f"{deck}: the GUIDs are not the card ids of cards.json")
                elif any(notes[card["id"]].fields[0] != card["front"] for card in cards):
                    problems.append(f"{deck}: a note's front differs from its card's")
                if newer is not None:
                    again = import_deck(collection, newer / deck)
                    print(f"  again from {newer}: {len(again.new)} new, {len(again.updated)} updated, "
                          f"{len(again.duplicate)} duplicates; collection holds {collection.note_count()} notes")
                    if again.duplicate or collection.note_count() != len(notes) + len(again.new):
                        problems.append(f"{deck}: importing the newer deck duplicated notes")
            finally:
                collection.close()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) == 3 else None))
