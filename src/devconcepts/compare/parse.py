"""Read `/// compare` blocks out of Markdown source.

Pure Python: no MkDocs, no Python-Markdown. The Markdown extension renders what
this module returns and the MkDocs plugin uses it to report errors with the
file name and to compare the two languages, so they can never disagree about
what a block says. Every problem raises `ComparisonError` with the 1-based
line of the source it was given.

Syntax::

    /// compare | Docker Compose vs Kubernetes
        subjects: [Docker Compose, Kubernetes]
        shared: 비슷한 점
        corrected: {Aspect: 최신 정보}

    + a point both subjects share
    + another one

    Aspect
    : cell for Docker Compose
    : cell for Kubernetes
    ///
"""

from __future__ import annotations

import datetime
import json
import re
import textwrap
from dataclasses import dataclass

import yaml

from devconcepts.core.errors import SourceError
from devconcepts.core.fences import FenceScanner
from devconcepts.core.newlines import universal_newlines

NAME = "compare"
"""The block's name after the slashes, as pymdownx Blocks spells it."""

OPTIONS = ("subjects", "shared", "corrected")
"""Every option a comparison accepts."""

# A note (admonition or collapsible block) that may correct a row:
# `!!! info "최신 정보"` or `??? note "Title"`; group 1 is the title.
_NOTE = re.compile(r'^ *(?:!!!|\?\?\?\+?) *[\w-]+(?: +[\w-]+)* +"(.*)" *$')

EXAMPLE_SUBJECTS = "subjects: [Docker, Kubernetes]"

# Any pymdownx Blocks header: `/// name | argument`. The name is matched whole
# so that `/// compare-x` is not taken for a comparison.
_BLOCK_START = re.compile(r"^(?P<indent> *)(?P<fence>/{3,}) *(?P<name>[\w-]+)(?P<rest>.*)$")
_BLOCK_END = re.compile(r"^ {0,3}(?P<fence>/{3,}) *$")
_QUOTED_COMPARE = re.compile(r"^ {0,3}>[ >]*/{3,} *compare\b", re.IGNORECASE)
_BULLET = re.compile(r"^[-*] ")
_TAB = 4


class ComparisonError(SourceError):
    """A comparison block is malformed. `str()` reads `line N: what is wrong`,
    or `docs/x.md:N: what is wrong` once the file is known (`in_file`)."""

    def __init__(self, line: int | None, message: str, path: str | None = None) -> None:
        super().__init__(path, line, message)


@dataclass(frozen=True)
class Row:
    aspect: str
    """Row header: what the subjects are compared on (inline Markdown)."""
    cells: tuple[str, ...]
    """One cell per subject, in subject order (inline Markdown)."""
    line: int
    """Source line of the aspect."""


@dataclass(frozen=True)
class Comparison:
    title: str
    """The caption: the text after `|` (inline Markdown)."""
    subjects: tuple[str, ...]
    """Column headers, at least two (plain text)."""
    shared_label: str | None
    """Header of the shared row from the `shared` option; None means the locale's default."""
    shared: tuple[str, ...]
    """Points all subjects share, the `+ ` lines (inline Markdown); may be empty."""
    rows: tuple[Row, ...]
    """At least one."""
    corrected: tuple[tuple[str, str], ...]
    """(row header, note title) for every row a note of the page corrects
    (the `corrected` option): the row states something the page marks as
    outdated or incomplete, in the first note with that title below the
    table. The row header is an aspect or the `shared` label."""
    line: int
    """Source line of the `/// compare` header."""
    end_line: int
    """Source line of the closing `///`."""
    indent: int
    """Spaces before the header, kept when the block is rewritten in place."""
    fence: int
    """Number of slashes in the header and closing fence."""

    def note_for(self, header: str) -> str | None:
        """The title of the note that corrects the row `header`, if any."""
        return dict(self.corrected).get(header)


def parse(source: str, first_line: int = 1) -> list[Comparison]:
    """Every comparison in `source`, in order; raises ComparisonError on the first problem.

    `first_line` is the line number of the source's first line in its file,
    e.g. 5 after four lines of front matter; every line number in the results
    and messages counts from it.
    """
    lines = universal_newlines(source).expandtabs(_TAB).split("\n")
    # Blank stand-ins for the lines above keep every index a file line number.
    lines = [""] * (first_line - 1) + lines
    comparisons = []
    code = FenceScanner()
    index = 0
    while index < len(lines):
        line = lines[index]
        if code.in_code(line):
            # A fenced code block may show the syntax; it is not a comparison.
            index += 1
            continue
        if _QUOTED_COMPARE.match(line):
            raise ComparisonError(
                index + 1,
                "a '/// compare' block cannot go inside a blockquote ('>'); move it out of the quote",
            )
        start = _BLOCK_START.match(line)
        if start and start["name"].lower() == NAME:
            comparison = _read_block(lines, index)
            comparisons.append(comparison)
            index = comparison.end_line
            continue
        index += 1
    return comparisons


def _read_block(lines: list[str], start: int) -> Comparison:
    header = _BLOCK_START.match(lines[start])
    header_line = start + 1
    indent = len(header["indent"])
    # Blocks allows a header 0-3 spaces into its container (the page, a list
    # item, an admonition); the container's own indent is a multiple of 4.
    base = indent - indent % _TAB
    fence = len(header["fence"])

    title = _read_title(header["rest"], header_line)

    # Options are the indented lines directly under the header (Blocks' rule:
    # no blank line in between).
    cursor = start + 1
    option_lines = []
    while cursor < len(lines) and lines[cursor].strip() and _indent(lines[cursor]) >= base + _TAB:
        option_lines.append(lines[cursor])
        cursor += 1
    if not option_lines:
        _reject_detached_options(lines, cursor, base)
    options = _read_options(option_lines, header_line + 1)
    subjects = _read_subjects(options, header_line)
    shared_label = _read_shared_label(options)

    shared: list[str] = []
    rows: list[Row] = []
    aspects: dict[str, int] = {}
    aspect: tuple[str, int] | None = None  # (text, line) of the row being read
    cells: list[str] = []

    def finish_row() -> None:
        if aspect is None:
            return
        text, line = aspect
        if len(cells) < len(subjects):
            raise ComparisonError(
                line,
                f"row '{text}' has {_count(len(cells), 'cell')} but there are {len(subjects)} subjects "
                f"({', '.join(subjects)}); give each subject one ': cell' line, in subject order",
            )
        rows.append(Row(aspect=text, cells=tuple(cells), line=line))

    while True:
        if cursor >= len(lines):
            raise ComparisonError(
                header_line, "the '/// compare' block is not closed; add a '///' line after its last row"
            )
        raw = lines[cursor]
        line_no = cursor + 1
        cursor += 1
        if not raw.strip():
            continue
        if _indent(raw) < base:
            raise ComparisonError(
                line_no,
                f"this line is indented less than the '/// compare' line {header_line}; "
                "indent every line of the block alike",
            )
        text = raw[base:]
        end = _BLOCK_END.match(text)
        if end:
            if len(end["fence"]) != fence:
                raise ComparisonError(
                    line_no,
                    f"closing '{end['fence']}' does not match the opening '{'/' * fence}' "
                    f"on line {header_line}; use the same number of slashes",
                )
            break
        if _BLOCK_START.match(text):
            raise ComparisonError(
                header_line,
                f"the '/// compare' block is not closed before line {line_no}, where another block "
                "starts; add a '///' line after its last row",
            )
        if _indent(text) >= _TAB:
            raise ComparisonError(
                line_no,
                "unexpected indented line: cells and shared items are one line each, and options go "
                "directly under the '/// compare' line with no blank line before them",
            )
        body = text.strip()
        if body == "+" or body.startswith("+ "):
            item = body[1:].strip()
            if aspect is not None:
                raise ComparisonError(line_no, "shared items ('+ ' lines) go before the first row")
            if not item:
                raise ComparisonError(line_no, "empty shared item: write the point after '+ '")
            shared.append(item)
        elif body == ":" or body.startswith(": "):
            cell = body[1:].strip()
            if aspect is None:
                raise ComparisonError(
                    line_no,
                    "cell has no aspect line above it; write the aspect (the row header) first, "
                    "then one ': cell' line per subject",
                )
            if len(cells) == len(subjects):
                raise ComparisonError(
                    line_no,
                    f"row '{aspect[0]}' has more cells than there are subjects ({len(subjects)}: "
                    f"{', '.join(subjects)}); remove this cell or add a subject",
                )
            if not cell:
                raise ComparisonError(
                    line_no, f"empty cell for '{subjects[len(cells)]}' in row '{aspect[0]}': write its text after ': '"
                )
            cells.append(cell)
        else:
            if _BULLET.match(body):
                raise ComparisonError(
                    line_no, f"'{body[0]} ' starts a list; shared items start with '+ ', rows with their aspect"
                )
            finish_row()
            name = " ".join(body.split())
            if name in aspects:
                raise ComparisonError(line_no, f"duplicate aspect '{name}' (first on line {aspects[name]})")
            aspects[name] = line_no
            aspect, cells = (name, line_no), []
    finish_row()

    if not rows:
        raise ComparisonError(
            header_line,
            f"comparison '{title}' has no rows; add an aspect line followed by one ': cell' line per subject",
        )
    if shared_label is not None and not shared:
        raise ComparisonError(
            options["shared"].line, "option 'shared' is set but there are no shared items ('+ ' lines)"
        )
    corrected = _read_corrected(options, lines, cursor, [row.aspect for row in rows],
                                shared_label if shared else None)
    return Comparison(
        title=title,
        subjects=subjects,
        shared_label=shared_label,
        shared=tuple(shared),
        rows=tuple(rows),
        corrected=corrected,
        line=header_line,
        end_line=cursor,
        indent=indent,
        fence=fence,
    )


def _reject_detached_options(lines: list[str], cursor: int, base: int) -> None:
    # Options after a blank line are body text to Blocks; say so before
    # "missing option 'subjects'" sends the author looking elsewhere.
    while cursor < len(lines) and not lines[cursor].strip():
        cursor += 1
    if cursor < len(lines) and _indent(lines[cursor]) >= base + _TAB:
        raise ComparisonError(
            cursor + 1, "options go directly under the '/// compare' line; remove the blank line above this one"
        )


def _read_title(rest: str, line: int) -> str:
    rest = rest.strip()
    if rest and not rest.startswith("|"):
        raise ComparisonError(line, f"unexpected '{rest}' after '/// compare'; write the title after '|'")
    title = rest[1:].strip()
    if not title:
        raise ComparisonError(
            line, "missing title: write it after '|', e.g. '/// compare | Docker vs Kubernetes'"
        )
    return title


@dataclass(frozen=True)
class _Option:
    value: object
    """What YAML made of the value."""
    node: yaml.Node
    """The value's YAML node: where it is and what the author wrote."""
    text: str
    """The dedented YAML text the node points into."""
    first_line: int
    """Source line of the YAML text's first line."""

    @property
    def line(self) -> int:
        return self.line_of(self.node)

    def line_of(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def written(self, node: yaml.Node | None = None) -> str:
        """The value (or one item of it) as the author wrote it."""
        node = node or self.node
        if isinstance(node, yaml.ScalarNode) and node.style is None:
            return node.value
        return self.text[node.start_mark.index : node.end_mark.index].strip()


def _read_options(option_lines: list[str], first_line: int) -> dict[str, _Option]:
    if not option_lines:
        return {}
    text = textwrap.dedent("\n".join(option_lines))
    last_line = first_line + len(option_lines) - 1
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = min(first_line + mark.line, last_line) if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error)
        raise ComparisonError(line, f"options are not valid YAML: {problem}") from None
    if not isinstance(root, yaml.MappingNode):
        raise ComparisonError(
            first_line, f"options must be 'name: value' lines, e.g. '{EXAMPLE_SUBJECTS}'"
        )
    # Compose first, construct second: the nodes keep each value's line and the
    # exact text the author wrote, which the YAML-trap messages quote.
    constructor = yaml.SafeLoader("")
    options: dict[str, _Option] = {}
    for key_node, value_node in root.value:
        line = first_line + key_node.start_mark.line
        key = _Option(None, key_node, text, first_line).written()
        if key not in OPTIONS:
            raise ComparisonError(
                line, f"unknown option '{key}'; a comparison takes only "
                f"{', '.join(repr(o) for o in OPTIONS[:-1])} and {OPTIONS[-1]!r}"
            )
        if key in options:
            raise ComparisonError(line, f"option '{key}' is given twice")
        option = _Option(None, value_node, text, first_line)
        try:
            value = constructor.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError) as error:
            # e.g. `2024-13-45` looks like a date to YAML but is not one.
            raise ComparisonError(
                option.line,
                f"option '{key}': YAML cannot read {option.written()} ({error}); quote the text",
            ) from None
        options[key] = _Option(value, value_node, text, first_line)
    return options


def _read_subjects(options: dict[str, _Option], header_line: int) -> tuple[str, ...]:
    if "subjects" not in options:
        raise ComparisonError(
            header_line, f"missing option 'subjects': add '    {EXAMPLE_SUBJECTS}' under the header"
        )
    option = options["subjects"]
    if not isinstance(option.value, list):
        raise ComparisonError(
            option.line, f"'subjects' must be a list such as [Docker, Kubernetes], not {_describe(option.value)}"
        )
    subjects: list[str] = []
    for number, (item, node) in enumerate(zip(option.value, option.node.value, strict=True), start=1):
        if not isinstance(item, str):
            raise ComparisonError(option.line_of(node), _not_text(f"subject {number}", item, option.written(node)))
        item = item.strip()
        if not item:
            raise ComparisonError(option.line_of(node), f"subject {number} is empty")
        if item in subjects:
            raise ComparisonError(option.line_of(node), f"subject '{item}' is listed twice")
        subjects.append(item)
    if len(subjects) < 2:
        listed = f" ({', '.join(subjects)})" if subjects else ""
        raise ComparisonError(
            option.line, f"a comparison needs at least 2 subjects, got {len(subjects)}{listed}"
        )
    return tuple(subjects)


def _read_shared_label(options: dict[str, _Option]) -> str | None:
    if "shared" not in options:
        return None
    option = options["shared"]
    if option.value is None or (isinstance(option.value, str) and not option.value.strip()):
        raise ComparisonError(option.line, "option 'shared' is empty; leave it out to use the default label")
    if not isinstance(option.value, str):
        raise ComparisonError(option.line, _not_text("option 'shared'", option.value, option.written()))
    return option.value.strip()


def _read_corrected(options: dict[str, _Option], lines: list[str], after: int, aspects: list[str],
                    shared_label: str | None) -> tuple[tuple[str, str], ...]:
    """`corrected: {row header: note title}`, each row a row of the table and
    each note one of the page's notes below it."""
    if "corrected" not in options:
        return ()
    option = options["corrected"]
    if not isinstance(option.value, dict) or not option.value:
        raise ComparisonError(option.line, "'corrected' must map a row to the title of the note that corrects it, "
                                           "e.g. {용도: 최신 정보}")
    headers = aspects + ([shared_label] if shared_label else [])
    titles = [match[1] for match in (_NOTE.match(line) for line in lines[after:]) if match]
    found = []
    for (key_node, value_node), (row, note) in zip(option.node.value, option.value.items(), strict=True):
        if not isinstance(row, str) or row.strip() not in headers:
            raise ComparisonError(option.line_of(key_node),
                                  f"'corrected' names the row {option.written(key_node)}, which this comparison does "
                                  f"not have; its rows are {', '.join(repr(h) for h in headers)}")
        if not isinstance(note, str) or note.strip() not in titles:
            raise ComparisonError(option.line_of(value_node),
                                  f"'corrected' names the note {option.written(value_node)}, but no note below this "
                                  "comparison has that title (e.g. '!!! info \"최신 정보\"')")
        found.append((row.strip(), note.strip()))
    return tuple(found)


def _not_text(what: str, value: object, written: str) -> str:
    # The YAML traps: `yes`/`no`/`on`/`off` become booleans, `1.10` becomes
    # 1.1, `~` becomes null. Say what YAML made of it and how to keep the text.
    return (
        f"{what} is not text: YAML reads {written} as {_describe(value)}; "
        f"quote it: {json.dumps(written, ensure_ascii=False)}"
    )


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if value is None:
        return "an empty value (null)"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
