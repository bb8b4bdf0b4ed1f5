"""The answers every feature shares, and the only package features import
besides `devconcepts.terms`: the site's locales and labels, error messages,
fenced-code scanning, YAML with line numbers, the project's data files, kept
build results, the plugin–extension hand-off, Material's internals, compiled
templates, the git dates of source files, and the built site once every
language is built (its files read once, and the URL of each). Nothing here
imports a feature."""
