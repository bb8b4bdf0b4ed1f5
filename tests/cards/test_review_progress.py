"""Progress on the review page is never lost, in real Chromium with real
localStorage: two tabs merge card by card; an import says what it does and
merges (replacing everything is confirmed apart); every bad file is refused
with its own alert and changes nothing; storage the browser refuses leaves a
working session in memory and says so; the page says where progress lives
and when it was last exported, and asks for persistent storage on the first
grade. Both languages."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from devconcepts.cards.page import IMPORT_LIMIT
from devconcepts.core.labels import labels_for

from cards.reviewkit import KEY, LANGUAGES, open_review, page_cards, stored
from quality.axe import violations

pytestmark = pytest.mark.browser

OTHER = {"ko": "en", "en": "ko"}


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def grade(page, times: int = 1, name: str = "good") -> None:
    for _ in range(times):
        page.click("[data-reveal]")
        page.click(f'[data-grade="{name}"]')


def store(page, locale: str, record) -> None:
    """Writes the record as another tab would, but unheard: a document gets no
    storage event for its own writes."""
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY.format(locale=locale), json.dumps(record)])


def reviewed(page) -> int:
    return int(page.get_attribute("[data-review]", "data-reviewed"))


def wait_reviewed(page, count: int) -> None:
    page.wait_for_function("n => document.querySelector('[data-review]').dataset.reviewed === String(n)", arg=count)


def alert_text(page) -> str:
    alert = page.locator('[data-review] [role="alert"]')
    alert.wait_for()
    return alert.inner_text()


def label(locale: str, name: str, **values) -> str:
    return labels_for(locale)[f"review.{name}"].format(**values)


def write(tmp_path, name: str, record) -> str:
    path = tmp_path / name
    path.write_text(record if isinstance(record, str) else json.dumps(record), encoding="utf-8")
    return str(path)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def shifted(entry: dict, **delta) -> dict:
    """The entry with its review and due date moved by `delta`."""
    moved = dict(entry)
    for name in ("last_review", "due"):
        moved[name] = iso(datetime.fromisoformat(entry[name].replace("Z", "+00:00")) + timedelta(**delta))
    return moved


def unfocused_violations(page) -> list[str]:
    """axe on the app, the focus taken off first: a focused primary button's
    contrast is the grade buttons' own check (issue 23, "Also seen")."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    return violations(page, "[data-review]")


def open_progress(page) -> None:
    summary = page.locator("details.review__progress > summary")
    if not page.locator("details.review__progress").evaluate("details => details.open"):
        summary.click()


WRITES = """window.reviewWrites = 0
const setItem = Storage.prototype.setItem
Storage.prototype.setItem = function (key, value) {
  if (String(key).startsWith("devconcepts-review:")) window.reviewWrites += 1
  return setItem.call(this, key, value)
}"""


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_two_tabs_keep_every_review(context, site_url, site, locale):
    # Each tab counts its writes: hearing of the other's save writes nothing.
    context.add_init_script(WRITES)
    first, second = context.new_page(), context.new_page()
    open_review(first, site_url, locale)
    open_review(second, site_url, locale)
    assert reviewed(first) == reviewed(second) == 0
    due = int(first.get_attribute("[data-review]", "data-due"))

    grade(first, 3)
    # The other tab hears of the save and shows it.
    wait_reviewed(second, 3)
    grade(second, 2)
    wait_reviewed(first, 5)
    record = stored(first, locale)
    assert len(record["cards"]) == 5 and record["introduced"]["count"] == 5
    for page in (first, second):
        assert page.get_attribute("[data-review]", "data-due") == str(due - 5)
        assert page.locator('[data-count="learned"]').inner_text() == "5"

    # A save reads the stored record again: a write this tab never heard of
    # (no storage event reaches the tab that wrote) is kept.
    ids = [card["data-card"] for card in page_cards(site, locale)]
    unheard = dict(record, cards=dict(record["cards"]), introduced=dict(record["introduced"]))
    unheard["cards"][ids[-1]] = next(iter(record["cards"].values()))
    store(second, locale, unheard)
    grade(second, 1)
    cards = stored(second, locale)["cards"]
    assert len(cards) == 7 and ids[-1] in cards, sorted(cards)
    wait_reviewed(first, 7)
    # One write a grade (and the test's own), none from merging: the tabs do
    # not answer each other's saves.
    second.wait_for_timeout(500)
    assert [page.evaluate("window.reviewWrites") for page in (first, second)] == [3, 2 + 1 + 1]


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_an_older_backup_is_merged_after_saying_what_it_does(context, site_url, site, tmp_path, locale):
    page = context.new_page()
    open_review(page, site_url, locale)
    grade(page, 5)
    open_progress(page)
    with page.expect_download() as download:
        page.click("[data-export]")
    backup = tmp_path / "backup.json"
    download.value.save_as(backup)
    grade(page, 3)
    now = stored(page, locale)
    assert len(now["cards"]) == 8 and reviewed(page) == 8

    # The case: an older backup took "learned" from 8 back to 5.
    page.set_input_files("[data-import]", str(backup))
    summary = page.locator("[data-import-summary]")
    summary.wait_for()
    assert summary.inner_text() == label(locale, "import_summary", updated=0, added=0, older=0)
    assert unfocused_violations(page) == []
    assert stored(page, locale) == now, "nothing changes before the reader chooses"
    page.click("[data-import-merge]")
    assert page.locator("[data-import-confirm]").is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-reveal')"), "the focus is back on the card"
    assert page.locator("[data-status]").inner_text() == label(locale, "imported")
    assert stored(page, locale)["cards"] == now["cards"] and reviewed(page) == 8

    # A file with one card older, one newer, two cards this browser lacks,
    # one the same, and one no longer on the page.
    ids = [card["data-card"] for card in page_cards(site, locale)]
    graded = [card_id for card_id in ids if card_id in now["cards"]]
    older, newer, same = graded[0], graded[1], graded[2]
    gone = f"{locale}-a-removed-page-0123456789ab"
    fresh = [card_id for card_id in ids if card_id not in now["cards"]][:2]
    cards = {older: shifted(now["cards"][older], hours=-1), newer: shifted(now["cards"][newer], minutes=1),
             same: now["cards"][same], gone: now["cards"][same]}
    cards.update({card_id: now["cards"][same] for card_id in fresh})
    path = write(tmp_path, "mixed.json", dict(now, cards=cards))
    page.set_input_files("[data-import]", path)
    page.wait_for_function("() => !document.querySelector('[data-import-confirm]').hidden")
    assert summary.inner_text() == label(locale, "import_summary", updated=1, added=3, older=1)
    # Cancelled: nothing changes.
    page.click("[data-import-cancel]")
    assert page.locator("[data-import-confirm]").is_hidden() and stored(page, locale) == now

    page.set_input_files("[data-import]", path)
    page.click("[data-import-merge]")
    merged = stored(page, locale)["cards"]
    assert merged[older] == now["cards"][older], "the later review stays"
    assert merged[newer] == cards[newer], "the file's later review is taken"
    assert merged[gone] == cards[gone], "a card no longer on the page is kept"
    assert set(merged) == set(now["cards"]) | set(fresh) | {gone}
    assert reviewed(page) == 10, "data-reviewed counts the page's cards"
    page.reload()
    page.locator("[data-review][data-due]").wait_for(state="visible")
    assert stored(page, locale)["cards"] == merged and reviewed(page) == 10


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_replacing_everything_is_confirmed_apart(context, site_url, site, tmp_path, locale):
    page = context.new_page()
    open_review(page, site_url, locale)
    grade(page, 3)
    now = stored(page, locale)
    kept = next(iter(now["cards"]))
    path = write(tmp_path, "one.json", dict(now, cards={kept: now["cards"][kept]}))
    open_progress(page)

    page.set_input_files("[data-import]", path)
    page.click("[data-import-replace]")
    summary = page.locator("[data-import-summary]")
    assert summary.inner_text() == label(locale, "import_replace_warning", current=3, incoming=1)
    assert page.locator("[data-import-merge]").is_hidden()
    assert stored(page, locale) == now, "asking changes nothing"
    page.click("[data-import-cancel]")
    assert stored(page, locale) == now and page.locator("[data-import-confirm]").is_hidden()

    other = context.new_page()
    open_review(other, site_url, locale)
    page.set_input_files("[data-import]", path)
    assert page.locator("[data-import-replace-confirm]").is_hidden(), "a new file starts with the merge"
    page.click("[data-import-replace]")
    page.click("[data-import-replace-confirm]")
    assert list(stored(page, locale)["cards"]) == [kept]
    assert reviewed(page) == 1
    assert page.locator("[data-status]").inner_text() == label(locale, "replaced")
    # Another open tab takes the replacement and does not bring the old cards back.
    wait_reviewed(other, 1)
    grade(other)
    assert len(stored(other, locale)["cards"]) == 2 and kept in stored(other, locale)["cards"]
    wait_reviewed(page, 2)


def _bad_files(record: dict, locale: str) -> list[tuple[str, object, str]]:
    """(name, file content, the alert's first sentence) for every kind of bad file."""
    card_id, entry = next(iter(record["cards"].items()))
    other = OTHER[locale]
    return [
        ("big.json", json.dumps(dict(record, padding="x" * IMPORT_LIMIT)),
         label(locale, "import_too_big", limit=f"{IMPORT_LIMIT / 1e6:g} MB")),
        ("broken.json", '{"format": "devconcepts-review", ', label(locale, "import_not_json")),
        ("other.json", {"cards": []}, label(locale, "import_failed")),
        ("version.json", dict(record, version=2), label(locale, "import_version", detail=2)),
        ("language.json", dict(record, locale=other, cards={card_id.replace(locale, other, 1): entry}),
         label(locale, "import_language", language=label(locale, f"language.{other}"))),
        ("entry.json", dict(record, cards={card_id: dict(entry, stability="high")}),
         label(locale, "import_entry", detail=card_id)),
        ("state.json", dict(record, cards={card_id: dict(entry, state=7)}), label(locale, "import_entry", detail=card_id)),
        ("id.json", dict(record, cards={"not-a-card": entry}), label(locale, "import_entry", detail="not-a-card")),
        ("date.json", dict(record, cards={card_id: dict(entry, due="next week")}),
         label(locale, "import_date", detail=f"{card_id}: next week")),
        ("future.json", dict(record, cards={card_id: dict(entry, last_review="2099-01-01T00:00:00.000Z",
                                                          due="2099-01-02T00:00:00.000Z")}),
         label(locale, "import_date", detail=f"{card_id}: 2099-01-01T00:00:00.000Z")),
    ]


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_each_bad_file_has_its_own_alert_and_changes_nothing(context, site_url, tmp_path, locale):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_review(page, site_url, locale)
    grade(page, 2)
    open_progress(page)
    kept = label(locale, "import_kept")
    messages = set()
    for name, content, message in _bad_files(stored(page, locale), locale):
        before = stored(page, locale)
        page.set_input_files("[data-import]", write(tmp_path, name, content))
        page.wait_for_function("text => document.querySelector('[data-review] [role=alert]')?.textContent === text",
                               arg=f"{message} {kept}")
        assert page.locator('[data-review] [role="alert"]').count() == 1, name
        assert stored(page, locale) == before, name
        assert page.locator("[data-import-confirm]").is_hidden(), name
        if not messages:
            assert unfocused_violations(page) == []
        # Grading goes on.
        grade(page)
        assert len(stored(page, locale)["cards"]) == len(before["cards"]) + 1, name
        messages.add(message)
    assert len(messages) == 9 and not errors, errors
    # A good file clears the alert.
    page.set_input_files("[data-import]", write(tmp_path, "good.json", stored(page, locale)))
    page.locator("[data-import-confirm]").wait_for()
    assert page.locator('[data-review] [role="alert"]').count() == 0

    after = stored(page, locale)
    page.reload()
    page.locator("[data-review][data-due]").wait_for(state="visible")
    assert stored(page, locale) == after
    grade(page)
    assert len(stored(page, locale)["cards"]) == len(after["cards"]) + 1


BLOCKED = {
    # Site data blocked: reading window.localStorage throws (Chromium's SecurityError).
    "access": """Object.defineProperty(window, "localStorage", {
      configurable: true, get() { throw new DOMException("blocked", "SecurityError") } })""",
    # Storage full or read-only: every write throws.
    "write": """Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError") }""",
}


@pytest.mark.parametrize("locale", list(LANGUAGES))
@pytest.mark.parametrize("blocked", list(BLOCKED))
def test_refused_storage_keeps_the_session_in_memory_and_says_so(browser, site_url, tmp_path, locale, blocked):
    context = browser.new_context(accept_downloads=True)
    try:
        context.add_init_script(BLOCKED[blocked])
        page = context.new_page()
        open_review(page, site_url, locale, script_errors=True)
        due = int(page.get_attribute("[data-review]", "data-due"))
        grade(page, 3)
        assert reviewed(page) == 3
        assert page.get_attribute("[data-review]", "data-due") == str(due - 3)
        assert alert_text(page) == label(locale, "storage_blocked")
        assert label(locale, "where") not in page.locator("[data-progress-note]").inner_text()
        assert unfocused_violations(page) == []
        # The session can still be saved as a file.
        open_progress(page)
        with page.expect_download() as download:
            page.click("[data-export]")
        path = tmp_path / "memory.json"
        download.value.save_as(path)
        assert len(json.loads(path.read_text(encoding="utf-8"))["cards"]) == 3
    finally:
        context.close()


PERSIST = """window.persistCalls = 0
if (navigator.storage) {
  const persist = navigator.storage.persist.bind(navigator.storage)
  navigator.storage.persist = () => { window.persistCalls += 1; return persist() }
}"""


def test_persistent_storage_is_asked_on_the_first_grade(browser, site_url):
    context = browser.new_context()
    try:
        context.add_init_script(PERSIST)
        page = context.new_page()
        open_review(page, site_url, "ko")
        assert page.evaluate("window.persistCalls") == 0
        grade(page)
        assert page.evaluate("window.persistCalls") == 1
        grade(page, 2)
        assert page.evaluate("window.persistCalls") == 1
    finally:
        context.close()
    # A browser without the Storage API grades all the same.
    context = browser.new_context()
    try:
        context.add_init_script("Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined })")
        page = context.new_page()
        open_review(page, site_url, "en")
        grade(page, 2)
        assert reviewed(page) == 2 and len(stored(page, "en")["cards"]) == 2
    finally:
        context.close()


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_the_page_says_where_progress_lives_and_when_it_was_exported(context, site_url, locale):
    page = context.new_page()
    open_review(page, site_url, locale)
    note = page.locator("[data-progress-note]")
    assert note.inner_text() == f'{label(locale, "where")} {label(locale, "never_exported")}'
    assert page.locator('[data-review] [role="alert"]').count() == 0
    assert page.locator("[data-import]").get_attribute("type") == "file"
    assert page.locator("[data-export]").evaluate("element => element.localName") == "button"
    grade(page, 2)
    record = stored(page, locale)
    assert "exported" not in record and record["started"]

    open_progress(page)
    with page.expect_download():
        page.click("[data-export]")
    exported = stored(page, locale)["exported"]
    shown = page.evaluate("([date, locale]) => new Date(date).toLocaleDateString(locale, { dateStyle: 'medium' })",
                          [exported, locale])
    assert note.inner_text() == f'{label(locale, "where")} {label(locale, "exported_on", date=shown)}'

    # A week of reviews since the last export: one quiet line suggests another.
    now = datetime.now(timezone.utc)
    hint = label(locale, "export_hint")
    for days, suggested in ((6, False), (8, True)):
        record = stored(page, locale)
        record["exported"] = iso(now - timedelta(days=days))
        store(page, locale, record)
        page.reload()
        page.locator("[data-review][data-due]").wait_for(state="visible")
        assert (hint in note.inner_text()) is suggested, days
    assert page.locator('[data-review] [role="alert"]').count() == 0, "a suggestion, not an alert"
    # Never exported: the week counts from the first review.
    record = stored(page, locale)
    del record["exported"]
    record["started"] = iso(now - timedelta(days=8))
    store(page, locale, record)
    page.reload()
    page.locator("[data-review][data-due]").wait_for(state="visible")
    assert note.inner_text() == f'{label(locale, "where")} {label(locale, "never_exported")} {hint}'
