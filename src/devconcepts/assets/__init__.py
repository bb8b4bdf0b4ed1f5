"""devconcepts-assets: the site's own stylesheets and scripts bundled and
minified, the indentation between tags dropped, and Material's stylesheets
purged of what the site never shows (see plugin.py).

Not PurgeCSS: it is a Node program, and the build is Python only. Its class
extractor reads words from the pages and scripts, but Material's bundle adds
classes it builds from template strings (`md-tag--${…}`), and the components
this site leaves off name their classes in that bundle anyway: purge.py knows
both (material_components.py), where PurgeCSS would need a hand-kept safelist
that an upgrade of Material silently outdates."""
