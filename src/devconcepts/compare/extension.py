"""Python-Markdown extension `devconcepts.compare`: `/// compare` blocks as tables.

Three parts, so that a bad block can never render quietly:

1. A preprocessor reads every comparison with `parse.py`, raising
   `ComparisonError` ("line N: ...") on the first problem, and replaces each
   block with a stand-in `/// compare | <token>`. pymdownx Blocks would
   otherwise swallow a bad option or argument and print the block as a plain
   paragraph.
2. The `compare` block (block.py) turns each stand-in into the table.
3. A tree check fails when a comparison was read but never rendered (e.g.
   Markdown took it for an indented code block or raw HTML).

On its own the extension works the same in any Python-Markdown pipeline:
`markdown.markdown(text, extensions=["devconcepts.compare"])`, with the
`locale` option. In a site the `devconcepts-compare` plugin owns it
(`devconcepts.core.plugin_extension`): the locale is the page's and errors name
the page's file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from devconcepts.compare.block import CompareBlock
from devconcepts.compare.parse import NAME, Comparison, ComparisonError, parse
from devconcepts.core.labels import DEFAULT_LOCALE, label
from devconcepts.core.plugin_extension import OwnedExtension

# After whitespace normalisation (30), which removes STX/ETX from the source so
# an author can never type a token; before SuperFences (25) and raw HTML (20)
# stash anything, so the parser sees the page as the author wrote it.
PREPROCESSOR_PRIORITY = 29
# After the block parser, before the inline pass.
CHECK_PRIORITY = 25

_TOKEN = re.compile(f"^{STX}devconcepts-compare:(\\d+){ETX}$")


class _Document:
    """The comparisons of the document being converted, handed from the
    preprocessor to the block by token."""

    def __init__(self, extension: CompareExtension) -> None:
        self.extension = extension
        self.comparisons: list[Comparison] = []
        self.rendered: set[int] = set()

    def reset(self, comparisons: list[Comparison] | None = None) -> None:
        self.comparisons = comparisons or []
        self.rendered = set()

    @staticmethod
    def token(index: int) -> str:
        return f"{STX}devconcepts-compare:{index}{ETX}"

    def take(self, argument: str | None) -> Comparison:
        match = _TOKEN.match(argument or "")
        if match is None or int(match[1]) >= len(self.comparisons):
            raise ComparisonError(
                None,
                f"'/// {NAME} | {argument}' reached the renderer without being read first; "
                "a '/// compare' block must start its own line (not inside a blockquote)",
            )
        index = int(match[1])
        self.rendered.add(index)
        return self.comparisons[index]


class ComparePreprocessor(Preprocessor):
    """Validate every comparison and put a stand-in where each one was."""

    def __init__(self, md: Markdown, document: _Document) -> None:
        super().__init__(md)
        self.document = document

    def run(self, lines: list[str]) -> list[str]:
        # The one reading of the page's comparisons, counted in the file's
        # lines: the owning plugin compares them with the translation's.
        extension = self.document.extension
        first = extension.first_line
        try:
            comparisons = parse("\n".join(lines), first_line=first)
        except ComparisonError as error:
            raise extension.in_page(error, counted=True) from None
        self.document.reset(comparisons)
        out = list(lines)
        # Back to front, so earlier line numbers stay valid while replacing.
        for index in reversed(range(len(comparisons))):
            comparison = comparisons[index]
            indent, fence = " " * comparison.indent, "/" * comparison.fence
            out[comparison.line - first : comparison.end_line - first + 1] = [
                f"{indent}{fence} {NAME} | {self.document.token(index)}",
                f"{indent}{fence}",
            ]
        return out


class CompareCheck(Treeprocessor):
    """Fail when a comparison was read but Markdown never handed it to the block."""

    def __init__(self, md: Markdown, document: _Document) -> None:
        super().__init__(md)
        self.document = document

    def run(self, root: etree.Element) -> None:
        for index, comparison in enumerate(self.document.comparisons):
            if index not in self.document.rendered:
                raise self.document.extension.in_page(counted=True, error=ComparisonError(
                    comparison.line,
                    f"comparison '{comparison.title}' was not rendered: Markdown read it as code or raw "
                    "HTML. Start the block at the beginning of a line, or indent it only inside a list "
                    "item or admonition",
                ))


class CompareExtension(OwnedExtension, BlocksExtension):
    """Comparison tables."""

    def __init__(self, *args, **kwargs) -> None:
        self.config = {
            "locale": [
                DEFAULT_LOCALE,
                "Locale of the table's own words (the corner cell, the default shared-row header); "
                "see devconcepts.core.labels - Default: labels.DEFAULT_LOCALE",
            ],
        }
        super().__init__(*args, **kwargs)
        self.document = _Document(self)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        # Fail now, not halfway through a page, when the locale has no words.
        label("compare.aspect", self.locale)
        md.registerExtension(self)
        md.preprocessors.register(ComparePreprocessor(md, self.document), "devconcepts_compare", PREPROCESSOR_PRIORITY)
        md.treeprocessors.register(CompareCheck(md, self.document), "devconcepts_compare_check", CHECK_PRIORITY)

        config = {"extension": self}
        registered = block_mgr.blocks.get(CompareBlock.NAME)
        if registered is None:
            block_mgr.register(CompareBlock, config)
        elif registered is CompareBlock:
            # Loaded twice into one Markdown instance (e.g. listed by name and
            # added by a plugin). Blocks refuses a second registration; the
            # processors above were replaced by name, so point the block at
            # this extension, whose document they use.
            block_mgr.config[CompareBlock.NAME] = config
        else:
            raise ValueError(
                f"another extension already registers a '{CompareBlock.NAME}' block "
                f"({registered.__module__}.{registered.__qualname__})"
            )

    def reset(self) -> None:
        self.document.reset()


def makeExtension(*args, **kwargs) -> CompareExtension:
    return CompareExtension(*args, **kwargs)
