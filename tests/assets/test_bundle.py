"""devconcepts-assets: pages load one minified stylesheet and one minified
script made from extra_css and extra_javascript, in order."""

from pathlib import Path

from bs4 import BeautifulSoup

from devconcepts.assets.bundle import bundle_css, bundle_js, committed_script
from devconcepts.core.committed import sources_digest
from devconcepts.core.material_internals import PALETTE_SWITCHING
from assets.small_site import build_small_site
from devconcepts_testkit import ROOT, read_config


def _listed(option):
    # The real config's lists, as authors write them.
    return read_config(ROOT / "mkdocs.yml")[option]


def test_pages_link_only_the_bundles(site):
    for path, extra in ((site / "index.html", []), (site / "en" / "kubernetes-cluster" / "index.html", []),
                        (site / "review" / "index.html", ["review.css"])):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        # Material's stylesheets are in ours (join_material); the review
        # page's own comes after it.
        css = [Path(link["href"]).name for link in soup.find_all("link", rel="stylesheet")]
        ours_js = [s["src"] for s in soup.find_all("script", src=True) if "/bundle." not in s["src"]]
        assert css == ["devconcepts.min.css", *extra]
        assert [Path(s).name for s in ours_js if Path(s).name != "review.js"] == ["devconcepts.min.js"]


def test_bundles_hold_every_listed_file_in_order(site):
    overrides = ROOT / "overrides"
    css = [overrides / p for p in _listed("extra_css")]
    js = [overrides / p for p in _listed("extra_javascript")]
    assert len(css) > 1 and len(js) > 1
    # After Material's stylesheets, purged (test_join_material.py).
    assert (site / "assets/stylesheets/devconcepts.min.css").read_text(encoding="utf-8").endswith(bundle_css(css))
    # The script is the committed one (scripts/build-bundles.mjs site-scripts),
    # made from these sources as they are now.
    committed = (overrides / "assets/javascripts/devconcepts.min.js").read_text(encoding="utf-8")
    assert (site / "assets/javascripts/devconcepts.min.js").read_text(encoding="utf-8") == committed
    assert committed_script(committed, list(zip(_listed("extra_javascript"), js))) == committed
    assert len(committed.encode("utf-8")) < len(bundle_js(js).encode("utf-8"))


def test_bundle_is_smaller_than_its_sources():
    css = [ROOT / "overrides" / p for p in _listed("extra_css")]
    assert len(bundle_css(css)) < sum(len(p.read_text(encoding="utf-8")) for p in css)


def test_missing_asset_fails_the_build_naming_it(tmp_path):
    result = build_small_site(tmp_path, "theme: {name: material}\n"
                                        "extra_css: [assets/missing.css]\nplugins: [devconcepts-assets]\n")
    assert result.returncode != 0
    assert "extra_css: 'assets/missing.css' is in none of" in result.stderr


def test_a_committed_script_is_used_while_its_sources_are_unchanged(tmp_path):
    source = tmp_path / "a.js"
    source.write_text("var one = 1\n", encoding="utf-8")
    sources = [("assets/a.js", source)]
    text = f"/*sources {sources_digest([('assets/a.js', source.read_bytes())])}: node scripts/build-bundles.mjs site-scripts*/\nvar o=1;\n"
    assert committed_script(text, sources) == text
    source.write_text("var one = 2\n", encoding="utf-8")
    assert committed_script(text, sources) is None
    assert committed_script("var o=1;\n", sources) is None


def test_a_stale_committed_script_fails_the_strict_build_naming_the_command(tmp_path):
    scripts = tmp_path / "overrides" / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "a.js").write_text("var one = 1\n", encoding="utf-8")
    (scripts / "devconcepts.min.js").write_text(
        "/*sources 0000000000000000: node scripts/build-bundles.mjs site-scripts*/\nvar o=1;\n", encoding="utf-8")
    result = build_small_site(tmp_path, f"theme: {{name: material, custom_dir: {tmp_path / 'overrides'}}}\n"
                                        "extra_javascript: [assets/javascripts/a.js]\n"
                                        "plugins: [devconcepts-assets]\n")
    assert result.returncode != 0
    assert ("devconcepts.min.js:1: not made from the scripts of extra_javascript as they are now: "
            "run `node scripts/build-bundles.mjs site-scripts`") in result.stderr


def test_the_bundle_has_no_rule_for_the_palettes_switching_marker(site):
    # Material's palette sets it on <body> at every page's start; a rule for
    # it restyles every element twice (material_internals.PALETTE_SWITCHING).
    css = (site / "assets" / "stylesheets" / "devconcepts.min.css").read_text(encoding="utf-8")
    assert PALETTE_SWITCHING not in css
    assert "[data-md-color-scheme=slate]" in css
