"""Malformed comparison blocks and the exact error each one must raise.

`line` is the 1-based line of the source the error must point at. The
renderer alone does not know its file and expects `line N: message`; the site
tests expect `docs/topic.md:N: message`, with the front matter counted in.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Bad:
    id: str
    source: str
    line: int
    message: str
    in_site: bool = False
    """Also build it in a fixture site (one per kind of mistake keeps the suite quick)."""

    def expected(self, lines_above: int = 0, path: str | None = None) -> str:
        """`path:N: message` (`line N: message` without a path) once
        `lines_above` lines precede the source; lines the message itself
        mentions move along."""
        message = re.sub(r"\bline (\d+)\b", lambda m: f"line {int(m[1]) + lines_above}", self.message)
        line = self.line + lines_above
        return f"{path}:{line}: {message}" if path else f"line {line}: {message}"


def _md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


ROWS = """
Speed
: fast
: slow
///
"""

BAD = [
    Bad("unknown-option", _md("""
        /// compare | A vs B
            subjects: [A, B]
            color: red

        Speed
        : fast
        : slow
        ///
        """), 3, "unknown option 'color'; a comparison takes only 'subjects', 'shared' and 'corrected'", in_site=True),
    Bad("blocks-attrs-option-is-unknown-too", _md("""
        /// compare | A vs B
            subjects: [A, B]
            attrs: {class: wide}

        Speed
        : fast
        : slow
        ///
        """), 3, "unknown option 'attrs'; a comparison takes only 'subjects', 'shared' and 'corrected'"),
    Bad("option-twice", _md("""
        /// compare | A vs B
            subjects: [A, B]
            subjects: [C, D]
        ///
        """), 3, "option 'subjects' is given twice"),
    Bad("missing-subjects", _md("""
        Intro.

        /// compare | A vs B

        Speed
        : fast
        : slow
        ///
        """), 3, "missing option 'subjects': add '    subjects: [Docker, Kubernetes]' under the header", in_site=True),
    Bad("one-subject", _md("""
        /// compare | A vs B
            subjects: [A]

        Speed
        : fast
        ///
        """), 2, "a comparison needs at least 2 subjects, got 1 (A)", in_site=True),
    Bad("no-subjects", _md("""
        /// compare | A vs B
            subjects: []
        ///
        """), 2, "a comparison needs at least 2 subjects, got 0"),
    Bad("subjects-not-a-list", _md("""
        /// compare | A vs B
            subjects: A, B
        ///
        """), 2, "'subjects' must be a list such as [Docker, Kubernetes], not the text 'A, B'"),
    Bad("empty-subject", _md("""
        /// compare | A vs B
            subjects: [A, ""]
        ///
        """), 2, "subject 2 is empty"),
    Bad("duplicate-subject", _md("""
        /// compare | A vs B
            subjects: [A, A]
        ///
        """), 2, "subject 'A' is listed twice"),
    Bad("yaml-yes-no", _md("""
        /// compare | Yes vs No
            subjects: [yes, no]

        Meaning
        : agree
        : disagree
        ///
        """), 2, 'subject 1 is not text: YAML reads yes as the boolean true; quote it: "yes"', in_site=True),
    Bad("yaml-on-in-block-list", _md("""
        /// compare | Switches
            subjects:
              - off
              - on
        ///
        """), 3, 'subject 1 is not text: YAML reads off as the boolean false; quote it: "off"'),
    Bad("yaml-version-number", _md("""
        /// compare | Kubernetes 1.9 vs 1.10
            subjects: ["1.9", 1.10]

        Runtime
        : dockershim
        : dockershim
        ///
        """), 2, 'subject 2 is not text: YAML reads 1.10 as the number 1.1; quote it: "1.10"', in_site=True),
    Bad("yaml-null-subject", _md("""
        /// compare | A vs B
            subjects: [A, ~]
        ///
        """), 2, 'subject 2 is not text: YAML reads ~ as an empty value (null); quote it: "~"'),
    Bad("yaml-shared-boolean", _md("""
        /// compare | A vs B
            subjects: [A, B]
            shared: yes

        + both
        ///
        """), 3, 'option \'shared\' is not text: YAML reads yes as the boolean true; quote it: "yes"'),
    Bad("invalid-yaml", _md("""
        /// compare | A vs B
            subjects: [A, B
        ///
        """), 2, "options are not valid YAML: expected ',' or ']', but got '<stream end>'"),
    Bad("missing-title", _md("""
        /// compare
            subjects: [A, B]
        ///
        """), 1, "missing title: write it after '|', e.g. '/// compare | Docker vs Kubernetes'", in_site=True),
    Bad("empty-title", _md("""
        /// compare |
            subjects: [A, B]
        ///
        """), 1, "missing title: write it after '|', e.g. '/// compare | Docker vs Kubernetes'"),
    Bad("title-without-bar", _md("""
        /// compare: A vs B
            subjects: [A, B]
        ///
        """), 1, "unexpected ': A vs B' after '/// compare'; write the title after '|'"),
    Bad("too-few-cells", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast

        Size
        : small
        : large
        ///
        """), 4, "row 'Speed' has 1 cell but there are 2 subjects (A, B); give each subject one ': cell' line, "
                 "in subject order", in_site=True),
    Bad("too-few-cells-last-row", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        ///
        """), 4, "row 'Speed' has 0 cells but there are 2 subjects (A, B); give each subject one ': cell' line, "
                 "in subject order"),
    Bad("too-many-cells", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast
        : slow
        : slower
        ///
        """), 7, "row 'Speed' has more cells than there are subjects (2: A, B); remove this cell or add a subject",
        in_site=True),
    Bad("empty-cell", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast
        :
        ///
        """), 6, "empty cell for 'B' in row 'Speed': write its text after ': '", in_site=True),
    Bad("cell-without-aspect", _md("""
        /// compare | A vs B
            subjects: [A, B]

        : fast
        : slow
        ///
        """), 4, "cell has no aspect line above it; write the aspect (the row header) first, then one ': cell' "
                 "line per subject", in_site=True),
    Bad("duplicate-aspect", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast
        : slow

        Speed
        : quick
        : sluggish
        ///
        """), 8, "duplicate aspect 'Speed' (first on line 4)", in_site=True),
    Bad("unterminated", _md("""
        # Page

        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast
        : slow
        """), 3, "the '/// compare' block is not closed; add a '///' line after its last row", in_site=True),
    Bad("unterminated-before-next-block", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast
        : slow

        /// compare | C vs D
            subjects: [C, D]

        Size
        : small
        : large
        ///
        """), 1, "the '/// compare' block is not closed before line 8, where another block starts; "
                 "add a '///' line after its last row"),
    Bad("closing-fence-length", _md("""
        //// compare | A vs B
            subjects: [A, B]

        Speed
        : fast
        : slow
        ///
        """), 7, "closing '///' does not match the opening '////' on line 1; use the same number of slashes"),
    Bad("no-rows", _md("""
        /// compare | A vs B
            subjects: [A, B]
        ///
        """), 1, "comparison 'A vs B' has no rows; add an aspect line followed by one ': cell' line per subject",
        in_site=True),
    Bad("shared-after-rows", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast
        : slow

        + both run
        ///
        """), 8, "shared items ('+ ' lines) go before the first row"),
    Bad("empty-shared-item", _md("""
        /// compare | A vs B
            subjects: [A, B]

        +
        """) + ROWS, 4, "empty shared item: write the point after '+ '"),
    Bad("shared-label-without-items", _md("""
        /// compare | A vs B
            subjects: [A, B]
            shared: 비슷한 점
        """) + ROWS, 3, "option 'shared' is set but there are no shared items ('+ ' lines)"),
    Bad("dash-list-instead-of-plus", _md("""
        /// compare | A vs B
            subjects: [A, B]

        - both run
        """) + ROWS, 4, "'- ' starts a list; shared items start with '+ ', rows with their aspect"),
    Bad("options-after-blank-line", _md("""
        /// compare | A vs B

            subjects: [A, B]
        """) + ROWS, 3, "options go directly under the '/// compare' line; remove the blank line above this one"),
    Bad("indented-continuation-line", _md("""
        /// compare | A vs B
            subjects: [A, B]

        Speed
        : fast, because the
            cache is warm
        : slow
        ///
        """), 6, "unexpected indented line: cells and shared items are one line each, and options go "
                 "directly under the '/// compare' line with no blank line before them"),
    Bad("in-blockquote", _md("""
        > /// compare | A vs B
        >     subjects: [A, B]
        > ///
        """), 1, "a '/// compare' block cannot go inside a blockquote ('>'); move it out of the quote"),
    Bad("corrected-names-an-unknown-row", _md("""
        /// compare | A vs B
            subjects: [A, B]
            corrected: {Sped: 최신 정보}
        """) + ROWS + '\n!!! info "최신 정보"\n    Newer.\n', 3,
        "'corrected' names the row Sped, which this comparison does not have; its rows are 'Speed'", in_site=True),
    Bad("corrected-names-a-note-that-is-not-below", _md("""
        !!! info "최신 정보"
            Above, not below.

        /// compare | A vs B
            subjects: [A, B]
            corrected: {Speed: 최신 정보}
        """) + ROWS, 6,
        "'corrected' names the note 최신 정보, but no note below this comparison has that title "
        "(e.g. '!!! info \"최신 정보\"')", in_site=True),
    Bad("corrected-is-not-a-mapping", _md("""
        /// compare | A vs B
            subjects: [A, B]
            corrected: [Speed]
        """) + ROWS, 3,
        "'corrected' must map a row to the title of the note that corrects it, e.g. {용도: 최신 정보}"),
]
