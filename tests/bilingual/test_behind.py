"""A translation behind its Korean page: the build warns naming the English
page and its line (so the strict build fails), and under `mkdocs serve` the
English page says so at its top, linking the Korean original."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from devconcepts_testkit import ROOT, build_in_process
from devconcepts.i18n.source_hash import source_hash
from devconcepts.core.labels import label

KOREAN = "# 주제\n\n본문.\n"


def _site(root: Path, *, behind: bool) -> Path:
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 홈\n", encoding="utf-8")
    (docs / "index.en.md").write_text(f"---\nsource_hash: {source_hash(docs / 'index.md')}\n---\n# Home\n",
                                      encoding="utf-8")
    (docs / "topic.md").write_text(KOREAN, encoding="utf-8")
    recorded = source_hash(docs / "topic.md")
    if behind:
        (docs / "topic.md").write_text(KOREAN + "\n추가한 문장.\n", encoding="utf-8")
    (docs / "topic.en.md").write_text(f"---\ntitle: Topic\nsource_hash: {recorded}\n---\n# Topic\n\nBody.\n",
                                      encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(textwrap.dedent("""\
        site_name: t
        theme: {name: material, language: ko}
        plugins:
          - i18n:
              docs_structure: suffix
              languages:
                - {locale: ko, name: 한국어, default: true}
                - {locale: en, name: English}
          - devconcepts-i18n
        """), encoding="utf-8")
    return config


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_strict_build_fails_naming_the_english_page_and_its_record(tmp_path):
    result = build_in_process(tmp_path / "site", _site(tmp_path, behind=True))
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, result.stderr
    assert "docs/topic.en.md:3: translates an older docs/topic.md (recorded " in warnings[0]
    assert "python -m devconcepts.i18n.source_hash refresh topic" in result.stderr
    assert "index.en.md" not in result.stderr


def test_up_to_date_translations_build(tmp_path):
    result = build_in_process(tmp_path / "site", _site(tmp_path, behind=False))
    assert result.returncode == 0, result.stderr


def test_serve_marks_the_english_page_and_links_the_korean_original(tmp_path):
    site = tmp_path / "site"
    result = build_in_process(site, _site(tmp_path, behind=True), strict=False, command="serve")
    assert result.returncode == 0, result.stderr
    assert "docs/topic.en.md:3: translates an older" in result.stderr

    notice = _page(site, "en/topic").select("article .translation-behind")
    assert len(notice) == 1
    notice = notice[0]
    assert notice.name == "aside" and notice.get("role") == "note"
    assert "admonition" in notice["class"] and notice.has_attr("data-search-exclude")
    assert notice.select_one(".admonition-title").get_text() == label("translation.behind.title", "en")
    assert label("translation.behind.text", "en") in notice.get_text()
    link = notice.select_one("a")
    assert link.get_text() == label("translation.behind.link", "en")
    assert link["href"] == "../../topic/" and link["hreflang"] == "ko"
    assert (site / "en" / "topic" / link["href"] / "index.html").resolve() == (site / "topic" / "index.html")
    # Right after the title, before the page's own text.
    assert notice.find_previous_sibling().name == "h1"

    assert not _page(site, "topic").select(".translation-behind")
    assert not _page(site, "en").select(".translation-behind")


def test_a_plain_build_never_shows_the_notice(tmp_path):
    site = tmp_path / "site"
    result = build_in_process(site, _site(tmp_path, behind=True), strict=False)
    assert result.returncode == 0, result.stderr
    assert not _page(site, "en/topic").select(".translation-behind")


def test_scripts_serve_is_not_strict_and_builds_are():
    serve = (ROOT / "scripts" / "serve").read_text(encoding="utf-8")
    assert "mkdocs serve --no-strict" in serve
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert yaml.safe_load("\n".join(line for line in config.splitlines() if line.startswith("strict:")))["strict"]
