"""Per-language, Korean-aware search on top of Material for MkDocs' search.

Material's search UI and its Lunr worker stay as they are; the
`devconcepts-search` plugin writes one index per language, with a word
separator that splits at brackets and punctuation, hidden keywords for words
inside compounds and for the other language's names of a concept, and a query
normaliser that strips Korean particles before the worker sees the query.
See plugin.py for why it is built this way."""
