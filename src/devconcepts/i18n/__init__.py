"""The two languages kept in step, on top of mkdocs-static-i18n.

- `counterparts`: every Korean page has its translation and every
  translation its Korean page (file presence).
- `source_hash`: every translation records the version of the Korean page it
  translates (`python -m devconcepts.i18n.source_hash check|refresh`).
- `not_found`, `template_cache`, `plugin`: the `devconcepts-i18n` MkDocs
  plugin: per-language 404 pages, templates compiled once, and the checks
  above in the build.
"""
