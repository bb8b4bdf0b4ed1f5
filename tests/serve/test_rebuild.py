"""Two builds in one process, as `mkdocs serve` rebuilds: an edit of the term
list or of a diagram between them shows in the second, so nothing read from
data/ is kept for the whole process. (test_reload.py checks the same through
a real `mkdocs serve`, with the file watching.)"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import yaml

from devconcepts_testkit import build_in_process
from sitekit import DATA

CONFIG = """\
site_name: t
theme: {name: material, language: ko}
validation: {links: {not_found: info, anchors: info}}
plugins:
  - devconcepts-glossary:
      check_anchors: false
  - devconcepts-diagrams
markdown_extensions:
  - attr_list
  - toc
  - devconcepts.glossary
  - devconcepts.diagram
"""


def _site(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 홈\n", encoding="utf-8")
    (docs / "glossary.md").write_text("# 용어집\n\n/// glossary\n///\n", encoding="utf-8")
    (docs / "cluster.md").write_text(textwrap.dedent("""\
        # 클러스터

        /// diagram | kubernetes-cluster
        ///
        """), encoding="utf-8")
    shutil.copytree(DATA, root / "data")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


def _rebuilt_with(root: Path, path: Path, old: str, new: str, page: str) -> str:
    config, site = root / "mkdocs.yml", root / "site"
    first = build_in_process(site, config, strict=False, command="serve")
    assert first.returncode == 0, first.stderr
    assert new not in (site / page).read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    second = build_in_process(site, config, strict=False, command="serve")
    assert second.returncode == 0, second.stderr
    return (site / page).read_text(encoding="utf-8")


def test_an_edited_definition_shows_on_the_next_build(tmp_path):
    _site(tmp_path)
    terms = tmp_path / "data" / "terms.yml"
    definition = yaml.safe_load(terms.read_text(encoding="utf-8"))[0]["definitions"]["ko"].strip()
    page = _rebuilt_with(tmp_path, terms, f"ko: {definition}\n", f"ko: rebuilt-definition-mark {definition}\n",
                         "glossary/index.html")
    assert "rebuilt-definition-mark" in page


def test_an_edited_diagram_label_shows_on_the_next_build(tmp_path):
    _site(tmp_path)
    diagram = tmp_path / "data" / "diagrams" / "kubernetes-cluster.yml"
    node = yaml.safe_load(diagram.read_text(encoding="utf-8"))["nodes"][0]
    page = _rebuilt_with(tmp_path, diagram, f"label: {{ko: [{node['label']['ko'][0]},",
                         "label: {ko: [rebuilt-label-mark,", "cluster/index.html")
    assert "rebuilt-label-mark" in page
