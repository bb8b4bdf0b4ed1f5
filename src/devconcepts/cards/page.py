"""The review page's HTML: the app's controls and, for every topic, its cards
as `<details>`.

The list is the page's content without JavaScript (a study sheet: question,
then the answer on a click), and the app's source of cards with it: the app
reads each card from its `<details data-card>`, so the cards are in the page
once. The controls are in the HTML too, in their place above the list, so
the page does not move when the app starts (no layout shift); the
stylesheet hides them where scripting is off (`@media (scripting: none)`),
so a reader without JavaScript never meets buttons that do nothing. Their
first counts are a new reader's, which the app then updates.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from devconcepts.cards.extract import Card

GRADES = ("again", "hard", "good", "easy")
"""The four grades, in key order 1–4 (FSRS's Again, Hard, Good, Easy)."""

IMPORT_LIMIT = 2_000_000
"""Bytes: the largest progress file the app reads. An exported record is
about 250 B a card, so thousands of cards fit well below it; reading and
parsing a file of many megabytes at once stalls a phone's page."""

MESSAGES = ("done", "reset_confirm", "imported", "import_failed", "reset_done", "where", "exported_on",
            "never_exported", "export_hint", "storage_blocked", "import_too_big", "import_not_json",
            "import_version", "import_language", "import_entry", "import_date", "import_kept",
            "import_summary", "import_replace_warning", "replaced",
            "next", "minutes", "hours", "days", "months", "years", "undone")
"""The labels the app shows itself (data-label-NAME on its root)."""


@dataclass(frozen=True)
class Topic:
    page: str
    """The page key the cards carry (`oltp`)."""
    title: str
    href: str
    """The topic page, relative to the review page."""
    cards: tuple[Card, ...]


def render(topics: list[Topic], *, locale: str, labels: dict[str, str], new_per_day: int, deck_href: str) -> str:
    e = html.escape
    label = {key.removeprefix("review."): e(value) for key, value in labels.items() if key.startswith("review.")}
    label["done"] = e(labels["review.done"].format(limit=new_per_day))
    total = sum(len(topic.cards) for topic in topics)
    label["import_too_big"] = e(labels["review.import_too_big"].format(limit=f"{IMPORT_LIMIT / 1e6:g} MB"))
    options = "".join(f'<option value="{e(topic.page)}">{e(topic.title)}</option>' for topic in topics if topic.cards)
    grades = "".join(
        f'<button class="md-button review__grade" type="button" data-grade="{grade}" data-key="{number}">'
        f'<kbd>{number}</kbd> {label[grade]} <span class="review__interval" data-interval></span></button>'
        for number, grade in enumerate(GRADES, start=1))
    messages = " ".join([f'data-label-{name}="{label[name]}"' for name in MESSAGES] + [
        f'data-label-language-{name.removeprefix("language.")}="{text}"'
        for name, text in label.items() if name.startswith("language.")])
    # Each number of the counts is an element the app updates; the sentence around them is the label's.
    count = {"total": total, "learned": 0, "new": total}
    whole = label["total"]
    for name, value in count.items():
        whole = whole.replace("{" + name + "}", f'<strong data-count="{name}">{value}</strong>')
    # The note by the counts holds what the app writes for a reader who never
    # exported, so that its start moves nothing on the page.
    app = f"""
<section class="review" data-review data-locale="{e(locale)}" data-new-per-day="{new_per_day}" data-import-limit="{IMPORT_LIMIT}" {messages} aria-label="{label['app']}">
<div class="review__bar">
<label class="review__filter">{label['topic']} <select data-topic><option value="">{label['all_topics']}</option>{options}</select></label>
<p class="review__counts"><span>{label['due']} <strong data-count="due">{min(total, new_per_day)}</strong></span> <span>{whole}</span></p>
</div>
<p class="review__where" data-progress-note>{label['where']} {label['never_exported']}</p>
<div class="review__card" data-card-view tabindex="-1" aria-live="polite">
<p class="review__topic" data-card-topic></p>
<div class="review__side review__front" data-card-front></div>
<div class="review__side review__back" data-card-back hidden></div>
<p class="review__done" data-done hidden></p>
<p class="review__next" data-next hidden></p>
</div>
<div class="review__actions">
<button class="md-button md-button--primary review__reveal" type="button" data-reveal><kbd>Space</kbd> {label['reveal']}</button>
<div class="review__grades" role="group" aria-label="{label['grades']}" data-grades hidden>{grades}</div>
<button class="md-button review__undo" type="button" data-undo hidden>{label['undo']}</button>
</div>
<p class="review__keys">{label['keys']}</p>
<details class="review__progress">
<summary>{label['progress']}</summary>
<p>{label['storage']}</p>
<p class="review__buttons"><button class="md-button" type="button" data-export>{label['export']}</button>
<label class="md-button review__import">{label['import']}<input type="file" accept="application/json,.json" data-import></label>
<button class="md-button" type="button" data-reset>{label['reset']}</button></p>
<div class="review__confirm" data-import-confirm hidden>
<p data-import-summary></p>
<p class="review__buttons"><button class="md-button md-button--primary" type="button" data-import-merge>{label['import_merge']}</button>
<button class="md-button" type="button" data-import-replace>{label['import_replace']}</button>
<button class="md-button md-button--primary" type="button" data-import-replace-confirm hidden>{label['import_replace_confirm']}</button>
<button class="md-button" type="button" data-import-cancel>{label['import_cancel']}</button></p>
</div>
<p role="status" data-status></p>
</details>
</section>
<p class="review__deck"><a href="{e(deck_href)}" download>{label['deck']}</a> — {label['deck_note']}</p>
"""
    sections = []
    for topic in topics:
        if not topic.cards:
            continue
        cards = "\n".join(
            f'<details class="review-list__card" data-card="{e(card.id)}" data-topic="{e(topic.page)}">'
            f'<summary>{card.front}</summary><div class="review-list__back">{card.back}</div></details>'
            for card in topic.cards)
        sections.append(f'<section class="review-list__topic" data-topic-title="{e(topic.title)}" '
                        f'data-topic-href="{e(topic.href)}">\n'
                        f'<h3><a href="{e(topic.href)}">{e(topic.title)}</a></h3>\n{cards}\n</section>')
    listing = f'<h2 class="review-list__title">{label["all_cards"]}</h2>\n<div class="review-list">\n' + "\n".join(sections) + "\n</div>\n"
    return app + listing
