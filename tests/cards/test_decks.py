"""The Anki decks built with the site: one per language, the same cards as
its review page (GUIDs are the card ids), Korean text, bold, code and
comparison tables intact, and the same bytes from every build of a commit."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile

import pytest

from devconcepts.cards import anki
from devconcepts.cards.extract import Card

from cards.reviewkit import DECKS, LANGUAGES, page_cards, read_deck


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_deck_holds_the_review_page_cards(site, locale):
    deck = read_deck(site / DECKS[locale])
    cards = page_cards(site, locale)
    assert deck["names"] == ["collection.anki2", "media"] and deck["media"] == {}
    assert deck["integrity"] == "ok"
    assert len(cards) > 50, "the review page lists too few cards"
    assert len(deck["notes"]) == len(cards)
    assert [note["guid"] for note in deck["notes"]] == [card["data-card"] for card in cards]
    assert sorted(deck["cards"]) == sorted(note["id"] for note in deck["notes"]), "one card per note"
    assert all(note["guid"].startswith(f"{locale}-") for note in deck["notes"])
    # Front, back and topic; the fields are the review page's own HTML.
    for note, card in zip(deck["notes"], cards):
        front, back, topic = note["fields"]
        assert front == card.summary.decode_contents()
        assert back == card.select_one(".review-list__back").decode_contents()
        assert topic and note["tags"] == [card["data-topic"]]
    [model] = deck["models"].values()
    assert [field["name"] for field in model["flds"]] == ["Front", "Back", "Topic"]


def test_deck_keeps_korean_bold_code_and_tables(site):
    notes = read_deck(site / DECKS["ko"])["notes"]
    fronts = [note["fields"][0] for note in notes]
    backs = [note["fields"][1] for note in notes]
    assert "OLTP란 무엇이고, 가장 중요한 요구 사항은?" in fronts
    assert any("<strong>" in back for back in backs)
    assert any("<code>" in back for back in backs)
    row = next(note for note in notes if note["fields"][0] == "OLTP vs OLAP › 사용자: OLTP · OLAP")
    assert row["fields"][1].startswith('<table><caption>OLTP vs OLAP</caption><tbody>'
                                       '<tr><th scope="row">OLTP</th><td>')
    assert row["fields"][1].endswith('</td></tr></tbody></table>')
    # A corrected row carries its page's note: the deck never drills the seed's words alone.
    row = next(note for note in notes if note["fields"][0] == "Docker Compose vs Kubernetes › 용도: Docker Compose · Kubernetes")
    assert row["fields"][1].startswith('<table><caption>Docker Compose vs Kubernetes</caption><tbody>'
                                       '<tr><th scope="row">Docker Compose</th><td>개발 환경</td></tr>'
                                       '<tr><th scope="row">Kubernetes</th><td>운영 환경</td></tr></tbody></table>'
                                       '<div class="card-note"><p><strong>최신 정보</strong></p><p>Compose도 운영 환경에서 쓰인다.')
    deck_names = [deck["name"] for deck in read_deck(site / DECKS["ko"])["decks"].values()]
    assert "개발 개념 스터디 노트" in deck_names


def test_deck_takes_no_time_from_the_clock(tmp_path):
    """The zip entries carry the zip format's first date, and the collection
    the caller's timestamp (the newest change of the pages), whatever the
    clock says."""
    card = Card("ko-topic-0123456789ab", "ko", "topic", "question", "앞", "<p><strong>뒤</strong></p>", "앞")
    labels = {"review.deck_model": "모델", "review.deck_card": "카드"}
    timestamp = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc).timestamp()
    path = tmp_path / "deck.apkg"
    anki.write_deck(path, [(card, "주제")], locale="ko", name="덱", labels=labels, timestamp=timestamp)
    with zipfile.ZipFile(path) as archive:
        assert [info.date_time for info in archive.infolist()] == [anki.ZIP_DATE] * 2
        data = archive.read("collection.anki2")
    database = tmp_path / "collection.anki2"
    database.write_bytes(data)
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("SELECT guid, mod, id FROM notes").fetchall() == [
            (card.id, int(timestamp), int(timestamp * 1000))]
        assert connection.execute("SELECT mod FROM cards").fetchall() == [(int(timestamp),)]
    finally:
        connection.close()
    again = tmp_path / "again.apkg"
    anki.write_deck(again, [(card, "주제")], locale="ko", name="덱", labels=labels, timestamp=timestamp)
    assert again.read_bytes() == path.read_bytes()
