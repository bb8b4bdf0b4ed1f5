"""The upgrade guard: a Material release other than the one the overrides were
written against, or a changed original of a template we copied, fails here
(and only here), naming what to look at."""

from __future__ import annotations

import fnmatch
import re
import shutil

import pytest

from devconcepts_testkit import ROOT, build_in_process
from devconcepts.core import material_internals as internals

OVERRIDES = ROOT / "overrides"
OUR_WORKER = OVERRIDES / internals.WORKER_DIR / "devconcepts-search.js"


def test_installed_material_is_the_release_the_overrides_were_written_against():
    assert internals.installed_version() == internals.MATERIAL_VERSION


def test_every_copied_template_still_matches_materials_original():
    assert internals.upgrade_problems(OVERRIDES) == []


@pytest.fixture
def material_copy(tmp_path):
    """The parts of the installed theme's templates that the guard reads."""
    templates = internals.material_templates()
    copy = tmp_path / "templates"
    originals = [copied.original for copied in internals.COPIED_PARTIALS.values()]
    originals += [original for _, original, _ in internals.PATCHED_MARKUP]
    for original in originals:
        target = copy / original
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates / original, target)
    assert internals.upgrade_problems(OVERRIDES, copy) == []
    return copy


def test_guard_fails_when_a_copied_partials_original_changes(material_copy):
    original = material_copy / "partials" / "footer.html"
    original.write_text(original.read_text(encoding="utf-8").replace("md-footer__link", "md-footer__link md-new"),
                        encoding="utf-8")
    problems = internals.upgrade_problems(OVERRIDES, material_copy)
    assert len(problems) == 1
    assert problems[0].startswith("overrides/partials/footer.html: Material's partials/footer.html changed")


def test_guard_fails_when_a_copied_blocks_original_changes(material_copy):
    base = material_copy / "base.html"
    text = base.read_text(encoding="utf-8")
    block = internals.block_text(text, "site_meta")
    base.write_text(text.replace(block, block.replace("<meta charset", '<meta name="new">\n<meta charset')),
                    encoding="utf-8")
    problems = internals.upgrade_problems(OVERRIDES, material_copy)
    assert problems == ["overrides/partials/site-meta.html: Material's base.html (block site_meta) changed "
                        "since it was copied; carry our change over to the new original"]


def test_guard_ignores_changes_outside_a_copied_block(material_copy):
    base = material_copy / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n{# elsewhere #}\n", encoding="utf-8")
    assert internals.upgrade_problems(OVERRIDES, material_copy) == []


def test_guard_fails_when_a_copied_original_is_gone(material_copy):
    (material_copy / "partials" / "footer.html").unlink()
    problems = internals.upgrade_problems(OVERRIDES, material_copy)
    assert len(problems) == 1 and problems[0].startswith("overrides/partials/footer.html: Material's")


def test_guard_fails_when_markup_a_block_completes_changes(material_copy):
    search = material_copy / "partials" / "search.html"
    search.write_text(search.read_text(encoding="utf-8").replace('role="dialog">', 'role="dialog" hidden>'),
                      encoding="utf-8")
    problems = internals.upgrade_problems(OVERRIDES, material_copy)
    assert len(problems) == 1
    assert problems[0].startswith("overrides/main.html: Material's partials/search.html writes ")
    assert problems[0].endswith(" 0 times, not once; the block's replace would miss or double it")


def test_the_search_dialog_gets_its_name_from_the_header_block(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 홈\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\ntheme: {{name: material, language: ko, custom_dir: {OVERRIDES}}}\n"
                      "plugins: [search, devconcepts-i18n]\n", encoding="utf-8")
    result = build_in_process(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    dialogs = re.findall(r'<div class="md-search" data-md-component="search" role="dialog"[^>]*>', page)
    assert dialogs == ['<div class="md-search" data-md-component="search" role="dialog" aria-label="검색">']


def test_guard_fails_on_another_material_release(material_copy):
    problems = internals.upgrade_problems(OVERRIDES, material_copy, version="9.9.0")
    assert problems == [f"Material 9.9.0 is installed; the overrides and devconcepts.core.material_internals "
                        f"were written against {internals.MATERIAL_VERSION}"]


def test_every_template_that_says_it_is_materials_is_listed_as_a_copy():
    says_copied = {
        path.relative_to(OVERRIDES).as_posix()
        for path in OVERRIDES.rglob("*.html")
        if re.search(r"Material [0-9.]+'s", path.read_text(encoding="utf-8")[:400])
    }
    assert says_copied == set(internals.COPIED_PARTIALS)
    for path in internals.COPIED_PARTIALS:
        assert internals.MATERIAL_VERSION in (OVERRIDES / path).read_text(encoding="utf-8")[:400], path


def _materials_worker() -> str:
    return internals.materials_worker().read_text(encoding="utf-8")


def test_worker_message_numbers_are_materials():
    # The minified dispatcher: `switch(e.type){case SETUP:… return {type:READY}; case QUERY:…{type:RESULT,`
    found = re.search(r"switch\(\w+\.type\)\{case (\d+):.*?\{type:(\d+)\};case (\d+):.*?\{type:(\d+),data:",
                      _materials_worker())
    assert found, "Material's search worker no longer dispatches on message.type as it did"
    setup, ready, query, result = map(int, found.groups())
    assert {"SETUP": setup, "READY": ready, "QUERY": query, "RESULT": result} == internals.WORKER_MESSAGES


def test_materials_worker_exposes_lunr_and_sends_results_as_items():
    worker = _materials_worker()
    assert re.search(rf"self\.{internals.WORKER_LUNR_GLOBAL}=", worker)
    assert f"{{type:{internals.WORKER_MESSAGES['RESULT']},data:{{items:[]}}}}" in worker


def test_lunrs_builder_add_is_the_one_our_worker_replaces():
    import hashlib

    found = internals.LUNR_BUILDER_ADD.search(_materials_worker())
    assert found, "Material's worker no longer carries lunr's Builder.prototype.add as before"
    assert hashlib.sha256(found.group(0).encode("utf-8")).hexdigest()[:16] == internals.LUNR_BUILDER_ADD_DIGEST, (
        "lunr's Builder.add in Material's worker changed: compare it with devconcepts-search.js's `add`, "
        "then record the new digest")


def test_our_worker_uses_the_recorded_message_numbers():
    source = OUR_WORKER.read_text(encoding="utf-8")
    declared = {name: int(value) for name, value in re.findall(r"var (SETUP|READY|QUERY|RESULT) = (\d+)", source)}
    assert declared, f"no message numbers declared in {OUR_WORKER.name}"
    assert declared == {name: internals.WORKER_MESSAGES[name] for name in declared}


def test_stylesheet_patterns_each_match_one_of_materials_stylesheets():
    templates = internals.material_templates()
    names = [path.relative_to(templates).as_posix() for path in (templates / "assets" / "stylesheets").glob("*")]
    for pattern in internals.STYLESHEETS:
        assert len(fnmatch.filter(names, pattern)) == 1, pattern


def test_page_config_is_read_and_written_as_material_does():
    html = '<script id="__config" type="application/json">{"base": ".", "x": "</script>"}</script>'
    match = internals.PAGE_CONFIG.search(html.replace('"</script>"', '"\\u003c/script\\u003e"'))
    assert match and match.group(2) == '{"base": ".", "x": "\\u003c/script\\u003e"}'
    assert internals.dump_page_config({"x": "</a>&'"}) == '{"x": "\\u003c/a\\u003e\\u0026\\u0027"}'


def test_block_text_takes_nested_blocks_whole():
    text = "{% block a %}1{% block b %}2{% endblock %}3{% endblock %}4{% block c %}{% endblock %}"
    assert internals.block_text(text, "a") == "{% block a %}1{% block b %}2{% endblock %}3{% endblock %}"
    assert internals.block_text(text, "b") == "{% block b %}2{% endblock %}"
    with pytest.raises(ValueError):
        internals.block_text(text, "d")


def _materials_bundle() -> str:
    bundles = list(internals.material_templates().glob(internals.BUNDLE))
    assert len(bundles) == 1, bundles
    return bundles[0].read_text(encoding="utf-8")


def test_bundle_still_requests_what_lazy_requests_holds_back():
    # The minified bundle: `new URL("search/search_index.json",CONFIG.base)`,
    # `new URL("sitemap.xml",BASE)` beside `link[rel=alternate]`, and one
    # request function over XMLHttpRequest.
    bundle = _materials_bundle()
    for path in internals.LAZY_REQUESTS.values():
        assert re.search(rf'new URL\("{re.escape(path)}",\w+(\.base)?\)', bundle), path
    assert "link[rel=alternate]" in bundle
    assert bundle.count("new XMLHttpRequest") == 1
    # The worker: started once, then only postMessage and "message" events.
    assert len(re.findall(r"new Worker\(", bundle)) == 1
    assert re.search(r'\(\w+,"message",\w+=>\w+\.data\)', bundle)
    assert "fetch(" not in bundle.replace("Fetch(", "")


def test_lazy_requests_matches_the_paths_recorded():
    script = (OVERRIDES / "partials" / "lazy-requests.html").read_text(encoding="utf-8")
    for path in internals.LAZY_REQUESTS.values():
        assert re.escape("/" + path).replace("/", "\\/") in script, path


def test_guard_fails_when_the_title_the_print_controls_follow_changes(material_copy):
    content = material_copy / "partials" / "content.html"
    content.write_text(content.read_text(encoding="utf-8").replace("</h1>", "</h2>"), encoding="utf-8")
    problems = internals.upgrade_problems(OVERRIDES, material_copy)
    assert problems == ["overrides/main.html: Material's partials/content.html writes '</h1>' 0 times, not once; "
                        "the block's replace would miss or double it"]


def test_bundle_still_changes_html_and_body_as_steady_styles_expects():
    # At its start: `no-js` swapped for `js` and the focus-visible polyfill's
    # class on <html>, and the palette's switching marker on <body>
    # (material_internals.HTML_CLASSES, PALETTE_SWITCHING).
    bundle = _materials_bundle()
    classes = internals.HTML_CLASSES
    assert (f'document.documentElement.classList.remove("{classes["without scripts"]}");'
            f'document.documentElement.classList.add("{classes["with scripts"]}")') in bundle
    assert f'document.documentElement.classList.add("{classes["focus-visible polyfill"]}")' in bundle
    assert f'document.body.setAttribute("{internals.PALETTE_SWITCHING}","")' in bundle
    assert f'document.body.removeAttribute("{internals.PALETTE_SWITCHING}")' in bundle
    palette = next(internals.material_templates().glob(internals.STYLESHEETS[1])).read_text(encoding="utf-8")
    assert f"[{internals.PALETTE_SWITCHING}] *" in palette


def test_steady_styles_makes_the_bundles_changes_to_html():
    script = (OVERRIDES / "partials" / "steady-styles.html").read_text(encoding="utf-8").split("<script>")[1]
    classes = internals.HTML_CLASSES
    assert (f'classList.replace("{classes["without scripts"]}","{classes["with scripts"]}")') in script
    assert f'classList.add("{classes["focus-visible polyfill"]}")' in script
