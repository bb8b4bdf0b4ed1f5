"""The test server answers like GitHub Pages: gzip for text, redirects for
directory URLs without a slash, the site's 404 page, and byte counts that
match what went over the wire."""

from __future__ import annotations

import gzip
import time
import http.client

import pytest

from devconcepts_testkit import GzipSiteServer


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
