"""Finding words inside Korean compounds, and the nouns the query normaliser
knows, for the segmenters the plugin offers."""

from __future__ import annotations

import pytest

from devconcepts.search.config import SearchConfig
from devconcepts.search.segment import NullSegmenter, make_segmenter


def analyze(segmenter, *texts: str):
    return segmenter.analyze([t.split() for t in texts])


def test_null_segmenter_finds_nothing():
    result = analyze(NullSegmenter(), "마이크로서비스에서 쓴다")
    assert result.suffixes == [set()] and result.stems == set()


def test_unknown_segmenter_name_means_none():
    assert isinstance(make_segmenter("none", []), NullSegmenter)


def test_the_plugin_offers_kiwi_or_none():
    assert SearchConfig.segmenter.choices == ("kiwi", "none")


@pytest.fixture(scope="module")
def kiwi():
    from devconcepts.search.segment import KiwiSegmenter

    return KiwiSegmenter(["오케스트레이션", "쿠버네티스"])


@pytest.mark.parametrize("word, inner", [
    ("고가용성으로", "가용성으로"),   # prefix 고- : 가용성 starts a word
    ("전자상거래", "상거래"),
    ("API서버에", "서버에"),          # Hangul after Latin
    ("재시작과", "시작과"),
])
def test_kiwi_finds_words_inside_compounds(kiwi, word, inner):
    assert inner in analyze(kiwi, word).suffixes[0]


def test_kiwi_stems_are_nouns_without_particles(kiwi):
    stems = analyze(kiwi, "스케줄러가 컨테이너를 고가용성으로 실행한다").stems
    assert {"스케줄러", "컨테이너", "고가용성", "가용", "실행"} <= stems
    assert not stems & {"스케줄러가", "컨테이너를", "한다"}


def test_kiwi_keeps_term_list_names_whole(kiwi):
    result = analyze(kiwi, "오케스트레이션을 쿠버네티스에서")
    assert "오케스트레이션" in result.stems and "쿠버네티스" in result.stems
    assert not any(s.startswith(("레이", "션", "네티스")) for s in result.suffixes[0])


def test_kiwi_loaded_in_the_background_answers_as_loaded_in_place(kiwi):
    from devconcepts.search.segment import KiwiSegmenter

    early = KiwiSegmenter(["오케스트레이션", "쿠버네티스"])
    early.preload()
    text = "스케줄러가 오케스트레이션을 고가용성으로 전자상거래에서"
    assert analyze(early, text) == analyze(kiwi, text)
    assert early.model_loaded


def test_a_model_that_cannot_load_in_the_background_is_reported_where_it_is_needed(monkeypatch):
    from devconcepts.search.segment import KiwiSegmenter, SegmenterError

    def fail(self):
        raise SegmenterError("no model here")

    monkeypatch.setattr(KiwiSegmenter, "_load", fail)
    segmenter = KiwiSegmenter()
    segmenter.preload()
    with pytest.raises(SegmenterError, match="no model here"):
        analyze(segmenter, "컨테이너를")


def test_kiwi_answers_from_a_process_of_its_own_that_ends_when_closed():
    """The model loads beside the build (kiwi_process.py says why), and the
    process ends with the build instead of outliving it."""
    import os

    from devconcepts.search.kiwi_process import KiwiProcess

    process = KiwiProcess(["쿠버네티스"])
    try:
        assert process.pid != os.getpid()
        tokens = process.tokenize(["쿠버네티스에서", "고가용성으로"])
        assert tokens[0][0] == (0, 5, "NNP")  # the user word, whole
        assert [tag for _, _, tag in tokens[1]][:3] == ["XPN", "NNG", "XSN"]
        assert process.returncode is None
    finally:
        process.close()
    assert process.returncode == 0


def test_kiwi_reports_a_question_it_cannot_answer_and_keeps_answering():
    from devconcepts.search.kiwi_process import KiwiProcess, KiwiProcessError

    process = KiwiProcess([])
    try:
        with pytest.raises(KiwiProcessError, match="could not analyse"):
            process.tokenize([None])
        assert process.tokenize(["준비"])[0]
    finally:
        process.close()
