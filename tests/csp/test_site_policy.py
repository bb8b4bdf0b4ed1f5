"""The policy on every built page of the real site, both languages, the 404
pages and the print books included."""

from __future__ import annotations

import pytest

from devconcepts.csp.links import is_external
from devconcepts.csp.markup import read
from devconcepts.csp.policy import directives, script_hash

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    found = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    for expected in ("index.html", "en/index.html", "404.html", "en/404.html", "print/index.html",
                     "en/print/index.html", "glossary/index.html", "en/glossary/index.html"):
        assert expected in found, f"{expected} is not in the build"
    return found


def test_every_page_has_exactly_one_policy_in_head_before_any_script(pages):
    for name, text in pages.items():
        reading = read(text)
        assert len(reading.metas) == 1, name
        (meta,) = reading.metas
        assert meta.in_head, name
        assert reading.first_script_offset is None or meta.offset < reading.first_script_offset, name


def test_script_src_allows_no_inline_script_or_eval_but_every_inline_script_by_hash(pages):
    for name, text in pages.items():
        reading = read(text)
        policy = directives(reading.metas[0].content)
        scripts = policy["script-src"]
        assert scripts[0] == "'self'", name
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"} & set(scripts), name
        hashes = [script_hash(script.text) for script in reading.inline_scripts]
        # Material's scope script in <head> and its palette script at least.
        assert len(hashes) >= 2, name
        assert set(scripts[1:]) == set(hashes), name
        assert policy["style-src"] == ["'self'"], f"{name}: the site has no <style> element to hash"


def test_every_page_carries_the_same_directives(pages):
    for name, text in pages.items():
        policy = directives(read(text).metas[0].content)
        assert {key: value for key, value in policy.items() if key != "script-src"} == {
            "default-src": ["'self'"], "style-src": ["'self'"], "img-src": ["'self'", "data:"],
            "worker-src": ["'self'"], "connect-src": ["'self'"], "object-src": ["'none'"],
            "base-uri": ["'self'"], "form-action": ["'self'"],
        }, name


def test_no_inline_handler_style_attribute_or_javascript_url(pages):
    for name, text in pages.items():
        assert read(text).inline_code == [], name


def test_the_json_config_block_is_not_hashed(pages):
    text = pages["index.html"]
    assert 'id="__config" type="application/json"' in text
    assert all(not script.text.lstrip().startswith("{") for script in read(text).inline_scripts)


def test_external_links_get_noopener_and_stay_in_the_same_tab(pages, site_build):
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self):
            super().__init__()
            self.external = []

        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if tag == "a" and values.get("href") and is_external(values["href"], site_build.base_url):
                self.external.append(values)

    total, new_tab = 0, set()
    for name, text in pages.items():
        links = Links()
        links.feed(text)
        for values in links.external:
            assert "noopener" in (values.get("rel") or "").split(), (name, values)
            if "target" in values:
                new_tab.add(values["href"])
        total += len(links.external)
    assert total > 50, "the pages cite their sources: expected many external links"
    # No page asks for a new tab; only the theme's own footer credit does.
    assert new_tab == {"https://squidfunk.github.io/mkdocs-material/"}
