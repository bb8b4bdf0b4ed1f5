"""The plugins hand their state to their Markdown extensions the way
mkdocs-autorefs does: each plugin puts one instance of its extension, made
with a reference to itself, into `markdown_extensions`, and the extension
asks the plugin about the page being converted. Nothing rewrites
`mdx_configs` between pages."""

from __future__ import annotations

import os

from mkdocs.commands.build import build
from mkdocs.config import load_config

from devconcepts.compare.extension import CompareExtension
from devconcepts.compare.study import StudyModeExtension
from devconcepts.glossary.extension import GlossaryExtension
from devconcepts_testkit import build_site
from sitekit import DATA

from .sites import write_site

KO = "# 주제\n\n/// compare | 사과 vs 배\n    subjects: [사과, 배]\n\n색\n: 빨강\n: 노랑\n///\n"
EN = "# Topic\n\n/// compare | Apple vs Pear\n    subjects: [Apple, Pear]\n\nColour\n: red\n: yellow\n///\n"


def test_each_extension_is_its_plugins_one_instance_in_both_languages(tmp_path):
    config_file = write_site(tmp_path, {"topic.md": KO, "topic.en.md": EN},
                             plugin="- devconcepts-compare\n- devconcepts-glossary:\n    check_anchors: false",
                             extensions="- devconcepts.compare\n- devconcepts.study\n"
                                        "- devconcepts.glossary:\n    autolink: false")
    (tmp_path / "data").symlink_to(DATA, target_is_directory=True)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True)
    build(config)  # static-i18n runs on_config again for English on this config

    compare_plugin, glossary_plugin = config.plugins["devconcepts-compare"], config.plugins["devconcepts-glossary"]
    extensions = config.markdown_extensions
    for kind, owner in ((CompareExtension, compare_plugin), (StudyModeExtension, compare_plugin),
                        (GlossaryExtension, glossary_plugin)):
        instances = [entry for entry in extensions if isinstance(entry, kind)]
        assert len(instances) == 1 and instances[0].plugin is owner
    assert not {"devconcepts.compare", "devconcepts.study", "devconcepts.glossary"} & {
        entry for entry in extensions if isinstance(entry, str)}
    # The listing's options went to the instance; nothing per page is left behind.
    glossary = next(entry for entry in extensions if isinstance(entry, GlossaryExtension))
    assert glossary.getConfig("autolink") is False
    assert not {"devconcepts.compare", "devconcepts.study", "devconcepts.glossary"} & set(config.mdx_configs)

    site = tmp_path / "site"
    korean = (site / "topic" / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "topic" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">구분</th>' in korean and "가리고 외우기" in korean
    assert '<th scope="col">Aspect</th>' in english and "Recall mode" in english


def test_an_error_found_while_converting_names_the_page_and_line(tmp_path):
    # Inside raw HTML the block is read but never rendered; only the
    # extension can tell, in the middle of converting the page.
    page = "---\ntitle: Topic\n---\n\n<div>\n/// compare | A vs B\n    subjects: [A, B]\n\nSpeed\n: fast\n: slow\n///\n</div>\n"
    result = build_site(tmp_path / "site", config=write_site(tmp_path, {"topic.md": page, "topic.en.md": "# T\n"}))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert any(line.endswith("docs/topic.md:6: comparison 'A vs B' was not rendered: Markdown read it as code or raw "
                             "HTML. Start the block at the beginning of a line, or indent it only inside a list "
                             "item or admonition") for line in result.stderr.splitlines()), result.stderr
