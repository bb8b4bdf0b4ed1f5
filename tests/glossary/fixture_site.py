"""A tiny MkDocs site with the glossary extension and plugin, for what the
real pages do not (or must not) contain: particle-glued first uses, terms in
headings, code and links, and unknown term references.

It uses the real term list, theme and assets. Its glossary entries link to
pages of the real site that this one does not have, so unresolved links are
reported at info level here (the real site's strict build checks them).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from devconcepts_testkit import ROOT
from sitekit import DATA

ASSETS = ROOT / "overrides" / "assets"

CONFIG = """\
site_name: 용어 시험 사이트
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: ko
  font: false
extra_css:
  - assets/stylesheets/glossary.css
extra_javascript:
  - assets/javascripts/glossary.js
validation:
  links:
    not_found: info
    anchors: info
plugins:
  - devconcepts-glossary:
      check_anchors: false
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - pymdownx.details
  - pymdownx.superfences
  - devconcepts.glossary
"""

GLOSSARY = "# 용어집\n\n/// glossary\n///\n"


def write_site(directory: Path, pages: dict[str, str]) -> Path:
    """Write the fixture site's sources (plus the glossary page) and return its mkdocs.yml."""
    docs = directory / "docs"
    (docs / "assets" / "stylesheets").mkdir(parents=True)
    (docs / "assets" / "javascripts").mkdir(parents=True)
    shutil.copy(ASSETS / "stylesheets" / "glossary.css", docs / "assets" / "stylesheets")
    shutil.copy(ASSETS / "javascripts" / "glossary.js", docs / "assets" / "javascripts")
    (docs / "glossary.md").write_text(GLOSSARY, encoding="utf-8")
    for name, text in pages.items():
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    # The real term list, where devconcepts-glossary looks for it: data/ beside mkdocs.yml.
    (directory / "data").symlink_to(DATA, target_is_directory=True)
    config = directory / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def own_term_list(directory: Path, terms: str) -> Path:
    """The site at `directory` gets a term list of its own instead of the
    real one: data/terms.yml beside mkdocs.yml, the one place the glossary,
    the tooltips and search read it from."""
    data = directory / "data"
    data.unlink()
    data.mkdir()
    path = data / "terms.yml"
    path.write_text(terms, encoding="utf-8")
    return path
