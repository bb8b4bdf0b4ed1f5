"""devconcepts-assets: pages load one minified stylesheet and one minified
script made from extra_css and extra_javascript, in order."""

from pathlib import Path

from bs4 import BeautifulSoup

from devconcepts.assets.bundle import bundle_css, bundle_js
from assets.small_site import build_small_site
from devconcepts_testkit import ROOT, read_config


def _listed(option):
    # The real config's lists, as authors write them.
    return read_config(ROOT / "mkdocs.yml")[option]


def test_pages_link_only_the_bundles(site):
    for path in (site / "index.html", site / "en" / "kubernetes-cluster" / "index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ours_css = [l["href"] for l in soup.find_all("link", rel="stylesheet") if "/main." not in l["href"] and "/palette." not in l["href"]]
        ours_js = [s["src"] for s in soup.find_all("script", src=True) if "/bundle." not in s["src"]]
        assert [Path(h).name for h in ours_css] == ["devconcepts.min.css"]
        assert [Path(s).name for s in ours_js] == ["devconcepts.min.js"]


def test_bundles_hold_every_listed_file_in_order(site):
    overrides = ROOT / "overrides"
    css = [overrides / p for p in _listed("extra_css")]
    js = [overrides / p for p in _listed("extra_javascript")]
    assert len(css) > 1 and len(js) > 1
    assert (site / "assets/stylesheets/devconcepts.min.css").read_text(encoding="utf-8") == bundle_css(css)
    assert (site / "assets/javascripts/devconcepts.min.js").read_text(encoding="utf-8") == bundle_js(js)


def test_bundle_is_smaller_than_its_sources():
    css = [ROOT / "overrides" / p for p in _listed("extra_css")]
    assert len(bundle_css(css)) < sum(len(p.read_text(encoding="utf-8")) for p in css)


def test_missing_asset_fails_the_build_naming_it(tmp_path):
    result = build_small_site(tmp_path, "theme: {name: material}\n"
                                        "extra_css: [assets/missing.css]\nplugins: [devconcepts-assets]\n")
    assert result.returncode != 0
    assert "extra_css: 'assets/missing.css' is in none of" in result.stderr
