"""`devconcepts.diagram`: `/// diagram | kubernetes-cluster` becomes an inline SVG.

The diagram is described in the site's `data/diagrams/<name>.yml` (boxes,
groups, arrows, and every text in each language; read by `load`) and drawn at
build time (`draw`), so the page needs no script and no other host (Material
would load Mermaid from a CDN).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from devconcepts.diagrams.draw import render
from devconcepts.diagrams.load import DiagramError, load_diagram
from devconcepts.core.labels import DEFAULT_LOCALE
from devconcepts.core.plugin_extension import OwnedExtension


class DiagramBlock(Block):
    """
    An inline SVG diagram.

    Arguments (1 required):
    - The diagram's name: `data/diagrams/<name>.yml` beside mkdocs.yml.

    Options: none.
    Content: none.
    """

    NAME = "diagram"
    ARGUMENT = True
    OPTIONS = {}

    def on_validate(self, parent: etree.Element) -> bool:
        # Raising here reaches the build; Blocks would swallow an argument validator's error.
        extension = self.config["extension"]
        if not extension.setting("diagrams_dir"):
            raise DiagramError(None, None, "devconcepts.diagram: no 'diagrams_dir' (the devconcepts-diagrams "
                                           "plugin sets the site's data/diagrams; without the plugin, set the option)")
        try:
            self.spec = load_diagram(type_string(self.argument).strip(), Path(extension.setting("diagrams_dir")),
                                     extension.setting("locales") or (extension.locale,))
        except DiagramError as error:
            raise extension.in_page(error) from None
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        return render(parent, self.spec, self.config["extension"].locale)


class DiagramExtension(OwnedExtension, BlocksExtension):
    def __init__(self, **kwargs):
        self.config = {
            "locale": [DEFAULT_LOCALE, "Language of the page: picks the diagram's texts."],
            "locales": [(), "Every language the diagrams' texts must have; the devconcepts-diagrams plugin "
                            "sets the site's. Empty: the page's language."],
            "diagrams_dir": ["", "Directory of diagram descriptions; the devconcepts-diagrams plugin sets the "
                                 "site's data/diagrams."],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(DiagramBlock, {"extension": self})


def makeExtension(**kwargs) -> DiagramExtension:
    return DiagramExtension(**kwargs)
