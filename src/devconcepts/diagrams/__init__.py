"""Diagrams drawn at build time from the site's `data/diagrams/*.yml`.

* `load` — reads and checks a diagram's description.
* `draw` — draws it as an inline SVG figure in one language.
* `extension` — the `devconcepts.diagram` Markdown extension
  (`/// diagram | <name>`).
"""
