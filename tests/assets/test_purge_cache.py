"""The purge's result is reused only for the same stylesheets and names."""

from __future__ import annotations

from devconcepts.assets import purge_cache
from devconcepts.assets.purge import purge_stylesheets, used_names

CSS = {"main.css": ".md-typeset{color:red}.md-banner{color:blue}"}


def test_a_kept_result_is_what_the_purge_gives(tmp_path):
    used = used_names(['<p class="md-typeset"></p>'], [])
    key = purge_cache.cache_key(CSS, [], used)
    assert purge_cache.load(tmp_path, key) is None
    purged = purge_stylesheets(dict(CSS), used)
    purge_cache.save(tmp_path, key, purged)
    assert purge_cache.load(tmp_path, key) == purged == {"main.css": ".md-typeset{color:red}"}


def test_other_names_or_stylesheets_give_another_key():
    used = used_names(['<p class="md-typeset"></p>'], [])
    more = used_names(['<p class="md-typeset md-banner"></p>'], [])
    key = purge_cache.cache_key(CSS, [], used)
    assert purge_cache.cache_key(CSS, [], more) != key
    assert purge_cache.cache_key({"main.css": CSS["main.css"] + "p{}"}, [], used) != key
    assert purge_cache.cache_key(CSS, [":root{--x:var(--y)}"], used) != key
    assert purge_cache.cache_key(CSS, [], used, ("data-md-color-switching",)) != key
    assert purge_cache.cache_key(CSS, [], used, code="another purge") != key


def test_only_the_latest_result_is_kept(tmp_path):
    purge_cache.save(tmp_path, "a", {"main.css": "a"})
    purge_cache.save(tmp_path, "b", {"main.css": "b"})
    assert [p.name for p in tmp_path.iterdir()] == ["purge-b.json"]
    assert purge_cache.load(tmp_path, "a") is None
