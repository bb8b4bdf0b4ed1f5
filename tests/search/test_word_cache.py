"""Kiwi's answers kept between builds: a build whose words are all in the
cache gives the same analysis without loading the model."""

from __future__ import annotations

from devconcepts.search.segment import KiwiSegmenter
from devconcepts.search.word_cache import WordCache, cache_file

USER_WORDS = ["오케스트레이션", "쿠버네티스"]
TEXTS = [["고가용성으로", "오케스트레이션을"], ["전자상거래", "API서버에", "Kubernetes"]]


def test_a_warm_cache_gives_the_same_analysis_without_the_model(tmp_path):
    path = cache_file(tmp_path, USER_WORDS)
    cold = KiwiSegmenter(USER_WORDS, WordCache(path))
    first = cold.analyze(TEXTS)
    cold._cache.save()
    assert cold.model_loaded and path.is_file()

    warm = KiwiSegmenter(USER_WORDS, WordCache(path))
    again = warm.analyze(TEXTS)
    assert not warm.model_loaded
    assert again == first
    assert "가용성으로" in again.suffixes[0] and "상거래" in again.suffixes[1]


def test_only_new_words_load_the_model(tmp_path):
    path = cache_file(tmp_path, USER_WORDS)
    seeded = KiwiSegmenter(USER_WORDS, WordCache(path))
    seeded.analyze([["고가용성으로"]])
    seeded._cache.save()

    segmenter = KiwiSegmenter(USER_WORDS, WordCache(path))
    result = segmenter.analyze([["고가용성으로", "재시작과"]])
    assert segmenter.model_loaded
    assert {"가용성으로", "시작과"} <= result.suffixes[0]
    assert set(WordCache(path)._words) == {"고가용성으로"}  # saved only when asked
    segmenter._cache.save()
    assert set(WordCache(path)._words) == {"고가용성으로", "재시작과"}


def test_other_user_words_use_another_file(tmp_path):
    # Kiwi answers differently once a name is a user word, so the answers
    # given without it must not be reused.
    assert cache_file(tmp_path, USER_WORDS) != cache_file(tmp_path, USER_WORDS[:1])
    assert cache_file(tmp_path, USER_WORDS) == cache_file(tmp_path, list(reversed(USER_WORDS)))


def test_a_damaged_cache_file_is_analysed_again(tmp_path):
    path = cache_file(tmp_path, USER_WORDS)
    path.write_text('{"format": 1, "words": {"고가용성으로": ', encoding="utf-8")
    segmenter = KiwiSegmenter(USER_WORDS, WordCache(path))
    result = segmenter.analyze([["고가용성으로"]])
    assert segmenter.model_loaded and "가용성으로" in result.suffixes[0]
