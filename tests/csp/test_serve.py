"""`mkdocs serve` writes no policy unless asked (its live-reload script is
inline and differs on every request), but checks the content as a build does."""

from __future__ import annotations

from csp.fixture_site import build_fixture_site
from devconcepts.csp.markup import read


def test_serve_writes_no_policy_but_marks_external_links(tmp_path):
    result = build_fixture_site(tmp_path, command="serve")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert read(page).metas == []
    assert 'href="https://example.org/" rel="noopener"' in page


def test_serve_still_refuses_script_in_content(tmp_path):
    result = build_fixture_site(tmp_path, pages={"index.md": "# T\n\n<a href=\"#\" onclick=\"x()\">a</a>\n"},
                                command="serve")
    assert result.returncode == 1
    assert "docs/index.md:3: an event-handler attribute 'onclick=' on <a>" in result.stderr
