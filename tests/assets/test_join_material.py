"""devconcepts-assets joins Material's stylesheets into the site's bundle,
before the site's own: a page links one stylesheet, and Material's files are
not shipped. Off, pages link Material's files as Material writes them."""

from __future__ import annotations

import shutil

from bs4 import BeautifulSoup

from assets.small_site import build_small_site
from devconcepts.assets.bundle import bundle_css
from devconcepts.core.material_internals import material_templates
from devconcepts_testkit import ROOT

CSS = "body { color: red; }\n"


def _build(tmp_path, options: str, *, partial: bool = True):
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "extra.css").write_text(CSS, encoding="utf-8")
    if partial:
        shutil.copyfile(ROOT / "overrides" / "partials" / "styles.html", overrides / "partials" / "styles.html")
        (overrides / "main.html").write_text('{% extends "base.html" %}\n'
                                            '{% block styles %}{% include "partials/styles.html" %}{% endblock %}\n',
                                            encoding="utf-8")
    return build_small_site(tmp_path, f"theme: {{name: material, custom_dir: {overrides}, "
                                      f"palette: {{scheme: default}}, font: false}}\nextra_css: [extra.css]\n"
                                      f"plugins: [{{devconcepts-assets: {{{options}}}}}]\n")


def _stylesheets(tmp_path) -> list[str]:
    soup = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [link["href"] for link in soup.find_all("link", rel="stylesheet")]


def _material(name: str) -> str:
    return next(material_templates().glob(f"assets/stylesheets/{name}.*.min.css")).read_text(encoding="utf-8")


def test_a_page_links_one_stylesheet_that_holds_materials_then_the_sites(tmp_path):
    result = _build(tmp_path, "purge: []")
    assert result.returncode == 0, result.stderr
    assert _stylesheets(tmp_path) == ["assets/stylesheets/devconcepts.min.css"]
    bundle = (tmp_path / "site" / "assets" / "stylesheets" / "devconcepts.min.css").read_text(encoding="utf-8")
    expected = [_material("main"), _material("palette")]
    assert bundle == "".join(text.rstrip("\n") + "\n" for text in expected) + bundle_css([tmp_path / "overrides" / "extra.css"])
    shipped = sorted(path.name for path in (tmp_path / "site" / "assets" / "stylesheets").iterdir())
    assert shipped == ["devconcepts.min.css"]


def test_the_purge_rewrites_materials_part_of_the_bundle(tmp_path):
    result = _build(tmp_path, "components_off: [md-tooltip]")
    assert result.returncode == 0, result.stderr
    bundle = (tmp_path / "site" / "assets" / "stylesheets" / "devconcepts.min.css").read_text(encoding="utf-8")
    ours = bundle_css([tmp_path / "overrides" / "extra.css"])
    assert bundle.endswith(ours)
    material = bundle[:-len(ours)]
    assert ".md-typeset" in material and ".md-tooltip" not in material
    assert len(material) < len(_material("main")) + len(_material("palette"))


def test_off_pages_link_materials_stylesheets_before_the_bundle(tmp_path):
    result = _build(tmp_path, "join_material: false")
    assert result.returncode == 0, result.stderr
    links = _stylesheets(tmp_path)
    assert [link.split("/")[-1].split(".")[0] for link in links] == ["main", "palette", "devconcepts"]
    for link in links:
        assert (tmp_path / "site" / link).is_file()


def test_joining_without_the_styles_partial_fails_the_build_saying_why(tmp_path):
    result = _build(tmp_path, "", partial=False)
    assert result.returncode != 0
    assert ("devconcepts-assets: join_material: needs partials/styles.html in the theme's custom_dir"
            in result.stderr)
