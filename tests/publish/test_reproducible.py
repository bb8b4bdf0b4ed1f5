"""One commit builds the same bytes every time: the dates a build writes come
from SOURCE_DATE_EPOCH (the last commit's time in the workflow and scripts),
not from the clock."""

from __future__ import annotations

import gzip
import re
import subprocess
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from conftest import ROOT, build_site

SITE_URL = "https://octo.github.io/study-notes/"
# A moment that is surely not today: 2001-02-03T04:05:06Z.
FIXED_EPOCH = 981173106


def _commit_time() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
                          capture_output=True, text=True, check=True).stdout.strip()


def _build(site_dir: Path, epoch: str) -> None:
    result = build_site(site_dir, site_url=SITE_URL, extra_env={"SOURCE_DATE_EPOCH": epoch})
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)


def _files(site_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(site_dir).as_posix(): path.read_bytes()
            for path in sorted(site_dir.rglob("*")) if path.is_file()}


def _next_second() -> None:
    """Wait until the clock shows another second, so that anything taken from
    the clock would differ between two builds."""
    start = int(time.time())
    while int(time.time()) == start:
        time.sleep(0.05)


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    epoch = _commit_time()
    # Different folders, too: nothing may depend on where the site is built.
    first, second = tmp_path / "first", tmp_path / "second"
    _build(first, epoch)
    _next_second()
    _build(second, epoch)
    a, b = _files(first), _files(second)
    assert a, "the build wrote no file"
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def test_dates_in_the_output_come_from_source_date_epoch(tmp_path):
    today = {datetime.now(timezone.utc).date(), date.today()}
    _build(tmp_path, str(FIXED_EPOCH))
    today |= {datetime.now(timezone.utc).date(), date.today()}
    fixed_day = datetime.fromtimestamp(FIXED_EPOCH, timezone.utc).date()

    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)
    assert lastmods and set(lastmods) == {fixed_day.isoformat()}

    # The gzip header's MTIME field (bytes 4-7, little-endian seconds).
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(packed[4:8], "little")
    assert datetime.fromtimestamp(mtime, timezone.utc).date() == fixed_day
    assert gzip.decompress(packed).decode("utf-8") == sitemap

    for name, content in _files(tmp_path).items():
        for day in today:
            assert day.isoformat().encode() not in content, f"{name} carries today's date {day}"
