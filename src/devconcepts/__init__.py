"""MkDocs plugins and Markdown extensions of the bilingual developer-concepts study site."""
