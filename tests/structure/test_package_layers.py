"""The package's layers, read from its imports: `core` imports no other part
of the package, `terms` imports only `core`, and a feature (every other
sub-package) imports only `core` and `terms`, never another feature."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "devconcepts"
SHARED = {"core": set(), "terms": {"core"}}
"""The shared parts, each with the parts it may import."""


def parts(package: Path = PACKAGE) -> set[str]:
    return {path.name for path in package.iterdir() if (path / "__init__.py").is_file()}


def imported_parts(path: Path, package: Path = PACKAGE) -> set[tuple[str, int]]:
    """The parts of the package `path` imports, with the line of each import
    (function-level imports included)."""
    # The package `path` is in, as a dotted name: what relative imports start from.
    here = ["devconcepts", *path.parent.relative_to(package).parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(here[:len(here) - node.level + 1] if node.level else [])
            module = ".".join(filter(None, [base, node.module]))
            names = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            bits = name.split(".")
            if bits[0] == "devconcepts" and len(bits) > 1 and bits[1] in parts(package):
                found.add((bits[1], node.lineno))
    return found


def layer_problems(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if len(relative.parts) == 1:
            if path.name != "__init__.py":
                problems.append(f"{relative}: a module outside core/, terms/ and the features")
            continue
        own = relative.parts[0]
        allowed = SHARED.get(own, {"core", "terms"}) | {own}
        for part, line in sorted(imported_parts(path, package)):
            if part not in allowed:
                kind = "shared part" if own in SHARED else "feature"
                problems.append(f"src/devconcepts/{relative.as_posix()}:{line}: the {kind} '{own}' imports '{part}'")
    return problems


def test_no_feature_imports_another_and_core_imports_no_feature():
    assert {"core", "terms"} <= parts()
    assert layer_problems() == []


def test_the_check_finds_a_feature_importing_another(tmp_path):
    for name, text in {"__init__.py": "", "core/__init__.py": "", "terms/__init__.py": "",
                       "search/__init__.py": "", "glossary/__init__.py": "",
                       "search/aliases.py": "def f():\n    from devconcepts.glossary import matching\n",
                       "search/index.py": "from . import aliases\nfrom ..glossary import page\n",
                       "core/locales.py": "import devconcepts.search.plugin\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert layer_problems(tmp_path) == [
        "src/devconcepts/core/locales.py:1: the shared part 'core' imports 'search'",
        "src/devconcepts/search/aliases.py:2: the feature 'search' imports 'glossary'",
        "src/devconcepts/search/index.py:2: the feature 'search' imports 'glossary'",
    ]


def plugin_lookups(path: Path) -> list[tuple[int, str]]:
    """(line, plugin name) of every `….plugins.get(name)` or `….plugins[name]`
    in `path` whose name is a string, written out or a module-level constant."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                 for target in node.targets if isinstance(target, ast.Name)}

    def name_of(node: ast.AST) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return constants.get(node.id) if isinstance(node, ast.Name) else None

    def is_plugins(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "plugins"

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and is_plugins(node.func.value) and node.args:
            name = name_of(node.args[0])
        elif isinstance(node, ast.Subscript) and is_plugins(node.value):
            name = name_of(node.slice)
        else:
            continue
        if name is not None:
            found.append((node.lineno, name))
    return found


def test_no_feature_reads_a_plugin_of_the_package():
    # A feature learns what another one decides from core (e.g. which pages
    # are topics: devconcepts.core.topics), never from that plugin's options.
    problems = [f"src/devconcepts/{path.relative_to(PACKAGE).as_posix()}:{line}: reads the plugin '{name}'"
                for path in sorted(PACKAGE.rglob("*.py")) for line, name in plugin_lookups(path)
                if name.startswith("devconcepts-")]
    assert problems == []
