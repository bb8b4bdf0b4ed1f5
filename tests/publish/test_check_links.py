"""scripts/check-links with the real lychee, against servers on 127.0.0.1: a
dead link is reported with every page that holds it, a live one is not, and
links that stay rate-limited (429) or time out are retried and reported apart
from the dead ones."""

from __future__ import annotations

import collections
import http.server
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from devconcepts_testkit import ROOT, LocalServer

pytestmark = pytest.mark.slow

SCRIPT = ROOT / "scripts" / "check-links"
# Short enough to keep the test to seconds; the same code paths as the
# workflow's defaults.
FAST = ["--timeout", "1", "--max-retries", "1", "--retry-wait", "1"]


class _Sources(http.server.BaseHTTPRequestHandler):
    """/live answers 200, /busy always 429, /slow only after the checker has
    given up; anything else 404. Counts the requests for each path."""

    requests: collections.Counter
    release: threading.Event

    def do_GET(self):
        self.requests[self.path] += 1
        if self.path == "/slow":
            self.release.wait(10)
            status = 200
        else:
            status = {"/live": 200, "/busy": 429}.get(self.path, 404)
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "1")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def sources():
    """(base URL, request counts) of a loopback server of source pages."""
    handler = type("Sources", (_Sources,), {"requests": collections.Counter(), "release": threading.Event()})
    server = LocalServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler.requests
    handler.release.set()
    server.shutdown()
    server.server_close()


def _closed_ports(count: int) -> list[int]:
    """Distinct loopback ports nothing listens on: connecting to them is refused."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def _page(path: Path, links: list[str], *, canonical: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    anchors = "".join(f'<a href="{href}">source</a>\n' for href in links)
    path.write_text(f"<!doctype html><html><head>{head}</head><body>\n{anchors}</body></html>\n",
                    encoding="utf-8")


def _check(site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(site), *FAST, *extra],
                          capture_output=True, text=True, timeout=120)


def _sections(report: str) -> dict[str, list[str]]:
    """The report's list items under each '## ' heading, keyed by its first word."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in report.splitlines():
        if line.startswith("## "):
            current = line[3:].split()[0]
            sections[current] = []
        elif line.startswith("- ") and current:
            sections[current].append(line)
    return sections


def _line_for(url: str, lines: list[str]) -> str:
    found = [line for line in lines if line.startswith(f"- <{url}>:")]
    assert len(found) == 1, f"{url} is not listed once in {lines}"
    return found[0]


def test_dead_links_are_reported_with_their_pages_and_429_and_timeouts_apart(tmp_path, sources):
    base, requests = sources
    own_port, refused_port = _closed_ports(2)
    # The site's own address: nothing listens there, and it is not external.
    own = f"http://127.0.0.1:{own_port}/"
    refused = f"http://127.0.0.1:{refused_port}/gone"
    site = tmp_path / "site"
    _page(site / "index.html",
          [f"{base}/live", f"{base}/dead", f"{base}/busy", own + "en/topic/", "en/topic/", "missing/"],
          canonical=own)
    _page(site / "en" / "topic" / "index.html",
          [f"{base}/dead", f"{base}/busy", f"{base}/slow", f"{base}/live", refused, "../../"])
    summary = tmp_path / "summary.md"

    result = _check(site, "--summary", str(summary))

    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout
    sections = _sections(report)
    assert set(sections) == {"Dead", "Could"}, report
    dead, unchecked = sections["Dead"], sections["Could"]

    assert _line_for(f"{base}/dead", dead).endswith("404 Not Found, on `/`, `/en/topic/`")
    assert _line_for(refused, dead).endswith("on `/en/topic/`")
    assert len(dead) == 2, report
    assert _line_for(f"{base}/busy", unchecked).endswith("429 Too Many Requests, on `/`, `/en/topic/`")
    assert _line_for(f"{base}/slow", unchecked).endswith("timed out, on `/en/topic/`")
    assert len(unchecked) == 2, report
    # Live links, the site's own address and its internal links are not reported.
    assert f"{base}/live" not in report and own not in report and "missing" not in report
    # Both were asked again before they were given up on; a link that two
    # pages hold is asked once and retried once (--max-retries 1), not once
    # more for each page.
    assert requests["/busy"] == 2 and requests["/slow"] >= 2, requests
    assert requests["/live"] >= 1
    assert summary.read_text(encoding="utf-8") == report


def test_links_that_could_not_be_checked_fail_nothing(tmp_path, sources):
    base, requests = sources
    site = tmp_path / "site"
    _page(site / "index.html", [f"{base}/live", f"{base}/busy"])

    result = _check(site)

    assert result.returncode == 0, result.stdout + result.stderr
    sections = _sections(result.stdout)
    assert set(sections) == {"Could"}, result.stdout
    assert _line_for(f"{base}/busy", sections["Could"]).endswith("429 Too Many Requests, on `/`")
    assert requests["/live"] >= 1 and requests["/busy"] >= 2


def test_a_site_without_external_links_passes(tmp_path):
    site = tmp_path / "site"
    _page(site / "index.html", ["other/", "#top"])
    result = _check(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 links to other sites checked: 0 dead, 0 could not be checked." in result.stdout
