"""The build step on small sites: a script that appears or changes after the
policy was written fails the build, and so does script in the content, at
its file and line."""

from __future__ import annotations

from csp.fixture_site import build_fixture_site
from devconcepts.csp.markup import read
from devconcepts.csp.policy import directives, script_hash


def test_a_clean_site_gets_a_policy_that_allows_its_own_scripts(tmp_path):
    result = build_fixture_site(tmp_path)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "404.html"):
        reading = read((tmp_path / "site" / page).read_text(encoding="utf-8"))
        (meta,) = reading.metas
        allowed = directives(meta.content)["script-src"]
        assert reading.inline_scripts and all(script_hash(s.text) in allowed for s in reading.inline_scripts)
    assert 'href="https://example.org/" rel="noopener"' in (tmp_path / "site" / "index.html").read_text()


def _late_script(script: str) -> str:
    """Hooks that add `script` to index.html after devconcepts-csp writes the
    policies (-400), before it checks them."""
    return f"""
        from pathlib import Path
        from mkdocs.plugins import event_priority

        @event_priority(-500)
        def on_post_build(config):
            page = Path(config.site_dir) / "index.html"
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("</body>", {script!r} + "</body>"), encoding="utf-8")
        """


def test_an_inline_script_added_after_hashing_fails_the_build(tmp_path):
    result = build_fixture_site(tmp_path, hooks=_late_script("<script>alert('late')</script>"))
    assert result.returncode != 0
    assert "index.html: line" in result.stderr
    assert f"inline script {script_hash(chr(39).join(['alert(', 'late', ')']))} is not in the policy" in result.stderr


def test_an_inline_script_changed_after_hashing_fails_the_build(tmp_path):
    result = build_fixture_site(tmp_path, hooks="""
        from pathlib import Path
        from mkdocs.plugins import event_priority

        @event_priority(-500)
        def on_post_build(config):
            page = Path(config.site_dir) / "404.html"
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("__md_scope=", "__md_scope=window.x||", 1), encoding="utf-8")
        """)
    assert result.returncode != 0
    assert "404.html: line" in result.stderr and "is not in the policy" in result.stderr


def test_a_script_a_plugin_wrote_before_hashing_is_allowed(tmp_path):
    # The theme's and the plugins' scripts are hashed from the final HTML,
    # whatever wrote them, as long as it ran before the policy was written.
    result = build_fixture_site(tmp_path, hooks="""
        def on_post_page(output, page, config):
            return output.replace("</body>", "<script>window.fromPlugin=1</script></body>")
        """)
    assert result.returncode == 0, result.stderr
    (meta,) = read((tmp_path / "site" / "index.html").read_text(encoding="utf-8")).metas
    assert script_hash("window.fromPlugin=1") in meta.content


def test_a_script_in_a_page_fails_the_build_at_its_line(tmp_path):
    result = build_fixture_site(tmp_path, pages={
        "index.md": "# 제목\n\n본문.\n",
        "topic.md": "---\ntitle: t\n---\n\n# T\n\n```html\n<script>shown()</script>\n```\n\n<script>alert(1)</script>\n\n"
                    "<img src=x\n     onerror=\"alert(2)\">\n",
    })
    assert result.returncode != 0
    assert "docs/topic.md:11: a <script> element: " in result.stderr
    assert "docs/topic.md:14: an event-handler attribute 'onerror=' on <img>: " in result.stderr
    assert "topic.md:8:" not in result.stderr


def test_a_script_in_the_term_list_or_a_diagram_fails_the_build_at_its_line(tmp_path):
    result = build_fixture_site(tmp_path, data={
        "terms.yml": "- id: x\n  names: {ko: 엑스, en: X}\n  definitions:\n    ko: '<img src=x onerror=alert(1)>'\n",
        "diagrams/cluster.yml": "id: d\ntitle:\n  ko: 제목\n  en: <svg onload=alert(1)>\n",
    })
    assert result.returncode != 0
    assert "data/terms.yml:4: an event-handler attribute 'onerror=' on <img>" in result.stderr
    assert "data/diagrams/cluster.yml:4: an event-handler attribute 'onload=' on <svg>" in result.stderr


def test_a_script_an_extension_writes_into_a_page_fails_the_build(tmp_path):
    result = build_fixture_site(tmp_path, hooks="""
        def on_page_content(html, page, config, files):
            return html + '<p><a href="javascript:alert(1)">x</a></p>'
        """)
    assert result.returncode != 0
    assert "docs/index.md:1: the page's HTML has a javascript: URL in href= on <a>" in result.stderr


def test_a_script_in_an_html_or_svg_file_copied_from_docs_fails_the_build(tmp_path):
    # Never hashed: a page copied as it is would otherwise get a policy that
    # allows its own scripts.
    result = build_fixture_site(tmp_path, pages={
        "index.md": "# T\n",
        "extra/page.html": "<html><head></head><body>\n<script>alert(1)</script>\n</body></html>\n",
        "images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n\n<script>alert(2)</script></svg>\n',
    })
    assert result.returncode == 1
    assert "docs/extra/page.html:2: a <script> element" in result.stderr
    assert "docs/images/logo.svg:3: a <script> element" in result.stderr


def test_a_second_build_reuses_each_pages_result_and_still_checks_late_scripts(tmp_path):
    first = build_fixture_site(tmp_path)
    assert first.returncode == 0, first.stderr
    kept = tmp_path / ".cache" / "devconcepts" / "csp" / "pages.json"
    assert kept.is_file()
    pages = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*.html")}
    again = build_fixture_site(tmp_path)
    assert again.returncode == 0, again.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "site").rglob("*.html")} == pages
    late = build_fixture_site(tmp_path, hooks=_late_script("<script>alert(1)</script>"))
    assert late.returncode != 0
    assert "is not in the policy" in late.stderr
