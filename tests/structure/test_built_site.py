"""devconcepts.core.built_site: the one "built file → URL", and the built
site that the stages after the last language share (each file read once,
kept as they write it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from devconcepts.core import built_site as built_site_module
from devconcepts.core.built_site import BuiltSite, built_site, file_of, url_of

ROOT = Path(__file__).resolve().parents[2]


def test_a_built_file_has_the_url_links_use():
    assert url_of("index.html") == ""
    assert url_of("oltp/index.html") == "oltp/"
    assert url_of("en/index.html") == "en/"
    assert url_of("en/oltp/index.html") == "en/oltp/"
    assert url_of("404.html") == "404.html"
    assert url_of("en/404.html") == "en/404.html"
    assert url_of("assets/stylesheets/main.css") == "assets/stylesheets/main.css"
    # Only a file named index.html stands for its folder.
    assert url_of("reindex.html") == "reindex.html"
    assert url_of("a/reindex.html") == "a/reindex.html"


def test_a_url_has_its_built_file():
    for relative in ("index.html", "oltp/index.html", "en/404.html", "assets/x.js", "en/index.html"):
        assert file_of(url_of(relative)) == relative


@pytest.fixture
def small_site(tmp_path) -> Path:
    for relative, data in {"index.html": b"<p>home</p>\r\n", "oltp/index.html": "<p>오</p>\n".encode(),
                           "assets/a.css": b"p{}", "assets/.hidden": b"", "old.bin": b"\xff\xfe"}.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(data)
    return tmp_path


def test_the_files_are_listed_once_and_kept_as_written(small_site):
    site = BuiltSite(small_site)
    assert site.files() == ["assets/.hidden", "assets/a.css", "index.html", "old.bin", "oltp/index.html"]
    assert site.pages() == ["index.html", "oltp/index.html"]
    # Written around it: not seen (the list and the text were read once).
    assert site.text("oltp/index.html") == "<p>오</p>\n"
    (small_site / "oltp/index.html").write_text("<p>changed</p>", encoding="utf-8")
    (small_site / "late.html").write_text("", encoding="utf-8")
    assert site.text("oltp/index.html") == "<p>오</p>\n"
    assert "late.html" not in site.files()
    # Written through it: on disk at once, and seen by every later reader.
    site.write("en/oltp/index.html", "<p>Oh</p>\n")
    site.write("en/oltp/index.html", "<p>O</p>\n")
    site.write("assets/a.css", b"a{}")
    assert (small_site / "en/oltp/index.html").read_bytes() == b"<p>O</p>\n"
    assert site.text("en/oltp/index.html") == "<p>O</p>\n" and site.data("assets/a.css") == b"a{}"
    assert site.files() == sorted(site.files()) and site.files().count("en/oltp/index.html") == 1
    assert "en/oltp/index.html" in site.pages()


def test_a_file_another_process_wrote_is_listed_once_noted_and_read_from_disk(small_site):
    site = BuiltSite(small_site)
    assert site.data("assets/a.css") == b"p{}" and "assets/a.css" in site.files()
    (small_site / "assets/previews").mkdir()
    (small_site / "assets/previews/oltp.png").write_bytes(b"png")
    (small_site / "assets/a.css").write_bytes(b"b{}")
    assert "assets/previews/oltp.png" not in site.files()
    site.written_beside("assets/previews/oltp.png")
    site.written_beside("assets/previews/oltp.png")
    site.written_beside("assets/a.css")
    assert site.files().count("assets/previews/oltp.png") == 1 and site.files() == sorted(site.files())
    assert site.data("assets/previews/oltp.png") == b"png" and site.data("assets/a.css") == b"b{}"


def test_text_is_read_as_read_text_reads_it_and_data_as_the_bytes(small_site):
    site = BuiltSite(small_site)
    assert site.text("index.html") == (small_site / "index.html").read_text(encoding="utf-8") == "<p>home</p>\n"
    assert site.data("index.html") == b"<p>home</p>\r\n"
    with pytest.raises(UnicodeDecodeError):
        site.text("old.bin")
    assert site.text("old.bin", errors="replace") == "\ufffd\ufffd"
    site.write("crlf.html", "a\r\nb")
    assert site.text("crlf.html") == "a\nb" and site.data("crlf.html") == b"a\r\nb"


def _config(tmp_path: Path, name: str):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / f"{name}.yml").write_text(f"site_name: t\nsite_dir: {tmp_path / name}\n", encoding="utf-8")
    return load_config(str(tmp_path / f"{name}.yml"))


def test_every_stage_of_one_build_shares_one_site_and_a_new_build_gets_its_own(tmp_path):
    config = _config(tmp_path, "site")
    shared = built_site(config)
    assert built_site(config) is shared and shared.root == Path(config.site_dir)
    assert built_site(_config(tmp_path, "site")) is not shared


def test_the_site_is_not_shared_while_a_language_is_still_being_built(tmp_path, monkeypatch):
    config = _config(tmp_path, "site")
    monkeypatch.setattr(built_site_module, "all_languages_built", lambda _: False)
    with pytest.raises(RuntimeError, match="every language is built"):
        built_site(config)


HAND_MADE_URL = re.compile(r"""(?:len|removesuffix|endswith)\(\s*["']/?index\.html["']\s*\)"""
                           r"""|==\s*["']index\.html["']""")
"""How a module turns a built file into its URL by hand."""


def hand_made_urls(root: Path = ROOT) -> list[str]:
    paths = [*root.glob("src/**/*.py"), *root.glob("tests/**/*.py"), *root.glob("bench/**/*.py"),
             *(path for path in root.glob("scripts/*") if path.is_file()
               and path.read_text(encoding="utf-8", errors="replace").startswith("#!/usr/bin/env python"))]
    found = []
    for path in sorted(paths):
        if path.name in ("built_site.py", Path(__file__).name):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HAND_MADE_URL.search(line):
                found.append(f"{path.relative_to(root).as_posix()}:{number}")
    return found


def test_one_way_turns_a_built_file_into_its_url():
    assert hand_made_urls() == []


def test_the_check_finds_a_url_made_by_hand(tmp_path):
    (tmp_path / "src" / "x").mkdir(parents=True)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "src" / "x" / "a.py").write_text('u = p[: -len("index.html")]\nok = 1\n', encoding="utf-8")
    (tmp_path / "scripts" / "tool").write_text('#!/usr/bin/env python3\nhome = p == "index.html"\n',
                                               encoding="utf-8")
    assert hand_made_urls(tmp_path) == ["scripts/tool:2", "src/x/a.py:1"]
