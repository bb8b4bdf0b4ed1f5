"""Self-check on every topic page in both languages: a section of at least 6
interview questions whose answers are folded away, ending with a link to
the topic's review cards."""

from __future__ import annotations

import pytest

from cards.reviewkit import page_cards
from devconcepts.core.labels import label
from glossary.site_pages import TOPICS, article, built

HEADINGS = {"ko": ("셀프-체크", "셀프 체크"), "en": ("self-check", "Self-check")}


def questions(site, topic, locale):
    content = article(site, f"{topic}.md", locale)
    anchor, text = HEADINGS[locale]
    heading = content.find("h2", id=anchor)
    assert heading is not None, f"{topic} ({locale}): no self-check section"
    assert heading.get_text().replace("¶", "").strip() == text
    # The section runs to the next h2 (or the end of the page).
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "details":
            found.append(sibling)
    return found


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_has_six_or_more_folded_questions_in_both_languages(site, topic):
    counts = {}
    for locale in HEADINGS:
        found = questions(site, topic, locale)
        assert len(found) >= 6, f"{topic} ({locale}): {len(found)} questions"
        for details in found:
            assert "question" in details["class"]
            assert not details.has_attr("open")
            assert details.summary.get_text().strip()
            assert details.find("p").get_text().strip()
        counts[locale] = len(found)
    assert counts["ko"] == counts["en"]


@pytest.mark.browser
@pytest.mark.parametrize("locale, path", [("ko", "oltp/"), ("en", "en/kubernetes-cluster/")])
def test_answers_are_hidden_until_the_question_is_opened(page, site_url, locale, path):
    page.goto(site_url + path)
    anchor = HEADINGS[locale][0]
    details = page.locator(f"h2#{anchor} ~ details.question")
    assert details.count() >= 3
    for index in range(details.count()):
        assert not details.nth(index).evaluate("d => d.open")
        assert not details.nth(index).locator("p").first.is_visible()
    details.first.locator("summary").click()
    details.first.locator("p").first.wait_for(state="visible")


@pytest.mark.parametrize("topic", TOPICS)
def test_each_self_check_ends_with_a_link_to_the_topics_cards(site, topic):
    for locale in HEADINGS:
        last = questions(site, topic, locale)[-1]
        # Right after the last question, inside the section (before any next h2).
        link = last.find_next_sibling()
        assert link is not None and link.name == "p" and "review-topic-link" in link["class"], (topic, locale)
        assert link.a.get_text() == label("review.topic_link", locale)
        href = link.a["href"]
        assert href == f"../review/?topic={topic}", href
        # Relative, so it works under a sub-path, and to the review page of the page's language.
        review = (built(site, f"{topic}.md", locale).parent / href.split("?")[0] / "index.html").resolve()
        assert review == built(site, "review.md", locale).resolve() and review.is_file()
        assert any(card["data-topic"] == topic for card in page_cards(site, locale))


def test_the_print_books_carry_no_link_to_the_cards(site):
    for locale in HEADINGS:
        assert "review-topic-link" not in built(site, "print.md", locale).read_text(encoding="utf-8")
