"""One commit builds the same bytes every time: the dates a build writes come
from git (each page's last change) and from SOURCE_DATE_EPOCH (the last
commit's time in the workflow and scripts), not from the clock, and a build
that reuses what an earlier one kept under `.cache/` writes what a build
without it writes."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from devconcepts.core.cache_files import ROOT_VARIABLE
from devconcepts_testkit import build_site
from sitekit import FIXED_EPOCH, project_caches
from publish.workflow import git

# Builds the whole site again, in a process of its own (its own clock).
pytestmark = pytest.mark.slow

# How far the second build's clock is moved: past any midnight.
CLOCK_SHIFT_DAYS = 3


def _files(site_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(site_dir).as_posix(): path.read_bytes()
            for path in sorted(site_dir.rglob("*")) if path.is_file()}


def _shifted_clock(tmp_path: Path) -> dict[str, str]:
    """Environment that runs the build's Python process under a clock
    CLOCK_SHIFT_DAYS ahead (libfaketime, installed by scripts/setup); checked
    before it is used.

    Only the build's own process is faked: a sitecustomize module drops
    LD_PRELOAD as Python starts, so the programs it runs (git, for the
    last-change dates) start on the real clock; their clocks are not what is
    under test. The monotonic clock moves with the wall clock: with only the
    wall clock moved, libfaketime fails Python's `time.sleep` with EINVAL,
    and `subprocess.run(timeout=…)` sleeps while it waits for git to exit."""
    libraries = sorted(Path("/usr/lib").glob("*/faketime/libfaketime.so.1"))
    if not libraries:
        pytest.fail("libfaketime is missing; run scripts/setup", pytrace=False)
    startup = tmp_path / "faked-clock"
    startup.mkdir()
    (startup / "sitecustomize.py").write_text('import os\nos.environ.pop("LD_PRELOAD", None)\n', encoding="utf-8")
    env = {"LD_PRELOAD": str(libraries[0]), "FAKETIME": f"+{CLOCK_SHIFT_DAYS}d",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(startup), os.environ.get("PYTHONPATH")]))}
    probe = "import os, subprocess, time; time.sleep(0.01); print(time.time(), 'LD_PRELOAD' in os.environ)"
    shown = subprocess.run([sys.executable, "-c", probe],
                           env={**env, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=True)
    now, preloaded = shown.stdout.split()
    ahead = float(now) - datetime.now(timezone.utc).timestamp()
    assert ahead > (CLOCK_SHIFT_DAYS - 1) * 86400, "libfaketime did not move the clock"
    assert preloaded == "False", "the faked clock would reach the build's child processes"
    return env


def test_one_commit_builds_identical_bytes_under_another_clock(project_site, tmp_path):
    """Two builds of one commit, the second in another folder, under a clock
    days ahead and from what the first kept: every byte the same (the pages,
    the sitemaps, the Anki decks and cards.json too). The sitemap dates of
    the first are then checked against git and SOURCE_DATE_EPOCH."""
    # The first is the session's project site (conftest.py): built from no
    # kept cache, as on a fresh clone, with its dates from FIXED_EPOCH. The
    # second reads what the first kept: a kept result must give the same
    # bytes. Different folders too: nothing may depend on where the site is
    # built.
    first, second, site_url = project_site.site_dir, tmp_path / "second", project_site.base_url
    caches = project_caches(first)
    assert any(caches.rglob("*.json")), "the first build kept nothing"
    env = {"SOURCE_DATE_EPOCH": str(FIXED_EPOCH), ROOT_VARIABLE: str(caches), **_shifted_clock(tmp_path)}
    result = build_site(second, site_url=site_url, extra_env=env)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    a, b = _files(first), _files(second)
    assert a, "the build wrote no file"
    assert sorted(a) == sorted(b)
    assert any(name.endswith(".apkg") for name in a) and any(name.endswith("cards.json") for name in a)
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"{different}; first difference in {different[0]}: {_first_difference(a, b, different[0])}"
    _check_sitemap_dates(first, site_url)


def _first_difference(a: dict[str, bytes], b: dict[str, bytes], name: str) -> str:
    one, two = a[name], b[name]
    at = next((i for i, (x, y) in enumerate(zip(one, two)) if x != y), min(len(one), len(two)))
    return f"byte {at}: {one[max(0, at - 80):at + 80]!r} / {two[max(0, at - 80):at + 80]!r}"


def _check_sitemap_dates(tmp_path: Path, site_url: str) -> None:
    """Each page's lastmod is the day its sources last changed in git (as the
    print sheets' "last changed" line), whatever SOURCE_DATE_EPOCH says; the
    time in sitemap.xml.gz's header follows SOURCE_DATE_EPOCH (FIXED_EPOCH)."""
    fixed_day = datetime.fromtimestamp(FIXED_EPOCH, timezone.utc).date()
    commit_days = set(git("log", "--format=%cs").split())

    sitemaps = sorted(tmp_path.rglob("sitemap.xml"))
    assert sitemaps
    for sitemap in sitemaps:
        lastmods = re.findall(r"<lastmod>(.*?)</lastmod>", sitemap.read_text(encoding="utf-8"))
        assert lastmods and set(lastmods) <= commit_days, sitemap
        assert fixed_day.isoformat() not in lastmods, sitemap
    root = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    for source, url in (("docs/oltp.md", "oltp/"), ("docs/oltp.en.md", "en/oltp/")):
        changed = git("log", "-1", "--format=%cs", "--", source)
        assert f"<loc>{site_url}{url}</loc>\n        <lastmod>{changed}</lastmod>" in root, url

    # The gzip header's MTIME field: bytes 4-7, little-endian seconds.
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(packed[4:8], "little")
    assert datetime.fromtimestamp(mtime, timezone.utc).date() == fixed_day
    assert gzip.decompress(packed) == (tmp_path / "sitemap.xml").read_bytes()
