"""Search-engine and crawler metadata: per-page descriptions, absolute
hreflang links, robots.txt and per-language sitemaps."""
