"""Comparison tables: every "X vs Y" on the site as one `/// compare` block.

- `parse`: reads the blocks from Markdown source and checks them (pure Python).
- `extension` and `block`: the `devconcepts.compare` Markdown extension that
  renders them as tables.
- `plugin`, `config`, `shape`, `leftovers`: the `devconcepts-compare` MkDocs
  plugin, which names the file in errors, sets each page's locale and keeps
  the two languages' tables the same shape (`shape`).
- `study`: the `devconcepts.study` Markdown extension, the study-mode toggle
  that hides the tables' cells.

The syntax and its rules for authors: CONTRIBUTING.md.
"""
