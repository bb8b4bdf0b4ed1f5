"""`components_off` names only components the purge knows, and a setting
that turns one on fails the build, naming the setting."""

from __future__ import annotations

import pytest

from assets.small_site import build_small_site


def _build(tmp_path, *, features: str = "[]", extra: str = "", off: str = "[md-tooltip]"):
    return build_small_site(tmp_path, f"theme: {{name: material, features: {features}}}\n{extra}"
                                      f"plugins: [{{devconcepts-assets: {{components_off: {off}}}}}]\n")


def test_a_site_without_the_component_builds_and_drops_its_rules(tmp_path):
    result = _build(tmp_path)
    assert result.returncode == 0, result.stderr
    css = next((tmp_path / "site" / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert ".md-tooltip" not in css and ".md-typeset" in css


@pytest.mark.parametrize("features, extra, off, setting", [
    ("[content.tooltips]", "", "[md-tooltip]", "theme.features: content.tooltips"),
    ("[]", "repo_url: https://example.org/repo\n", "[md-source]", "repo_url"),
    ("[]", "markdown_extensions: [pymdownx.tabbed]\n", "[tabbed-]", "markdown_extensions: pymdownx.tabbed"),
])
def test_a_setting_that_turns_the_component_on_fails_the_build(tmp_path, features, extra, off, setting):
    result = _build(tmp_path, features=features, extra=extra, off=off)
    assert result.returncode != 0
    assert f"is listed as off, but {setting} turns it on" in result.stderr


def test_an_unknown_component_fails_the_build(tmp_path):
    result = _build(tmp_path, off="[md-banner]")
    assert result.returncode != 0
    assert "'md-banner' is not a component the purge knows" in result.stderr
