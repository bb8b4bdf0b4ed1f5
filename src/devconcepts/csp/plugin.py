"""devconcepts-csp: a Content-Security-Policy `<meta>` on every page.

GitHub Pages sends no security headers, so each page carries its own policy
(policy.py): scripts and styles only from the site's own files, plus the
hashes of the theme's inline scripts (Material's scope and palette scripts),
computed from the final HTML once every other plugin has changed it.

- Content never runs script: a `<script>`, an `on…=` handler or a
  `javascript:` URL (or an inline style) in `docs/`, the term list or a
  diagram fails the build with its file and line (sources.py), and so does
  one that a Markdown extension writes into a page.
- After every language is built, each page gets its policy (pages.py) and
  its external links `rel="noopener"` (links.py), from one reading of it,
  which also tells what the policy would block.
- Last of all, every page is checked again: a page that changed after its
  policy was written is read anew, and a script that changed or appeared, or
  anything else the policy would block, fails the build instead of shipping
  a page that breaks.

`mkdocs serve` checks the content as a build does but writes no policy
unless `serve: true`: its live-reload script is inline and differs on every
request, so no hash can allow it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from devconcepts.csp.config import CspConfig
from devconcepts.core import stages
from devconcepts.core import site_data
from devconcepts.core.cache_files import Memo, cache_folder, code_version, text_key
from devconcepts.csp import links, markup, policy, sources
from devconcepts.csp import pages as pages_module
from devconcepts.csp.markup import Finding, read
from devconcepts.csp.pages import PolicyError, problems, secure
from devconcepts.core.errors import located, page_path, project_path, stop
from devconcepts.core.built_site import BuiltSite, built_site
from devconcepts.core.locales import all_languages_built

log = get_plugin_logger(__name__)


class CspPlugin(BasePlugin[CspConfig]):
    def __init__(self) -> None:
        self._serving = False
        # What each page's policy would block, by its path from the site
        # root, so the final check parses only pages changed since.
        self._found: dict[str, list[str]] = {}
        self._content_memo: Memo | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def _policy(self) -> bool:
        """Whether pages get a policy; the content is checked either way."""
        return self.config.enabled and (self.config.serve or not self._serving)

    # A script in the term list is reported here at its line rather than by
    # the checks of the plugins that read the list.
    @event_priority(stages.SOURCES_CHECKED)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # static-i18n runs on_config again for each other language, inside
        # the first build: the sources were read once already.
        if not self.config.enabled or not all_languages_built(config):
            return config
        files = sources.content_files(Path(config.docs_dir), site_data.data_dir(config))
        found = sources.scan(files)
        if found:
            raise stop("\n".join(
                located(project_path(config, path), finding.line,
                        f"{finding.message}: {sources.advice(finding.message)}")
                for path, finding in found))
        return config

    # What a Markdown extension or a plugin wrote from data/ is content too.
    @event_priority(stages.CONTENT_CHECKED)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled:
            return html
        if self._content_memo is None:
            self._content_memo = Memo(cache_folder(config, self.config.cache_dir), "content", code_version(markup))
        found = [Finding(*finding) for finding in self._content_memo.get(
            text_key(html), lambda: [[finding.line, finding.message] for finding in read(html).findings])]
        if found:
            raise stop("\n".join(
                located(page_path(config, page.file.src_uri), None,
                        f"the page's HTML has {finding.message}, which its Markdown does not show "
                        f"(written by a Markdown extension or from data/): {sources.advice(finding.message)}")
                for finding in found))
        return html

    # Every page of every language is final.
    @event_priority(stages.PAGES_SECURED)
    def _write(self, *, config: MkDocsConfig) -> None:
        # Each language's build read its pages' content: keep what it found.
        if self._content_memo is not None:
            self._content_memo.save()
            self._content_memo = None
        if not self.config.enabled or not all_languages_built(config):
            return
        site = built_site(config)
        pages = site.pages()
        self._found = {}
        memo = Memo(cache_folder(config, self.config.cache_dir), "pages",
                    code_version(links, markup, pages_module, policy))
        for relative in pages:
            text = site.text(relative)

            def compute():
                try:
                    return secure(text, config.site_url, policy=self._policy())
                except PolicyError as error:
                    raise stop(f"{project_path(config, site.path(relative))}: {error}") from error

            written, found = memo.get(text_key(text, config.site_url or "", str(self._policy())), compute)
            if written != text:
                site.write(relative, written)
            self._found[relative] = found
        memo.save()
        if self._policy():
            log.info(f"Content-Security-Policy written on {len(pages)} pages")

    # A page whose inline script no longer matches its policy must not ship.
    @event_priority(stages.PAGES_VERIFIED)
    def _verify(self, *, config: MkDocsConfig) -> None:
        if not self._policy() or not all_languages_built(config):
            return
        site = built_site(config)
        # The pages as they are on disk, read again on purpose: a page written
        # around the shared site, or added after the policies, is read anew.
        disk = BuiltSite(site.root)
        found = []
        for relative in disk.pages():
            known = self._found.get(relative)
            if known is None or disk.data(relative) != site.data(relative):
                known = problems(disk.text(relative))
            found += [f"{project_path(config, disk.path(relative))}: {problem}" for problem in known]
        if found:
            raise stop("Content-Security-Policy: pages that their policy would break:\n" + "\n".join(found))

    on_post_build = CombinedEvent(_write, _verify)
