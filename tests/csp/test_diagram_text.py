"""A diagram's texts are drawn as SVG text, escaped: markup in a label shows
as characters, through Markdown's whole pipeline. (The build refuses such a
label first, at its line; this is the second line of defence.)"""

from __future__ import annotations

import markdown
import yaml

from devconcepts.csp.markup import read
from devconcepts.diagrams.extension import DiagramExtension
from sitekit import DIAGRAMS_DIR

LABELS = {"ko": "<img src=x onerror=alert(1)>", "en": "<script>alert(2)</script>"}


def test_markup_in_diagram_labels_is_drawn_as_text(tmp_path):
    spec = yaml.safe_load((DIAGRAMS_DIR / "kubernetes-cluster.yml").read_text(encoding="utf-8"))
    spec["nodes"][0]["label"] = LABELS
    (tmp_path / "x.yml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    for locale, label in LABELS.items():
        md = markdown.Markdown(extensions=[DiagramExtension(diagrams_dir=str(tmp_path), locale=locale)])
        html = md.convert("/// diagram | x\n///\n")
        assert "<svg" in html
        assert read(html).findings == [], locale
        assert label.replace("<", "&lt;").replace(">", "&gt;") in html
