"""The build's order lives in devconcepts.core.stages: every event_priority
of the site's plugins names a stage there, and no comment quotes a plugin's
priority number."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from devconcepts.core import stages

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "devconcepts"
QUOTED_PRIORITY = re.compile(r"\(-?\d+\)|priority -?\d+|at -\d+")
"""How a comment quotes a priority: "static-i18n (-100)", "priority 50", "at -300"."""


def priority_problems(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        shown = f"src/devconcepts/{path.relative_to(package).as_posix()}"
        text = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(text)):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "event_priority"
                    and not (node.args and isinstance(node.args[0], ast.Attribute)
                             and getattr(node.args[0].value, "id", None) == "stages"
                             and hasattr(stages, node.args[0].attr))):
                problems.append(f"{shown}:{node.lineno}: event_priority takes a stage of devconcepts.core.stages")
        # Plugin modules only: Markdown extensions place their processors by
        # Python-Markdown's documented numbers, which are not build stages.
        if path.name != "stages.py" and "BasePlugin" in text:
            for number, line in enumerate(text.splitlines(), start=1):
                comment = line.split("#", 1)[1] if "#" in line else ""
                if QUOTED_PRIORITY.search(comment):
                    problems.append(f"{shown}:{number}: a comment quotes a priority number; name the stage")
    return problems


def test_every_priority_is_a_named_stage():
    assert priority_problems() == []


def test_the_check_finds_a_number_and_a_quoted_one(tmp_path):
    (tmp_path / "plugin.py").write_text(
        "from devconcepts.core import stages\n"
        "class P(BasePlugin):\n"
        "    # After static-i18n (-100).\n"
        "    @event_priority(-200)\n"
        "    def on_config(self): pass\n"
        "    @event_priority(stages.NO_SUCH_STAGE)\n"
        "    def on_files(self): pass\n"
        "    @event_priority(stages.FILES_GENERATED)\n"
        "    def on_page_context(self): pass\n", encoding="utf-8")
    assert priority_problems(tmp_path) == [
        "src/devconcepts/plugin.py:4: event_priority takes a stage of devconcepts.core.stages",
        "src/devconcepts/plugin.py:6: event_priority takes a stage of devconcepts.core.stages",
        "src/devconcepts/plugin.py:3: a comment quotes a priority number; name the stage",
    ]


def test_the_stages_keep_the_order_the_build_needs():
    # Page context: static-i18n's language, then the book, then search's sections.
    assert stages.PAGE_LANGUAGE > stages.BOOK_FILLED > stages.SECTIONS_INDEXED > stages.CONTEXT_READ
    # After every language is built: lists, site files, rewrites, policies,
    # search indexes, previews, the precache, the check.
    assert (stages.LANGUAGE > stages.EVERY_LANGUAGE_BUILT > stages.SITE_FILES_WRITTEN
            > stages.BUILT_FILES_REWRITTEN > stages.PAGES_SECURED > stages.SEARCH_INDEXED
            > stages.PREVIEWS_WRITTEN > stages.FILES_LISTED > stages.PAGES_VERIFIED)
    assert stages.SOURCES_CHECKED > stages.LANGUAGE > stages.CONFIG_AFTER_LANGUAGE
    assert stages.LANGUAGE > stages.FILES_GENERATED
