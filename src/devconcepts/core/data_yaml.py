"""Read a data file's YAML (the term list, a diagram) keeping the lines.

Every mapping and list comes back as a `dict` or `list` that also knows the
1-based line it starts on and the line of each of its keys or items, so the
checks that follow can report `data/terms.yml:12: duplicate id` like a page's
errors (`devconcepts.core.errors`). Invalid YAML and a key written twice in one
mapping (which YAML would silently keep the last of) are reported the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from devconcepts.core.errors import SourceError

# LibYAML's parser reads the term list several times faster where PyYAML has
# it; the constructors below work with either.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Mapping(dict):
    """A YAML mapping; `line` is where it starts, `lines[key]` where each key is."""

    line: int = 1
    lines: dict

    def line_of(self, key: Any) -> int:
        return self.lines.get(key, self.line)


class Sequence(list):
    """A YAML list; `line` is where it starts, `lines[i]` where item i is."""

    line: int = 1
    lines: list

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


def line_of(value: Any, key: Any = None, default: int | None = None) -> int | None:
    """The line of `value` (of its `key` if given), or `default` for a value
    without lines (a plain string or number)."""
    if key is not None and isinstance(value, (Mapping, Sequence)):
        return value.line_of(key)
    return getattr(value, "line", default)


class _Loader(_BASE_LOADER):
    path: str | None = None


def _mapping(loader: _Loader, node: yaml.MappingNode):
    data = Mapping()
    data.line, data.lines = node.start_mark.line + 1, {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            if key in data.lines:
                raise SourceError(loader.path, line, f"'{key}' is given twice in one entry "
                                                     f"(first on line {data.lines[key]})")
        except TypeError:
            raise SourceError(loader.path, line, "a key must be text, not a list or mapping") from None
        data.lines[key] = line
        data[key] = loader.construct_object(value_node, deep=True)


def _sequence(loader: _Loader, node: yaml.SequenceNode):
    data = Sequence()
    data.line, data.lines = node.start_mark.line + 1, [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=True) for item in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)


def load(text: str, path: str | None = None) -> Any:
    """The YAML document in `text`, with lines; `path` names the file in errors.
    Raises `SourceError` on invalid YAML, at the line YAML stopped on."""
    loader = _Loader(text)
    loader.path = path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "cannot be read"
        if error.problem and error.context and error.context_mark and error.context_mark.line != mark.line:
            # Where the unclosed bracket or block began, e.g. "while parsing a flow mapping".
            problem += f" ({error.context} on line {error.context_mark.line + 1})"
        raise SourceError(path, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise SourceError(path, None, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()


def load_file(path: Path, shown: str | None = None) -> Any:
    """`load` of the file at `path`; errors name it as `shown` (default: `path`)."""
    return load(Path(path).read_text(encoding="utf-8"), shown or str(path))
