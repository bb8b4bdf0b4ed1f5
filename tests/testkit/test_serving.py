"""The tests' plain server revalidates a file by its bytes' stat, not by a
Last-Modified of one-second resolution: a site deployed twice within one
second must not answer 304 with the old file."""

from __future__ import annotations

import os
import urllib.error
import urllib.request

from devconcepts_testkit import serve_directory
from devconcepts_testkit.serving import LocalServer


def _get(url: str, **headers: str) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def test_a_file_rewritten_within_the_same_second_is_sent_again(tmp_path):
    style = tmp_path / "style.css"
    style.write_text('"1"', encoding="utf-8")
    os.utime(style, ns=(1_700_000_000_100_000_000,) * 2)
    server, base = serve_directory(tmp_path)
    try:
        status, body, headers = _get(base + "style.css")
        assert (status, body) == (200, b'"1"')
        first = headers["ETag"]
        assert _get(base + "style.css", **{"If-None-Match": first})[0] == 304

        style.write_text('"2"', encoding="utf-8")
        os.utime(style, ns=(1_700_000_000_600_000_000,) * 2)
        status, body, _ = _get(base + "style.css", **{"If-None-Match": first,
                                                      "If-Modified-Since": headers["Last-Modified"]})
        assert (status, body) == (200, b'"2"')
        assert _get(base + "style.css", **{"If-Modified-Since": headers["Last-Modified"]})[:2] == (200, b'"2"')
    finally:
        server.shutdown()
        server.server_close()


def test_a_folder_is_revalidated_by_its_index(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>1</p>", encoding="utf-8")
    server, base = serve_directory(tmp_path)
    assert isinstance(server, LocalServer)
    try:
        status, _, headers = _get(base + "a/")
        assert status == 200
        assert _get(base + "a/", **{"If-None-Match": headers["ETag"]})[0] == 304
    finally:
        server.shutdown()
        server.server_close()
