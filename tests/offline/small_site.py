"""A small bilingual site with the offline plugin, built in this process: a
home and one topic page per language, a stylesheet and the registration
script, each carrying an edition number so that two deployments differ; the
site's footer (its offline button and notice) and a download link."""

from __future__ import annotations

import subprocess
from pathlib import Path

from devconcepts_testkit import ROOT, build_in_process

CONFIG = """\
site_name: 오프라인 시험
site_url: {base}
docs_dir: docs
markdown_extensions: [attr_list]
theme:
  name: material
  language: ko
  custom_dir: overrides
  # No web font: the test's pages ask nothing of the internet, whose name
  # lookups can hold a page's `load` for seconds on a closed network.
  font: false
extra_css: [style.css]
extra_javascript: [assets/javascripts/offline.js]
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: ko
          name: 한국어
          default: true
          build: true
        - locale: en
          name: English
          build: true
          site_name: Offline test
          site_description: A test site
  - devconcepts-offline:
      exclude: ["*.apkg"]{options}
"""

PAGES = {"index.md": "# 홈\n\n[주제](a.md)\n\n[덱](deck.apkg){{ download='deck.apkg' }}\n",
         "index.en.md": "# Home\n\n[Topic](a.md)\n\n[Deck](deck.apkg){{ download='deck.apkg' }}\n",
         "a.md": "# 주제\n\n{edition}판 본문.\n", "a.en.md": "# Topic\n\nEdition {edition}.\n"}


def write_site(project: Path, edition: int, base: str, options: str = "") -> None:
    """`options`: the plugin's settings, as indented mkdocs.yml lines."""
    docs = project / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        (docs / name).write_text(text.format(edition=edition), encoding="utf-8")
    (docs / "style.css").write_text(f':root {{ --deployment: "{edition}" }}\n', encoding="utf-8")
    (docs / "deck.apkg").write_bytes(b"deck %d" % edition)
    for name in ("assets/javascripts/offline.js", "partials/footer.html"):
        copy = project / "overrides" / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text((ROOT / "overrides" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (project / "mkdocs.yml").write_text(CONFIG.format(base=base, options=f"\n{options.rstrip()}" if options else ""),
                                        encoding="utf-8")


def build(project: Path, site: Path, edition: int, base: str = "http://127.0.0.1:8000/", *,
          options: str = "", command: str = "build") -> subprocess.CompletedProcess:
    write_site(project, edition, base, options)
    return build_in_process(site, project / "mkdocs.yml", command=command)
