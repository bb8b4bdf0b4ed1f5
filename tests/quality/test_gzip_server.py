"""The test server answers like GitHub Pages: gzip for text, redirects for
directory URLs without a slash, the site's 404 page, and byte counts that
match what went over the wire. A build the test workers share is served by
one such server (or a plain one) for the whole run."""

from __future__ import annotations

import gzip
import subprocess
import time
import http.client
import urllib.request

import pytest

from devconcepts_testkit import GzipSiteServer
from sitekit import RUN_PID, shared_served_build


@pytest.fixture
def tiny_site(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>" + "hello " * 200 + "</p>")
    (tmp_path / "404.html").write_text("<p>not here</p>")
    (tmp_path / "img.png").write_bytes(b"\x89PNG" + bytes(200))
    with GzipSiteServer(tmp_path) as server:
        yield server


def _get(server, path, gzip_ok=True):
    conn = http.client.HTTPConnection("127.0.0.1", server.port)
    conn.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_text_is_gzipped_and_counted(tiny_site):
    response, body = _get(tiny_site, "/a/")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body).startswith(b"<p>hello")
    # The server logs a transfer after its last write, which can be just after
    # the client has read the whole body.
    entries = []
    for _ in range(200):
        entries = tiny_site.log.take()
        if entries:
            break
        time.sleep(0.01)
    (entry,) = entries or [None]
    assert entry is not None and entry.bytes > len(body)  # headers counted too


def test_text_is_plain_without_accept_encoding(tiny_site):
    response, body = _get(tiny_site, "/a/", gzip_ok=False)
    assert response.getheader("Content-Encoding") is None
    assert body.startswith(b"<p>hello")


def test_images_are_not_gzipped(tiny_site):
    response, _ = _get(tiny_site, "/img.png")
    assert response.getheader("Content-Encoding") is None


def test_directory_without_slash_redirects(tiny_site):
    response, _ = _get(tiny_site, "/a")
    assert response.status == 301 and response.getheader("Location") == "/a/"


def test_missing_path_gets_the_404_page(tiny_site):
    response, body = _get(tiny_site, "/nope/")
    assert response.status == 404
    assert b"not here" in gzip.decompress(body)


def test_paths_cannot_leave_the_site(tiny_site):
    response, _ = _get(tiny_site, "/../../etc/passwd")
    assert response.status == 404


@pytest.mark.parametrize("pages, mount", [(True, "/"), (False, "/REPO/")], ids=["pages", "plain-under-a-sub-path"])
def test_a_shared_build_is_built_once_for_its_server_which_serves_until_the_run_ends(
        tmp_path_factory, monkeypatch, pages, mount):
    """sitekit.shared_served_build: the build knows the address it is served
    at, a second ask reads the first build, and the server (a process of its
    own) answers until the run's controlling process is gone."""
    run = subprocess.Popen(["sleep", "120"])  # stands for the run's pytest process
    monkeypatch.setenv(RUN_PID, str(run.pid))
    try:
        def build(site_dir, base):
            (site_dir / "a").mkdir(parents=True)
            (site_dir / "a" / "index.html").write_text(f'<link rel="canonical" href="{base}a/">')
            return subprocess.CompletedProcess(["build"], 0, "", "")

        def build_again(site_dir, base):
            raise AssertionError("built twice")

        name = f"served-{'pages' if pages else 'plain'}"
        shared = shared_served_build(tmp_path_factory, name, build, mount=mount, pages=pages)
        again = shared_served_build(tmp_path_factory, name, build_again, mount=mount, pages=pages)
        assert (again.site_dir, again.base_url, again.result.returncode) == (shared.site_dir, shared.base_url, 0)
        assert shared.base_url.startswith("http://127.0.0.1:") and shared.base_url.endswith(mount)
        with urllib.request.urlopen(shared.base_url + "a/", timeout=10) as response:
            assert response.read().decode() == f'<link rel="canonical" href="{shared.base_url}a/">'
    finally:
        run.kill()
        run.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(shared.base_url + "a/", timeout=2).close()
        except OSError:
            return
        time.sleep(0.2)
    pytest.fail("the server still answers after the run ended")
