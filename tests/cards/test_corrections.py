"""No card teaches a statement its page corrects: a comparison row that a
note of its page corrects (`corrected:` of `/// compare`) carries that note,
the page's own words, on its card's back, on the review page, in cards.json
and in the Anki deck."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from devconcepts.cards.extract import text_of, without_glosses

from cards.reviewkit import DECKS, LANGUAGES, page_cards, read_deck

M10 = {
    # The seed rows the expert read found drilled without their correction.
    ("ko", "compose-vs-kubernetes", "용도"): "개발 환경",
    ("en", "compose-vs-kubernetes", "Purpose"): "Development environments",
    ("ko", "fine-tuning-vs-rag", "방식"): "실시간 검색 기반",
    ("en", "fine-tuning-vs-rag", "How it works"): "real-time retrieval",
    ("ko", "log-vs-cookie", "핵심"): "서버에서 사용자의 활동을 추적",
    ("en", "log-vs-cookie", "Core idea"): "track user activity on the server",
}
TOPICS = ("docker-kubernetes", "compose-vs-kubernetes", "fine-tuning-vs-rag", "log-vs-cookie", "oltp",
          "stateful-vs-stateless", "kubernetes-cluster")


def _page(site, locale, topic):
    prefix = "" if locale == "ko" else f"{locale}/"
    return BeautifulSoup((site / prefix / topic / "index.html").read_text(encoding="utf-8"), "html.parser")


def _cards(site, locale) -> dict:
    listing = json.loads((site / LANGUAGES[locale] / "cards.json").read_text(encoding="utf-8"))
    return {(card["page"], card["key"]): card for card in listing["cards"]}


def _corrections(site, locale, topic):
    """(table title, row header, note text, row text) of every corrected row of a page."""
    found = []
    for row in _page(site, locale, topic).select("figure.compare tr[data-corrected-by]"):
        title = row["data-corrected-by"]
        note = next(note for note in row.find_all_next("div", class_="admonition")
                    if text_of(note.select_one(".admonition-title")) == title)
        body = " ".join(text_of(p) for p in note.find_all(["p", "li"]) if "admonition-title" not in p.get("class", []))
        found.append((text_of(row.find_parent("table").caption), text_of(row.th), body, text_of(row)))
    return found


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_every_marked_correction_reaches_the_card_of_its_row(site, locale):
    cards, seen = _cards(site, locale), 0
    for topic in TOPICS:
        for table, header, note, _ in _corrections(site, locale, topic):
            card = cards[(topic, f"{table}\n{header}")]
            back = BeautifulSoup(card["back"], "html.parser")
            assert back.select_one(".card-note") is not None, card["id"]
            shown = " ".join(text_of(p) for p in back.select_one(".card-note").find_all(["p", "li"])[1:])
            # English cards drop the page's Korean glosses, and nothing else.
            assert shown == (note if locale == "ko" else without_glosses(note)), card["id"]
            seen += 1
    assert seen >= 3


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_the_rows_the_expert_read_found_carry_their_correction(site, locale):
    cards = _cards(site, locale)
    deck = {note["guid"]: note["fields"][1] for note in read_deck(site / DECKS[locale])["notes"]}
    listed = {card["data-card"]: card.select_one(".review-list__back").decode_contents()
              for card in page_cards(site, locale)}
    for (language, topic, header), seed in M10.items():
        if language != locale:
            continue
        [(table, _, note, row)] = [c for c in _corrections(site, locale, topic) if c[1] == header]
        assert seed in row
        card = cards[(topic, f"{table}\n{header}")]
        assert note.split(". ")[0] in text_of(BeautifulSoup(card["back"], "html.parser"))
        assert deck[card["id"]] == listed[card["id"]] == card["back"]


def test_english_cards_keep_no_korean_glosses(site):
    hangul = [card["id"] for card in _cards(site, "en").values()
              if any("\uac00" <= ch <= "\ud7a3" for ch in card["front"] + card["back"])]
    assert hangul == []
