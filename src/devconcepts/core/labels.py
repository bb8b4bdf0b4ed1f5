"""Words the site's own components print, one dict per locale.

This is the single place for interface text that does not come from a page:
a component asks `label("compare.aspect", locale)` instead of spelling the word
itself, so both languages stay complete and consistent.

Adding a label: pick a key `<component>.<name>` and add it to *every* locale
below (tests check that all locales have the same keys). Adding a locale: copy
one dict and translate every value.
"""

from __future__ import annotations

DEFAULT_LOCALE = "ko"
"""The site's first language; used when a caller has no locale of its own."""

LABELS: dict[str, dict[str, str]] = {
    "ko": {
        # Link previews: the locale in Open Graph's language_TERRITORY form
        # (og:locale), not shown to readers.
        "meta.og_locale": "ko_KR",
        # Comparison table: header of the column that lists the aspects.
        "compare.aspect": "구분",
        # Comparison table: default header of the row of shared points.
        "compare.shared": "공통점",
        # 404 page of each language.
        "notfound.title": "페이지를 찾을 수 없음",
        "notfound.text": "주소가 바뀌었거나 없는 페이지다. 홈에서 주제를 고르거나 검색해 보자.",
        "notfound.home": "홈으로 가기",
        # Print: the button beside the page title, on topic pages and on the book.
        "print.button": "이 페이지 인쇄",
        "print.book_button": "전체 노트 인쇄",
        # Print: the study-sheet toggle; when on, folded answers stay folded on paper.
        "print.study_mode": "인쇄할 때 정답 접기",
        # Print: the source line printed at the top of each sheet.
        "print.language": "언어",
        "print.last_change": "마지막 수정",
        # Print: heading of the whole book's table of contents.
        "print.contents": "전체 노트 목차",
        # Glossary entry: other spellings of the term, and the link to the section explaining it.
        "glossary.aliases": "다른 표기",
        "glossary.more": "설명",
        "glossary.index": "첫 글자로 찾기",
        # Study mode: the toggle above comparison tables (its label while off, and while on:
        # the choice is remembered, so a page opened later says it is still on), and the
        # button on each hidden cell.
        "study.toggle": "가리고 외우기(표 내용 숨김)",
        "study.toggle_on": "가리기 켜짐",
        "study.reveal": "눌러서 보기",
        # Diagrams on a narrow screen: drawn at a readable size, they scroll sideways.
        "diagram.scroll": "옆으로 밀어서 그림 전체 보기",
        # Offline (devconcepts-offline): the footer control that saves the reader's language
        # for reading without a network, while saving, once saved, and when saving failed.
        "offline.save": "오프라인 저장",
        "offline.saving": "오프라인 저장 중…",
        "offline.saved": "오프라인 저장됨",
        "offline.failed": "오프라인 저장 실패: 다시 시도",
        # Offline: the notice on an open page when the site has been deployed again since it
        # loaded, and its button; the note beside a download link clicked without a network.
        "offline.updated": "사이트가 새로 바뀌었다.",
        "offline.reload": "새로 고침",
        "offline.needs_network": "내려받으려면 인터넷 연결이 필요하다.",
        # Under `mkdocs serve`: the notice on a translation that is behind its Korean page.
        "translation.behind.title": "번역이 원문보다 오래됨",
        "translation.behind.text": "이 번역을 만든 뒤에 원문이 바뀌었다.",
        "translation.behind.link": "원문 보기",
        # Review page (devconcepts-cards): the spaced-repetition app, its counts and grades.
        "review.app": "복습 카드",
        "review.topic": "주제",
        "review.all_topics": "모든 주제",
        "review.due": "지금 볼 카드",
        # The counts: the cards due now, then the topic's whole set, of which those are a part.
        "review.total": "전체 {total}장 중 학습함 {learned} · 새 카드 {new}",
        "review.reveal": "정답 보기",
        "review.grades": "얼마나 잘 떠올렸나",
        "review.again": "다시",
        "review.hard": "어려움",
        "review.good": "알맞음",
        "review.easy": "쉬움",
        "review.keys": "키보드: 스페이스로 정답 보기, 1–4로 평가",
        "review.done": "지금 볼 카드가 없다. 새 카드는 하루 {limit}장까지 나온다.",
        # When nothing is due now: how long until the next card of the day comes back.
        "review.next": "다음 카드: {time} 후",
        # A time span on a grade button (the card's next interval) and in review.next.
        "review.minutes": "{n}분",
        "review.hours": "{n}시간",
        "review.days": "{n}일",
        "review.months": "{n}개월",
        "review.years": "{n}년",
        # Undo of the last grade: the card comes back as it was before it.
        "review.undo": "방금 평가 되돌리기",
        "review.undone": "마지막 평가를 되돌렸다.",
        # The link under a topic's self-check questions to that topic's cards.
        "review.topic_link": "이 주제의 카드 복습하기",
        "review.progress": "진행 상황",
        "review.storage": "기록은 어디에도 보내지 않는다. 다른 브라우저나 기기로 옮기려면 내보내서 그쪽에서 가져온다.",
        "review.export": "JSON으로 내보내기",
        "review.import": "JSON 가져오기",
        "review.reset": "기록 초기화",
        "review.reset_confirm": "이 언어의 복습 기록을 모두 지울까? 되돌릴 수 없다.",
        "review.imported": "기록을 가져왔다.",
        "review.import_failed": "이 파일은 복습 기록이 아니다.",
        "review.reset_done": "기록을 지웠다.",
        "review.deck": "Anki 덱 내려받기",
        "review.deck_note": "같은 카드를 Anki에서 복습하려면 덱을 가져온다. 새 덱을 다시 가져오면 카드가 중복되지 않고 갱신된다.",
        "review.all_cards": "모든 카드",
        "review.deck_model": "개발 개념 카드",
        "review.deck_card": "앞면과 뒷면",
        # Review: the line by the counts on where progress lives and its last export, the
        # quiet export suggestion a week into reviews, and the warning when storage is refused.
        "review.where": "진행 상황은 이 브라우저에만 저장된다.",
        "review.exported_on": "마지막 내보내기: {date}",
        "review.never_exported": "아직 내보낸 적이 없다.",
        "review.export_hint": "일주일 넘게 복습한 기록이 이 브라우저에만 있다. JSON으로 내보내 사본을 남겨 두자.",
        "review.storage_blocked": "이 브라우저가 저장을 막아 진행 상황을 저장할 수 없다. 이 탭을 닫으면 사라지니 JSON으로 내보내 두자.",
        # Review import: why a file is refused ({detail}: the version, card or date at fault;
        # {limit}: the size limit; {language}: the file's language), then that nothing changed.
        "review.import_too_big": "이 파일은 {limit}를 넘어 복습 기록일 수 없다.",
        "review.import_not_json": "이 파일은 JSON이 아니다.",
        "review.import_version": "이 페이지가 읽을 수 없는 기록 형식(버전 {detail})이다.",
        "review.import_language": "이 파일은 {language} 페이지의 복습 기록이다. {language} 복습 페이지에서 가져온다.",
        "review.import_entry": "카드 기록 하나가 올바르지 않다: {detail}.",
        "review.import_date": "날짜가 올바르지 않다: {detail}.",
        "review.import_kept": "지금 기록은 그대로다.",
        # Review import: what merging the file does, the choices, and replacing's own confirmation.
        "review.import_summary": "합치기: 카드 {updated}장 갱신, {added}장 추가, 더 오래된 기록 {older}장 무시.",
        "review.import_merge": "합치기",
        "review.import_replace": "모두 바꾸기",
        "review.import_replace_warning": "지금 기록(카드 {current}장)을 모두 지우고 파일의 기록(카드 {incoming}장)으로 바꾼다. 되돌릴 수 없다.",
        "review.import_replace_confirm": "지우고 바꾸기",
        "review.import_cancel": "취소",
        "review.replaced": "기록을 파일의 것으로 바꿨다.",
        # The site's languages by name, for a file of the other language.
        "review.language.ko": "한국어",
        "review.language.en": "영어",
    },
    "en": {
        "meta.og_locale": "en_US",
        "compare.aspect": "Aspect",
        "compare.shared": "In common",
        "notfound.title": "Page not found",
        "notfound.text": "The address has changed or the page does not exist. Pick a topic from the home page, or search.",
        "notfound.home": "Go to the home page",
        "print.button": "Print this page",
        "print.book_button": "Print the whole book",
        "print.study_mode": "Fold answers when printing",
        "print.language": "Language",
        "print.last_change": "Last changed",
        "print.contents": "Book contents",
        "glossary.aliases": "Also written",
        "glossary.more": "Explained in",
        "glossary.index": "Find by first letter",
        "study.toggle": "Recall mode (hide table cells)",
        "study.toggle_on": "Hiding answers: on",
        "study.reveal": "Show",
        "diagram.scroll": "Scroll sideways to see the whole diagram",
        "offline.save": "Save for offline",
        "offline.saving": "Saving for offline…",
        "offline.saved": "Saved for offline",
        "offline.failed": "Saving for offline failed: try again",
        "offline.updated": "This site has been updated.",
        "offline.reload": "Reload",
        "offline.needs_network": "This download needs an internet connection.",
        "translation.behind.title": "Outdated translation",
        "translation.behind.text": "The Korean original has changed since this page was translated.",
        "translation.behind.link": "Read the Korean original",
        "review.app": "Review cards",
        "review.topic": "Topic",
        "review.all_topics": "All topics",
        "review.due": "Due now",
        "review.total": "Of {total} cards: {learned} learned · {new} new",
        "review.reveal": "Show answer",
        "review.grades": "How well did you recall it",
        "review.again": "Again",
        "review.hard": "Hard",
        "review.good": "Good",
        "review.easy": "Easy",
        "review.keys": "Keyboard: Space shows the answer, 1–4 grade it",
        "review.done": "Nothing to review now. New cards come up to {limit} a day.",
        "review.next": "Next card in {time}",
        "review.minutes": "{n} min",
        "review.hours": "{n} h",
        "review.days": "{n} d",
        "review.months": "{n} mo",
        "review.years": "{n} y",
        "review.undo": "Undo last grade",
        "review.undone": "Last grade undone.",
        "review.topic_link": "Review this topic's cards",
        "review.progress": "Progress",
        "review.storage": "Progress is never sent anywhere. To move it to another browser or device, export it and import it there.",
        "review.export": "Export as JSON",
        "review.import": "Import JSON",
        "review.reset": "Reset progress",
        "review.reset_confirm": "Delete all review progress for this language? This cannot be undone.",
        "review.imported": "Progress imported.",
        "review.import_failed": "This file is not review progress.",
        "review.reset_done": "Progress deleted.",
        "review.deck": "Download the Anki deck",
        "review.deck_note": "To review the same cards in Anki, import the deck. Importing a newer deck updates the cards instead of duplicating them.",
        "review.all_cards": "All cards",
        "review.deck_model": "Dev concepts card",
        "review.deck_card": "Front and back",
        "review.where": "Progress is saved in this browser only.",
        "review.exported_on": "Last exported: {date}",
        "review.never_exported": "Not exported yet.",
        "review.export_hint": "Over a week of reviews lives only in this browser: export a JSON copy to keep it.",
        "review.storage_blocked": "This browser blocks storage, so progress cannot be saved: it is gone when this tab closes. Export it as JSON to keep it.",
        "review.import_too_big": "This file is larger than {limit}, too large to be review progress.",
        "review.import_not_json": "This file is not JSON.",
        "review.import_version": "This page cannot read this progress format (version {detail}).",
        "review.import_language": "This file is progress from the {language} review page; import it there.",
        "review.import_entry": "An entry of the file is malformed: {detail}.",
        "review.import_date": "A date in the file is invalid: {detail}.",
        "review.import_kept": "Your progress is unchanged.",
        "review.import_summary": "Merge: {updated} cards updated, {added} added, {older} older entries ignored.",
        "review.import_merge": "Merge",
        "review.import_replace": "Replace all",
        "review.import_replace_warning": "This deletes all your progress ({current} cards) and puts the file's ({incoming} cards) in its place. This cannot be undone.",
        "review.import_replace_confirm": "Delete and replace",
        "review.import_cancel": "Cancel",
        "review.replaced": "Progress replaced with the file's.",
        "review.language.ko": "Korean",
        "review.language.en": "English",
    },
}


class UnknownLabelError(KeyError):
    """A locale or key is missing from LABELS; the message says which."""

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of the message, quotes and all.
        return str(self.args[0])


def label(key: str, locale: str) -> str:
    """The text of `key` in `locale`."""
    if locale not in LABELS:
        raise UnknownLabelError(
            f"no labels for locale '{locale}' (known: {', '.join(sorted(LABELS))}); "
            f"add them to {__name__}.LABELS"
        )
    try:
        return LABELS[locale][key]
    except KeyError:
        raise UnknownLabelError(f"label '{key}' is missing for locale '{locale}' in {__name__}.LABELS") from None


def labels_for(locale: str) -> dict[str, str]:
    """Every label of `locale`, for templates (`labels["notfound.title"]`)."""
    if locale not in LABELS:
        raise UnknownLabelError(
            f"no labels for locale '{locale}' (known: {', '.join(sorted(LABELS))}); "
            f"add them to {__name__}.LABELS"
        )
    return LABELS[locale]


def unlabelled(locales) -> list[str]:
    """The locales of `locales` (the languages mkdocs.yml builds) that have
    no interface labels here."""
    return [locale for locale in locales if locale not in LABELS]
