"""What the page sweep's purge check stands on: widening keeps what a
selector needs, and the build's purge did drop selectors to check."""

from __future__ import annotations

from assets.dropped_selectors import dropped, widen


def test_widening_keeps_what_a_selector_needs():
    assert widen(".md-tag:hover>a::before") == ".md-tag:is(*)>a:is(*)"
    assert widen("a:not(.x, :is(.y)) .z") == "a:is(*) .z"


def test_the_purge_dropped_selectors(site):
    # Otherwise the sweep's check would have nothing to check.
    assert len(dropped(site)) > 100
