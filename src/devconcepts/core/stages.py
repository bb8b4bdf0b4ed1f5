"""The order of a build, in one place: every `event_priority` of the site's
plugins is a name from this module, and a plugin's comment names a stage
here rather than another plugin's number.

MkDocs runs the handlers of one event from the highest priority to the
lowest; a handler without one runs at 0. mkdocs-static-i18n builds the
default language first and, inside that build's `on_post_build`, every other
language with the same plugins on the same config (at `LANGUAGE`, -100, the
priority of its `on_config`, `on_files` and `on_post_build`; its
`on_page_context` runs at `PAGE_LANGUAGE`, 50). A build therefore goes:

1. `on_config`, in every language's build. `SOURCES_CHECKED`: the sources are
   read for content the security policy would block, before any plugin reads
   the term list. Then static-i18n sets the build's language (`LANGUAGE`),
   and `CONFIG_AFTER_LANGUAGE` reads it.
2. `on_files`: static-i18n sorts the source files into languages
   (`LANGUAGE`); `FILES_GENERATED` adds the generated ones, which it has no
   use for.
3. `on_page_markdown`, then `on_page_content`: each page's Markdown becomes
   HTML; `CONTENT_CHECKED` reads that HTML once every plugin has written it.
4. `on_page_context`, once every page's content is final (MkDocs renders
   all Markdown before it builds any page): static-i18n sets the page's
   language (`PAGE_LANGUAGE`); `BOOK_FILLED` puts the chapters into the
   print book; `SECTIONS_INDEXED` reads each page's sections for search,
   before Material's search plugin strips its markers at 0 (`CONTEXT_READ`,
   where the review page reads the cards); then `CONTENTS_SHOWN` gives the
   glossary's table of contents its first letters instead of every entry.
5. `on_post_page`: `PAGE_FINAL` is the last change to a page's HTML.
6. `on_post_build`, in every language's build; the default language's
   handlers below `LANGUAGE` run once every language is built
   (`devconcepts.core.locales.all_languages_built`):
   `EVERY_LANGUAGE_BUILT` writes what lists the pages of every language,
   `SITE_FILES_WRITTEN` the sitemaps, `BUILT_FILES_REWRITTEN` purges
   Material's stylesheets, `PAGES_SECURED` writes each page's security
   policy, `SEARCH_INDEXED` replaces Material's search index with one per
   language, `PREVIEWS_WRITTEN` writes the link-preview images drawn beside
   the build, `FILES_LISTED` lists every built file for the service worker,
   and `PAGES_VERIFIED` reads the pages last.
   These stages share the built site (`devconcepts.core.built_site`): its
   files are listed and read once, and each stage writes through it what it
   rewrites, so the next one reads that; only `PAGES_VERIFIED` reads the
   pages from disk again, to catch a change made around it.
"""

from __future__ import annotations

# mkdocs-static-i18n's own priorities (not ours: named so that ours can be
# placed against them).
LANGUAGE = -100
"""static-i18n's `on_config`, `on_files` and `on_post_build`."""
PAGE_LANGUAGE = 50
"""static-i18n's `on_page_context`."""

# on_config
SOURCES_CHECKED = 50
"""Read the sources before any plugin reads the term list."""
CONFIG_AFTER_LANGUAGE = -200
"""Read the language static-i18n has set for this build."""

# on_files
FILES_GENERATED = -110
"""Add generated files once static-i18n has sorted the sources."""

# on_page_content
CONTENT_CHECKED = -400
"""Read a page's HTML after every plugin that writes it."""

# on_page_context
BOOK_FILLED = 10
"""Fill the print book with its chapters, before search reads its sections."""
SECTIONS_INDEXED = 5
"""Read a page's sections for search, before Material's search (0) strips its markers."""
CONTEXT_READ = 0
"""Read the final content of the pages, after static-i18n has set the page's language."""
CONTENTS_SHOWN = -10
"""Change what a page's table of contents shows, once the print book and
search have read the whole of it."""

# on_post_page
PAGE_FINAL = -300
"""The last change to a page's HTML."""

# on_post_build (the default language's handlers below LANGUAGE run once
# every language is built)
EVERY_LANGUAGE_BUILT = -110
"""Write files that list the pages of every language."""
SITE_FILES_WRITTEN = -200
"""Write the site-wide files (sitemaps, robots.txt)."""
BUILT_FILES_REWRITTEN = -300
"""Rewrite built files (purged stylesheets)."""
PAGES_SECURED = -400
"""Write each page's security policy, after every rewrite of the files it hashes."""
SEARCH_INDEXED = -500
"""Write the search indexes, after the policies: they need the Korean
segmenter's model, which a cold build loads on another core meanwhile."""
PREVIEWS_WRITTEN = -800
"""Write the link-preview images drawn beside the build, before the files are listed."""
FILES_LISTED = -900
"""List every built file as it ships (the service worker's precache)."""
PAGES_VERIFIED = -1000
"""Read the pages last: nothing may change them after this."""
