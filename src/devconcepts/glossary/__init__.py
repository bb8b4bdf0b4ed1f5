"""Study aids built on the term list (the site's `data/terms.yml`).

* `extension` — the `devconcepts.glossary` Markdown extension: the glossary
  page (`/// glossary`), explicit term references (`[[term:etcd]]`) and the
  first-use tooltips (`matching`, `autolink`, `references`, `page`, `links`).
* `diagram` — the `devconcepts.diagram` extension: inline SVG diagrams
  described in the site's `data/diagrams/*.yml`.
* `study` — the `devconcepts.study` extension: the study-mode toggle above
  comparison tables.
* `plugin` — the `devconcepts-glossary` MkDocs plugin that feeds these
  extensions the language being built and checks references and anchors.
"""
