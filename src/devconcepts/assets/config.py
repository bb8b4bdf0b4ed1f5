"""Options of the `devconcepts-assets` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from devconcepts.core.material_internals import STYLESHEETS


class AssetsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Bundle the assets; when off, pages link every file as listed."""

    stylesheet = c.Type(str, default="assets/stylesheets/devconcepts.min.css")
    """Site path of the bundle made from `extra_css`, in its order."""

    join_material = c.Type(bool, default=True)
    """Join Material's stylesheets (`purge`'s files: main, and palette when
    the theme has a palette) into the stylesheet bundle, before the site's
    own, and ship them there only: a page loads one stylesheet, not three,
    and paints 150–300 ms sooner on Lighthouse's slow phone
    (overrides/partials/styles.html drops their links)."""

    script = c.Type(str, default="assets/javascripts/devconcepts.min.js")
    """Site path of the bundle made from `extra_javascript`, in its order."""

    minify = c.ListOfItems(c.Type(str), default=[])
    """Site paths of other scripts and stylesheets of ours to minify as they
    are copied, such as a worker that pages start on their own or the
    stylesheet only one page loads."""

    squeeze_html = c.Type(bool, default=True)
    """Drop the indentation between the tags of every page (whitespace.py)."""

    purge = c.ListOfItems(c.Type(str), default=list(STYLESHEETS))
    """Site paths (glob patterns) of Material's stylesheets to purge of rules
    that match nothing on the site, after every language is built. Empty: keep
    them whole."""

    cache_dir = c.Type(str, default=".cache/devconcepts/assets")
    """Folder, relative to mkdocs.yml, that keeps the last purge's result for
    a build that reads the same stylesheets and names (purge_cache.py).
    Empty: no cache."""

    components_off = c.ListOfItems(c.Type(str), default=[])
    """Class prefixes of Material components that only Material's scripts draw
    and that this site leaves off (md-tooltip, md-source…): their rules go
    unless a page has the class. Each must be known to material_components.py,
    and a setting that turns it on fails the build."""
