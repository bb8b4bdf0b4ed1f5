"""The card-id lock: a reworded question keeps its card's id (and its Anki
note's GUID), a new card gets a new id, a card that is gone is reported at
its line of the lock, and the lock is written only when it changes."""

from __future__ import annotations

import json

from compare.sites import build
from devconcepts.cards import lock
from devconcepts.cards.extract import card_id

from cards.reviewkit import DECKS, LANGUAGES, read_deck
from cards.test_extract import PAGE, cards_of

QUESTION = "파드란 무엇인가?"
REWORDED = "파드는 무엇인가?"


def _assigned(source: str, entries: list[lock.Entry]):
    return lock.assign(cards_of(source), entries, "ko")


def test_a_first_build_gives_every_card_its_hash_and_an_entry():
    cards, entries, gone = _assigned(PAGE, [])
    assert [card.id for card in cards] == [card_id("ko", "topic", card.key) for card in cards]
    assert sorted((e.kind, e.key, e.id) for e in entries) == sorted((c.kind, c.key, c.id) for c in cards)
    assert gone == []


def test_a_reworded_question_keeps_its_id_and_the_entry_takes_the_new_text():
    before, entries, _ = _assigned(PAGE, [])
    after, updated, gone = _assigned(PAGE.replace(QUESTION, REWORDED), entries)
    assert [card.id for card in after] == [card.id for card in before]
    assert after[3].key == REWORDED and after[3].id != card_id("ko", "topic", REWORDED)
    assert {entry.key for entry in updated} == {card.key for card in after} and gone == []


def test_a_renamed_table_keeps_its_rows_ids_and_its_rows_stay_apart():
    before, entries, _ = _assigned(PAGE, [])
    after, _, gone = _assigned(PAGE.replace("/// compare | 격리 수준\n", "/// compare | 격리 수준별 이상 현상\n"), entries)
    assert [card.id for card in after] == [card.id for card in before] and gone == []


def test_a_new_card_gets_a_new_id_and_a_removed_one_is_gone():
    before, entries, _ = _assigned(PAGE, [])
    added = PAGE.replace('??? question "노드란?"\n    파드가 실행되는 머신이다. [자세히](#nodes)\n',
                         '??? question "etcd가 과반을 잃으면 클러스터는 어떻게 되는가?"\n    쓰기를 받지 않는다.\n')
    after, updated, gone = _assigned(added, entries)
    assert [card.id for card in after[:4]] == [card.id for card in before[:4]]
    assert after[4].id == card_id("ko", "topic", after[4].key) and after[4].id != before[4].id
    assert [g.entry.id for g in gone] == [before[4].id]
    # The gone entry stays in the lock until it is deleted on purpose.
    assert before[4].id in {entry.id for entry in updated}


def test_a_new_card_whose_hash_an_entry_holds_gets_another_id():
    # The reworded question kept the hash of its first text; that text
    # coming back as a new question must not take the same id.
    _, entries, _ = _assigned(PAGE, [])
    _, entries, _ = _assigned(PAGE.replace(QUESTION, REWORDED), entries)
    again = PAGE.replace(QUESTION, REWORDED) + f'\n??? question "{QUESTION}"\n    다시 묻는다.\n'
    cards, _, _ = _assigned(again, entries)
    assert len({card.id for card in cards}) == len(cards)
    assert cards[-1].id == card_id("ko", "topic", f"{QUESTION}\n1")


def test_other_languages_entries_are_left_alone():
    _, entries, _ = _assigned(PAGE, [])
    english = [lock.Entry("topic", "en", "question", "What is a Pod?", "en-topic-0123456789ab")]
    _, updated, gone = _assigned(PAGE, entries + english)
    assert english[0] in updated and gone == []


def test_the_lock_reads_back_what_it_writes(tmp_path):
    _, entries, _ = _assigned(PAGE, [])
    path = tmp_path / "data" / "cards.lock.yml"
    assert lock.write(path, entries)
    assert not lock.write(path, list(reversed(entries))), "the same entries in another order are the same file"
    read = lock.read(path, "data/cards.lock.yml")
    assert [(e.page, e.locale, e.kind, e.key, e.id) for e in read] == \
        [(e.page, e.locale, e.kind, e.key, e.id) for e in sorted(entries, key=lambda e: e.id)]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(f'"{entry.id}"' in lines[entry.line - 1] for entry in read)


REVIEW = {"review.md": "# 복습\n", "review.en.md": "# Review\n"}
PLUGINS = "- devconcepts-cards"
EXTENSIONS = "- admonition\n- pymdownx.details"
TOPIC = f'# 주제\n\n??? question "{QUESTION}"\n    가장 작은 배포 단위.\n\n??? question "노드란?"\n    머신.\n'
TOPIC_EN = '# Topic\n\n??? question "What is a Pod?"\n    The smallest unit.\n'


def _build(root, topic: str, plugin: str = PLUGINS):
    return build(root, {"topic.md": topic, "topic.en.md": TOPIC_EN, **REVIEW}, plugin=plugin, extensions=EXTENSIONS)


def _ids(root) -> dict[str, list[str]]:
    return {locale: [card["id"] for card in json.loads(
        (root / "site" / path / "cards.json").read_text(encoding="utf-8"))["cards"]]
        for locale, path in LANGUAGES.items()}


def test_a_reworded_question_keeps_its_card_and_anki_guid_across_builds(tmp_path):
    result = _build(tmp_path, TOPIC)
    assert result.returncode == 0, result.stderr
    first, guids = _ids(tmp_path), [note["guid"] for note in read_deck(tmp_path / "site" / DECKS["ko"])["notes"]]
    path = tmp_path / "data" / "cards.lock.yml"
    written = path.read_bytes()
    assert first["ko"][0] in written.decode() and first["en"][0] in written.decode()

    result = _build(tmp_path, TOPIC.replace(QUESTION, REWORDED))
    assert result.returncode == 0, result.stderr
    assert _ids(tmp_path) == first
    assert [note["guid"] for note in read_deck(tmp_path / "site" / DECKS["ko"])["notes"]] == guids
    assert REWORDED in path.read_text(encoding="utf-8") and QUESTION not in path.read_text(encoding="utf-8")

    # Nothing changed: the lock is not written again.
    stamp = path.stat().st_mtime_ns
    assert _build(tmp_path, TOPIC.replace(QUESTION, REWORDED)).returncode == 0
    assert path.stat().st_mtime_ns == stamp


def test_a_removed_card_fails_the_strict_build_at_its_line_of_the_lock(tmp_path):
    assert _build(tmp_path, TOPIC).returncode == 0
    path = tmp_path / "data" / "cards.lock.yml"
    gone = card_id("ko", "topic", "노드란?")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if gone in text)
    result = _build(tmp_path, TOPIC.split('??? question "노드란?"')[0])
    assert result.returncode != 0
    assert f"data/cards.lock.yml:{line}: the question card {gone} ('노드란?') is no longer on page 'topic' (ko)" \
        in result.stderr
    assert "delete this line" in result.stderr
    # Deleting the line is how a card is removed on purpose.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:line - 1] + lines[line:]), encoding="utf-8")
    result = _build(tmp_path, TOPIC.split('??? question "노드란?"')[0])
    assert result.returncode == 0, result.stderr


def test_the_lock_option_names_the_file(tmp_path):
    result = _build(tmp_path, TOPIC, plugin="- devconcepts-cards:\n    lock: ids/review.yml")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ids" / "review.yml").is_file() and not (tmp_path / "data" / "cards.lock.yml").exists()


def test_a_broken_lock_fails_at_its_line(tmp_path):
    path = tmp_path / "data" / "cards.lock.yml"
    path.parent.mkdir()
    path.write_text('- {page: topic, locale: ko, kind: question, id: ko-topic-1}\n', encoding="utf-8")
    result = _build(tmp_path, TOPIC)
    assert result.returncode != 0
    assert "data/cards.lock.yml:1: an entry needs exactly page, locale, kind, id and key" in result.stderr


def test_the_site_lock_holds_every_card_of_the_built_site(site):
    from sitekit import DATA

    entries = {(e.locale, e.page, e.kind, e.key): e.id for e in lock.read(DATA / "cards.lock.yml", "lock")}
    for locale, path in LANGUAGES.items():
        for card in json.loads((site / path / "cards.json").read_text(encoding="utf-8"))["cards"]:
            assert entries[(locale, card["page"], card["kind"], card["key"])] == card["id"]


def test_mkdocs_serve_rebuilds_write_the_lock_once(tmp_path):
    # `mkdocs serve` watches data/: a rebuild that wrote the lock starts one
    # more, which must find nothing to write.
    from compare.sites import write_site
    from devconcepts_testkit import build_in_process

    pages = {"topic.md": TOPIC, "topic.en.md": TOPIC_EN, **REVIEW}
    config = write_site(tmp_path, pages, plugin=PLUGINS, extensions=EXTENSIONS)
    path = tmp_path / "data" / "cards.lock.yml"
    assert build_in_process(tmp_path / "site", config, strict=False, command="serve").returncode == 0
    (tmp_path / "docs" / "topic.md").write_text(TOPIC.replace(QUESTION, REWORDED), encoding="utf-8")
    assert build_in_process(tmp_path / "site", config, strict=False, command="serve").returncode == 0
    written = (path.read_bytes(), path.stat().st_mtime_ns)
    assert REWORDED in written[0].decode()
    assert build_in_process(tmp_path / "site", config, strict=False, command="serve").returncode == 0
    assert (path.read_bytes(), path.stat().st_mtime_ns) == written
