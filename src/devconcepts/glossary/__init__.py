"""Study aids built on the term list (the site's `data/terms.yml`).

* `extension` — the `devconcepts.glossary` Markdown extension: the glossary
  page (`/// glossary`), explicit term references (`[[term:etcd]]`) and the
  first-use tooltips (`matching`, `autolink`, `references`, `page`, `links`).
* `plugin` — the `devconcepts-glossary` MkDocs plugin that feeds the
  glossary, diagram (`devconcepts.diagrams`) and study-mode
  (`devconcepts.compare.study`) extensions the language being built and
  checks references and anchors.
"""
