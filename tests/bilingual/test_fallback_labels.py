"""A page that exists only in Korean is copied into the English build
(static-i18n's fallback). Every label our components print on it comes from
one language, the page's: the study toolbar and the comparison table agree,
and both match the page's `<html lang>`."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bs4 import BeautifulSoup

from devconcepts.core.labels import LABELS
from devconcepts_testkit import build_site
from sitekit import DATA

COMPARISON = """\
/// compare | 사과 vs 배
    subjects: [사과, 배]

+ 둘 다 과일이다.

색
: 빨강
: 노랑
///
"""

CONFIG = """\
site_name: t
docs_dir: docs
theme: {name: material, language: ko}
validation:
  links: {not_found: info, anchors: info, unrecognized_links: info}
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      languages:
        - {locale: ko, name: 한국어, default: true}
        - {locale: en, name: English}
  - devconcepts-compare
  - devconcepts-glossary:
      check_anchors: false
markdown_extensions:
  - devconcepts.compare
  - devconcepts.study
  - devconcepts.glossary
"""

# The label keys the two components print on a page with a comparison.
KEYS = ("compare.aspect", "compare.shared", "study.toggle", "study.reveal")


def labels_on(html: str) -> tuple[str, dict[str, str]]:
    """(the page's <html lang>, {label key: text found})."""
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("figure.compare table")
    toolbar = soup.select_one(".study-toolbar")
    assert table is not None and toolbar is not None, "the page lost its table or its study toolbar"
    return soup.html["lang"], {
        "compare.aspect": table.select_one("thead th").get_text(strip=True),
        "compare.shared": table.select_one("tr.compare__shared th").get_text(strip=True),
        "study.toggle": toolbar.button.get_text(strip=True),
        "study.reveal": toolbar["data-reveal-label"],
    }


def locales_of(found: dict[str, str]) -> set[str]:
    """The locales whose words these are; a text no locale has counts as itself."""
    out = set()
    for key, text in found.items():
        matches = {locale for locale, labels in LABELS.items() if labels[key] == text}
        out |= matches or {f"unknown: {text!r}"}
    return out


def test_every_label_on_a_fallback_page_is_in_the_pages_language(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 홈\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n", encoding="utf-8")
    (docs / "korean-only.md").write_text(f"# 한국어만\n\n{COMPARISON}", encoding="utf-8")
    (tmp_path / "data").symlink_to(DATA, target_is_directory=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent(CONFIG), encoding="utf-8")
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode == 0, result.stderr

    for path, lang in (("korean-only/index.html", "ko"), ("en/korean-only/index.html", "en")):
        html = (tmp_path / "site" / path).read_text(encoding="utf-8")
        page_lang, found = labels_on(html)
        assert page_lang == lang
        assert set(found) == set(KEYS)
        assert locales_of(found) == {lang}, f"{path}: {found}"
    # The fallback copy keeps its Korean text.
    assert "<caption>사과 vs 배</caption>" in (tmp_path / "site" / "en" / "korean-only" / "index.html").read_text(
        encoding="utf-8")


def test_a_language_without_interface_labels_stops_the_build_at_mkdocs_yml(tmp_path: Path):
    # The site's languages come from mkdocs.yml; labels.py must have words for each.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 홈\n", encoding="utf-8")
    (docs / "index.fr.md").write_text("# Accueil\n", encoding="utf-8")
    (tmp_path / "data").symlink_to(DATA, target_is_directory=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.replace("{locale: en, name: English}", "{locale: fr, name: Français}")
                      .replace("plugins:\n", "plugins:\n  - devconcepts-i18n\n", 1), encoding="utf-8")
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert ("mkdocs.yml:1: the site is built in 'fr', which has no interface labels in "
            "src/devconcepts/core/labels.py") in result.stderr, result.stderr
