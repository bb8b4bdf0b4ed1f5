"""Rewriting Material's __config so each page searches its own language's index
through the normalising worker; and the plugin's configuration errors."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from sitekit import DATA
from devconcepts.search import page_config

PAGE = ('<html><body><script id="__config" type="application/json">'
        '{"base": "../..", "features": [], "search": "../../assets/javascripts/workers/search.a7633da7.min.js", '
        '"translations": {"search.result.none": "<없음> & \\u0027끝\\u0027"}}</script></body></html>')


def config_of(html: str) -> dict:
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))


def test_other_language_gets_its_root_as_base():
    config = config_of(page_config.rewrite(PAGE, prefix="en/", worker_version=None))
    assert config["base"] == "../../en/"
    assert config["search"].endswith("workers/search.a7633da7.min.js")


def test_default_language_keeps_base_and_gets_the_worker():
    config = config_of(page_config.rewrite(PAGE, prefix="", worker_version="abc123"))
    assert config["base"] == "../.."
    assert config["search"] == ("../../assets/javascripts/workers/devconcepts-search.js"
                                "?worker=search.a7633da7.min.js&v=abc123")


def test_absolute_base_of_a_404_page():
    page = PAGE.replace('"base": "../.."', '"base": "/project/"')
    assert config_of(page_config.rewrite(page, prefix="en/", worker_version=None))["base"] == "/project/en/"


def test_script_stays_closed_and_text_unchanged():
    html = page_config.rewrite(PAGE, prefix="en/", worker_version="v")
    script = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1)
    assert "<" not in script and ">" not in script and "&" not in script and "'" not in script
    assert config_of(html)["translations"]["search.result.none"] == "<없음> & '끝'"
    assert html.startswith("<html><body>") and html.endswith("</body></html>")


def test_page_without_material_config_is_an_error():
    with pytest.raises(page_config.PageConfigError):
        page_config.rewrite("<html></html>", prefix="", worker_version=None)


def _config(tmp_path, options: str):
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").symlink_to(DATA, target_is_directory=True)
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: t
        theme: {{name: material, language: ko}}
        plugins:
          - search
          - devconcepts-search: {options}
        """), encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    return config, config.plugins["devconcepts-search"]


def test_invalid_separator_names_the_option(tmp_path):
    config, plugin = _config(tmp_path, '{separator: "(", normalize_queries: false}')
    with pytest.raises(PluginError, match="devconcepts-search: separator: not a valid regular expression"):
        plugin.on_config(config)


def test_missing_worker_file_names_the_file(tmp_path):
    config, plugin = _config(tmp_path, "{}")
    with pytest.raises(PluginError, match="devconcepts-search.js"):
        plugin.on_config(config)


def test_needs_material_search(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme: {name: material}\nplugins: [devconcepts-search]\n",
                                         encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError, match="Material's search plugin"):
        config.plugins["devconcepts-search"].on_config(config)
