"""The labels module: every locale complete, a missing one named."""

import pytest

from devconcepts.core.labels import DEFAULT_LOCALE, LABELS, UnknownLabelError, label


def test_every_locale_has_every_key():
    keys = {locale: set(words) for locale, words in LABELS.items()}
    reference = keys[DEFAULT_LOCALE]
    assert {locale: sorted(reference ^ found) for locale, found in keys.items() if found != reference} == {}


def test_every_label_is_non_empty_text():
    blank = [f"{locale}:{key}" for locale, words in LABELS.items() for key, text in words.items()
             if not isinstance(text, str) or not text.strip()]
    assert blank == []


@pytest.mark.parametrize("key", ["compare.aspect", "compare.shared"])
def test_comparison_labels_differ_between_languages(key):
    assert label(key, "ko") != label(key, "en")


def test_missing_locale_and_key_are_named():
    with pytest.raises(UnknownLabelError, match=r"^no labels for locale 'xx' \(known: en, ko"):
        label("compare.aspect", "xx")
    with pytest.raises(UnknownLabelError, match=r"^label 'compare.nope' is missing for locale 'ko'"):
        label("compare.nope", "ko")
