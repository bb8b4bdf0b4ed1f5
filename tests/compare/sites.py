"""Tiny MkDocs sites in a temporary directory, built the way CI builds."""

from __future__ import annotations

import textwrap
from pathlib import Path

from devconcepts_testkit import build_site

HOME = {"index.md": "# 홈\n", "index.en.md": "# Home\n"}


def write_site(root: Path, pages: dict[str, str], *, theme: str = "material", plugin: str = "- devconcepts-compare",
               extensions: str = "- devconcepts.compare") -> Path:
    """Write `pages` (docs-relative path -> Markdown) plus a home page per
    language and a bilingual mkdocs.yml; return the config file."""
    docs = root / "docs"
    for name, text in {**HOME, **pages}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: t\n"
        f"docs_dir: {docs}\n"
        f"theme: {{name: {theme}, language: ko}}\n"
        "plugins:\n"
        "  - i18n:\n"
        "      docs_structure: suffix\n"
        "      fallback_to_default: true\n"
        "      languages:\n"
        "        - {locale: ko, name: 한국어, default: true}\n"
        "        - {locale: en, name: English}\n"
        f"{textwrap.indent(plugin, '  ')}\n"
        "markdown_extensions:\n"
        f"{textwrap.indent(extensions, '  ')}\n",
        encoding="utf-8",
    )
    return config


def build(root: Path, pages: dict[str, str], **options):
    """Write and build a site with `mkdocs build --strict`; returns the finished process."""
    config = write_site(root, pages, **options)
    return build_site(root / "site", config=config)
