"""Search-engine, crawler and link-preview metadata: per-page descriptions,
absolute hreflang links, Open Graph tags with a preview image per page and
language, robots.txt and sitemaps with each page's last change."""
