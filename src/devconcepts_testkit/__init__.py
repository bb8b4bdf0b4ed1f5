"""What the tests (tests/) and the benchmarks (bench/) share: where the
project's files are, how the site is built and served (plainly, or gzipped as
GitHub Pages serves it), how Chromium is started, Lighthouse, the pages a sweep
visits, and the search benchmark's queries (`search_queries`).

An installed package of its own (pyproject.toml; scripts/setup installs the
project in editable mode), so that a test and a benchmark import it by name,
with no path of theirs added to `sys.path`. What only the tests need (pytest
fixtures, builds shared between pytest-xdist workers, the test data's paths)
stays in tests/ (tests/sitekit.py, the conftest.py files)."""

from .building import BUILD_LOG, build_in_process, build_site, note_build
from .chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from .gzip_server import GzipSiteServer
from .lighthouse import run_lighthouse
from .project import DOCS, ROOT, read_config
from .serving import LocalServer, serve_directory
from .visits import page_paths

__all__ = [
    "BUILD_LOG", "CHROMIUM_ARGS", "CHROMIUM_PATH", "DOCS", "GzipSiteServer", "LocalServer", "ROOT",
    "build_in_process", "build_site", "note_build", "page_paths", "read_config", "run_lighthouse",
    "serve_directory",
]
