"""Kiwi's model loads once per user-word list for the whole test session.

Each KiwiSegmenter loads the model on first use (a few seconds), and the
word-cache tests make a fresh segmenter each time to see whether it loads.
They still see that (`model_loaded`); the model object they get is shared."""

from __future__ import annotations

import pytest

from devconcepts.search.segment import KiwiSegmenter

_MODELS: dict[tuple[str, ...], object] = {}
_LOAD = KiwiSegmenter._load


def _shared_load(self: KiwiSegmenter):
    key = tuple(self._user_words)
    if key not in _MODELS:
        _MODELS[key] = _LOAD(self)
    return _MODELS[key]


@pytest.fixture(autouse=True)
def one_kiwi_model(monkeypatch):
    monkeypatch.setattr(KiwiSegmenter, "_load", _shared_load)
