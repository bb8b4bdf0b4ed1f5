"""The strict build passes with no warning at all."""

from devconcepts_testkit import build_site


def test_strict_build_has_no_warnings(site_build):
    result = site_build.result
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    assert warnings == []


def test_missing_translation_fails_the_strict_build(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 홈\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n", encoding="utf-8")
    (docs / "topic.md").write_text("# 주제\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\n"
        f"docs_dir: {docs}\n"
        "theme: {name: material, language: ko}\n"
        "plugins:\n"
        "  - i18n:\n"
        "      docs_structure: suffix\n"
        "      languages:\n"
        "        - {locale: ko, name: 한국어, default: true}\n"
        "        - {locale: en, name: English}\n"
        "  - devconcepts-i18n\n",
        encoding="utf-8",
    )
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "docs/topic.md:1: no 'en' translation (expected topic.en.md)" in result.stderr
