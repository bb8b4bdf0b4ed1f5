"""`devconcepts.study`: the study-mode toggle above a page's comparison tables.

Puts one toolbar before the first `<figure class="compare">` of a page:

    <div class="study-toolbar" data-reveal-label="눌러서 보기" data-on-label="가리기 켜짐" hidden>
      <button type="button" class="study-toggle" aria-pressed="false">가리고 외우기(표 내용 숨김)</button>
    </div>

The toolbar is `hidden` until `study-mode.js` runs, so readers without
scripts never see a button that does nothing. The script hides the body cells
(`td`) of every comparison table while the button is pressed — the subjects
and aspects (`th`) stay — remembers the choice, and reveals a cell when it is
clicked; while pressed, the button's label says the mode is on (the
choice carries over to other pages and later visits). Labels come from
`devconcepts.core.labels` in the page's language, which
the `devconcepts-compare` plugin gives it (the `locale` option, used alone).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from devconcepts.core.labels import DEFAULT_LOCALE, label
from devconcepts.core.plugin_extension import OwnedExtension

COMPARE_CLASS = "compare"


class StudyToolbarTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: "StudyModeExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(parent):
                if child.tag == "figure" and COMPARE_CLASS in child.get("class", "").split():
                    parent.insert(index, toolbar(self.extension.locale))
                    return


def toolbar(locale: str) -> etree.Element:
    # A control, not content: a search for its words would find every table.
    bar = etree.Element("div", {"class": "study-toolbar", "hidden": "hidden", "data-search-exclude": "true",
                                "data-reveal-label": label("study.reveal", locale),
                                "data-on-label": label("study.toggle_on", locale)})
    button = etree.SubElement(bar, "button", {"type": "button", "class": "study-toggle",
                                              "aria-pressed": "false"})
    button.text = AtomicString(label("study.toggle", locale))
    return bar


class StudyModeExtension(OwnedExtension, Extension):
    def __init__(self, **kwargs):
        self.config = {
            "locale": [DEFAULT_LOCALE, "Language of the page: picks the toolbar's labels."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After inline parsing (20): the toolbar's text is final.
        md.treeprocessors.register(StudyToolbarTreeprocessor(md, self), "devconcepts_study_toolbar", 14)


def makeExtension(**kwargs) -> StudyModeExtension:
    return StudyModeExtension(**kwargs)
