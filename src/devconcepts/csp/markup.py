"""What a browser would run or style from a piece of HTML: `<script>` and
`<style>` elements (with the text of the inline ones), event-handler
(`on…=`) and `style=` attributes, and `javascript:` URLs, each with its
line; and the policy `<meta>` elements.

Python's HTMLParser reads tags the way a browser's tokenizer does, so a tag
inside a comment or in the text of a `<script>` is not mistaken for one. Text
that is not HTML (Markdown, YAML) is read the same way: whatever would be a
tag in it becomes one when the text reaches a page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from devconcepts.core.newlines import universal_newlines

# Attributes whose value a browser follows as a URL when the element is used.
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})
_JAVASCRIPT_URL = re.compile(r"^[\x00-\x20]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
# A script is a data block, never run, unless its type is empty, `module` or
# a JavaScript MIME type (HTML: "prepare the script element").
_JS_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5",
})


@dataclass(frozen=True)
class Finding:
    line: int
    """1-based line where the element or attribute is."""
    message: str


@dataclass(frozen=True)
class InlineScript:
    """An inline `<script>` or `<style>`."""
    line: int
    text: str
    """Its source, as the browser hashes it."""


@dataclass(frozen=True)
class PolicyMeta:
    line: int
    offset: int
    """Character offset of its `<meta` in the text read."""
    content: str
    in_head: bool


@dataclass(frozen=True)
class Anchor:
    """An `<a>` start tag."""
    offset: int
    """Character offset of its `<a` in the text read."""
    source: str
    """The start tag as written."""
    attrs: dict[str, str | None]


@dataclass
class Reading:
    script_elements: list[Finding] = field(default_factory=list)
    """Every `<script>` start tag, inline or not, run or not."""
    inline_scripts: list[InlineScript] = field(default_factory=list)
    """Inline scripts the browser runs (no `src=`, not a data block)."""
    inline_styles: list[InlineScript] = field(default_factory=list)
    """`<style>` elements, with their text as the browser hashes it."""
    inline_code: list[Finding] = field(default_factory=list)
    """Event handlers, `javascript:` URLs and `style=` attributes: the
    policy cannot allow them by a hash."""
    metas: list[PolicyMeta] = field(default_factory=list)
    """`<meta http-equiv="Content-Security-Policy">` elements."""
    first_script_offset: int | None = None
    """Offset of the first `<script` of any kind."""
    anchors: list[Anchor] = field(default_factory=list)
    """Every `<a>` start tag, for the links that leave the site (links.py)."""

    @property
    def findings(self) -> list[Finding]:
        """Everything that puts script or style into the markup itself."""
        styles = [Finding(style.line, "a <style> element") for style in self.inline_styles]
        return sorted(self.script_elements + styles + self.inline_code, key=lambda finding: finding.line)


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = Reading()
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        # (line, text so far, the list it goes to) of the open script or style.
        self._open: tuple[int, list[str], list[InlineScript]] | None = None
        self._in_head = False
        self._body_seen = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        reading, line, values = self.reading, self.getpos()[0], dict(attrs)
        if tag == "head":
            self._in_head = not self._body_seen
        elif tag == "body":
            self._in_head, self._body_seen = False, True
        elif tag == "script":
            reading.script_elements.append(Finding(line, "a <script> element"))
            if reading.first_script_offset is None:
                reading.first_script_offset = self._offset()
            runs = (values.get("type") or "").strip().lower() in _JS_TYPES
            self._open = (line, [], reading.inline_scripts) if runs and "src" not in values else None
        elif tag == "style":
            self._open = (line, [], reading.inline_styles)
        elif tag == "meta" and (values.get("http-equiv") or "").strip().lower() == "content-security-policy":
            reading.metas.append(PolicyMeta(line, self._offset(), values.get("content") or "", self._in_head))
        source = self.get_starttag_text() or ""
        if tag == "a":
            reading.anchors.append(Anchor(self._offset(), source, values))
        for name, value in attrs:
            if name.startswith("on"):
                problem = f"an event-handler attribute '{name}=' on <{tag}>"
            elif name == "style":
                problem = f"a style= attribute on <{tag}>"
            elif name in _URL_ATTRIBUTES and value and _JAVASCRIPT_URL.match(value):
                problem = f"a javascript: URL in {name}= on <{tag}>"
            else:
                continue
            # A tag may span lines: report the attribute's own line.
            reading.inline_code.append(Finding(line + source[:_position(source, name)].count("\n"), problem))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag in {"script", "style"} and self._open is not None:
            line, parts, found = self._open
            found.append(InlineScript(line, "".join(parts)))
            self._open = None


def _position(source: str, name: str) -> int:
    match = re.search(rf"[\s/\"']{re.escape(name)}(?=[\s=/>]|$)", source, re.I)
    return match.start() + 1 if match else 0


def read(text: str) -> Reading:
    """What `text` runs and styles; offsets and lines are those of
    `universal_newlines(text)` (devconcepts.core.newlines)."""
    text = universal_newlines(text)
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    return reader.reading
