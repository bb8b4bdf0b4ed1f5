"""Translation drift: each English page records the hash of the Korean page it
translates; a changed Korean page fails the check and names the page to update."""

from __future__ import annotations

import shutil
import subprocess
import sys

from devconcepts_testkit import DOCS, ROOT
from devconcepts.i18n.source_hash import check, recorded_hash, source_hash, translations, with_hash


LOCALES = ("en",)
"""The languages the site translates its Korean pages into."""
CONFIG = """\
site_name: t
docs_dir: docs
theme: {name: material, language: ko}
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: ko, name: 한국어, default: true, build: true}
        - {locale: en, name: English, build: true}
"""


def drift(docs, *args):
    """The command line, run on a site whose mkdocs.yml names `docs` and the languages."""
    config = docs.parent / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "devconcepts.i18n.source_hash", "--config-file", str(config), *args],
                          cwd=ROOT, capture_output=True, text=True)


def test_every_translation_matches_its_korean_page():
    problems = [problem.message(ROOT) for problem in check(DOCS, LOCALES)]
    assert problems == [], "\n".join(problems)


def test_every_english_page_records_its_source():
    pairs = translations(DOCS, LOCALES)
    assert len(pairs) >= 8
    assert all(recorded_hash(english) for _, english in pairs)


def test_changed_korean_page_fails_the_check_naming_the_english_page(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    assert drift(docs, "check").returncode == 0

    with (docs / "oltp.md").open("a", encoding="utf-8") as korean:
        korean.write("\n추가한 문장.\n")
    result = drift(docs, "check")
    assert result.returncode == 1
    assert "docs/oltp.en.md" in result.stdout
    assert "refresh oltp" in result.stdout
    assert "kubernetes-cluster.en.md" not in result.stdout

    english_body = (docs / "oltp.en.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert drift(docs, "refresh", "oltp").returncode == 0
    assert drift(docs, "check").returncode == 0
    assert recorded_hash(docs / "oltp.en.md") == source_hash(docs / "oltp.md")
    assert (docs / "oltp.en.md").read_text(encoding="utf-8").split("---\n", 2)[2] == english_body


def test_refresh_adds_or_replaces_the_record_and_keeps_other_front_matter():
    assert with_hash("# Title\n", "abc") == "---\nsource_hash: abc\n---\n\n# Title\n"
    assert with_hash("---\nhide:\n  - toc\n---\n\n# T\n", "abc") == \
        "---\nhide:\n  - toc\nsource_hash: abc\n---\n\n# T\n"
    assert with_hash("---\nsource_hash: old\n---\n# T\n", "new") == "---\nsource_hash: new\n---\n# T\n"
