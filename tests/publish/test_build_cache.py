"""Results kept between builds (cache_files.Memo): a result is reused only for
the same input and the same code, and the file keeps only what the last
build used."""

from __future__ import annotations

import json

from devconcepts.core.cache_files import Memo, text_key


def test_a_kept_result_is_reused_for_the_same_input(tmp_path):
    calls = []
    first = Memo(tmp_path, "results", "v1")
    assert first.get(text_key("page"), lambda: calls.append(1) or "computed") == "computed"
    first.save()
    again = Memo(tmp_path, "results", "v1")
    assert again.get(text_key("page"), lambda: calls.append(2) or "other") == "computed"
    assert calls == [1]


def test_another_input_or_another_code_version_computes_anew(tmp_path):
    memo = Memo(tmp_path, "results", "v1")
    memo.get(text_key("page"), lambda: "old")
    memo.save()
    assert Memo(tmp_path, "results", "v1").get(text_key("page", "changed"), lambda: "new") == "new"
    assert Memo(tmp_path, "results", "v2").get(text_key("page"), lambda: "new") == "new"


def test_the_file_keeps_this_uses_results_then_earlier_ones_up_to_as_many_again(tmp_path, monkeypatch):
    monkeypatch.setattr(Memo, "KEEP_AT_LEAST", 1)
    for round_ in range(4):
        memo = Memo(tmp_path, "results", "v1")
        memo.get(f"key{round_}", lambda: round_)
        memo.save()
    # Each language's build saves its own result; the other's stays.
    assert json.loads((tmp_path / "results.json").read_text())["results"] == {"key3": 3, "key2": 2}


def test_two_uses_in_one_build_keep_each_others_results(tmp_path):
    for language in ("en", "ko", "en"):
        memo = Memo(tmp_path, "results", "v1")
        memo.get(language, lambda: language.upper())
        memo.save()
    kept = Memo(tmp_path, "results", "v1")
    assert kept.get("ko", lambda: "computed again") == "KO"
    assert kept.get("en", lambda: "computed again") == "EN"


def test_a_broken_file_is_ignored(tmp_path):
    (tmp_path / "results.json").write_text("{not json", encoding="utf-8")
    assert Memo(tmp_path, "results", "v1").get("a", lambda: "computed") == "computed"


def test_text_key_tells_the_parts_apart():
    assert text_key("ab", "c") != text_key("a", "bc")
