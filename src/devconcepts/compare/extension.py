"""Placeholder: the comparison-table extension is being written."""
from markdown import Extension


class CompareExtension(Extension):
    def extendMarkdown(self, md):
        md.registerExtension(self)


def makeExtension(**kwargs):
    return CompareExtension(**kwargs)
