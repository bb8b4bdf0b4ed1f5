"""The devconcepts-print plugin without a browser: chapter rewriting, dates of
last change, and the builds it refuses or trims."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess

from devconcepts_testkit import build_in_process, build_site
from devconcepts.core import git_dates
from devconcepts.print_book.chapters import Chapter, rewrite_chapter

from .fixture import write_fixture, write_small_book

CHAPTERS = {url: Chapter(url=url, anchor=anchor)
            for url, anchor in [("sheet/", "sheet"), ("other/", "other"), ("a/b/", "a-b")]}


def _rewrite(html, chapter="sheet/", book="print/"):
    return rewrite_chapter(html, CHAPTERS[chapter], CHAPTERS, book)


def test_ids_and_their_references_get_the_chapter_prefix():
    html, ids = _rewrite(
        '<h2 id="공통-절">공통 절<a class="headerlink" href="#공통-절">&para;</a></h2>'
        '<input id="__tabbed_1_1" name="__tabbed_1" type="radio">'
        '<label for="__tabbed_1_1">A</label><div aria-labelledby="x y"></div>'
        '<a href="#fn:1">1</a><p id="fn:1">note</p>')
    assert 'id="sheet--공통-절"' in html and 'href="#sheet--공통-절"' in html
    assert 'id="sheet--__tabbed_1_1"' in html and 'name="sheet--__tabbed_1"' in html
    assert 'for="sheet--__tabbed_1_1"' in html
    assert 'aria-labelledby="sheet--x sheet--y"' in html
    assert 'href="#sheet--fn:1"' in html and 'id="sheet--fn:1"' in html
    assert ids == ["sheet--공통-절", "sheet--__tabbed_1_1", "sheet--fn:1"]


def test_links_between_topics_become_jumps_inside_the_book():
    html, _ = _rewrite('<a href="../other/#%EA%B3%B5%ED%86%B5-%EC%A0%88">x</a>'
                       '<a href="../other/">y</a><a href="../a/b/#c">z</a>')
    assert 'href="#other--공통-절"' in html
    assert 'href="#other"' in html
    assert 'href="#a-b--c"' in html


def test_other_relative_urls_are_rebased_on_the_book():
    html, _ = _rewrite('<a href="../../">home</a><img src="../../../img/x.png" alt="">'
                       '<a href="../../other/?q=1">q</a>', chapter="a/b/", book="print/")
    assert 'href="../"' in html
    assert 'src="../img/x.png"' in html
    assert 'href="../other/?q=1"' in html  # with a query it is not a plain chapter link
    html, _ = _rewrite('<a href="../">home</a>', chapter="sheet/", book="en/print/")
    assert 'href="../../"' in html


def test_absolute_urls_and_markup_stay_as_written():
    source = ('<a href="https://example.org/a?b=1&amp;c=2">ext</a><a href="mailto:x@example.org">m</a>'
              '<svg viewBox="0 0 24 24"><path d="M1 2"/></svg><p>A &amp; B &lt;tag&gt; &#8212;</p>'
              '<!-- note --><pre><code>if a &lt; b: pass</code></pre>')
    html, ids = _rewrite(source)
    assert html == source
    assert ids == []


def test_headings_move_one_level_down():
    html, _ = _rewrite("<h1>T</h1><h2>S</h2><h6>D</h6>")
    assert html == "<h2>T</h2><h3>S</h3><h6>D</h6>"


def _git(repo, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_last_change_is_the_last_commit_of_the_file(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("one")
    (tmp_path / "b.md").write_text("one")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first", date="2021-03-04T12:00:00+00:00")
    (tmp_path / "b.md").write_text("two")
    _git(tmp_path, "commit", "-q", "-am", "second", date="2022-05-06T12:00:00+00:00")
    git_dates.forget()
    assert git_dates.last_change(tmp_path / "a.md") == dt.date(2021, 3, 4)
    assert git_dates.last_change(tmp_path / "b.md") == dt.date(2022, 5, 6)


def test_last_change_falls_back_to_mtime_without_history(tmp_path):
    _git(tmp_path, "init", "-q")
    new = tmp_path / "new.md"  # in a repository, not committed
    new.write_text("x")
    stamp = dt.datetime(2020, 1, 2, 12, tzinfo=dt.timezone.utc).timestamp()
    os.utime(new, (stamp, stamp))
    outside = tmp_path.parent / f"{tmp_path.name}-plain.md"  # no repository at all
    outside.write_text("y")
    os.utime(outside, (stamp, stamp))
    git_dates.forget()
    assert git_dates.last_change(new) == dt.date(2020, 1, 2)
    assert git_dates.last_change(outside) == dt.date(2020, 1, 2)
    assert git_dates.last_change(tmp_path / "missing.md") is None


def test_missing_book_placeholder_fails_the_build(tmp_path):
    config = write_fixture(tmp_path, book=False)
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert ("mkdocs.yml: devconcepts-print: book: the placeholder page 'docs/print.md' does not exist"
            in result.stderr), result.stderr


def test_a_book_holds_only_its_own_language(tmp_path):
    """A topic without an English version is named in the build log and left
    out of the English book instead of printing its Korean fallback there."""
    config = write_small_book(tmp_path, skip=("other.en.md",))
    strict = build_in_process(tmp_path / "strict", config)
    assert strict.returncode != 0
    assert "docs/other.md:1: no 'en' version, left out of the 'en' print book" in strict.stderr
    lenient = build_in_process(tmp_path / "site", config, strict=False)
    assert lenient.returncode == 0, lenient.stderr
    english = (tmp_path / "site" / "en" / "print" / "index.html").read_text(encoding="utf-8")
    korean = (tmp_path / "site" / "print" / "index.html").read_text(encoding="utf-8")
    assert 'class="print-chapter" id="sheet"' in english
    assert 'id="other"' not in english and "같은 이름의 절이 두 페이지에 있다" not in english
    assert 'class="print-chapter" id="other"' in korean
    assert "같은 이름의 절이 두 페이지에 있다" in korean


def test_a_failing_git_log_inside_a_repository_is_reported(tmp_path, caplog):
    # A repository whose history cannot be read would print file times as
    # last-change dates; --strict turns the warning into a failed build.
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("one")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first", date="2021-03-04T12:00:00+00:00")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout.strip()
    (tmp_path / ".git" / "objects" / head[:2] / head[2:]).unlink()  # the commit object is gone
    git_dates.forget()
    with caplog.at_level(logging.WARNING):
        git_dates.last_change(tmp_path / "a.md")
    assert any("git failed in" in record.getMessage() for record in caplog.records)


def test_a_checkout_git_cannot_read_is_reported(tmp_path, caplog):
    # `.git` is there, so the dates should come from git; a worktree whose
    # repository is gone is not the same as no repository at all.
    (tmp_path / ".git").write_text("gitdir: /nonexistent/worktree\n")
    (tmp_path / "a.md").write_text("one")
    git_dates.forget()
    with caplog.at_level(logging.WARNING):
        git_dates.last_change(tmp_path / "a.md")
    assert any("git failed in" in record.getMessage() for record in caplog.records)


def test_a_git_that_cannot_run_inside_a_checkout_is_reported(tmp_path, caplog, monkeypatch):
    # An OSError from running git (EINVAL from a sleep while waiting for it,
    # say) would otherwise print file times as last-change dates.
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("one")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first", date="2021-03-04T12:00:00+00:00")
    run = subprocess.run

    def failing(args, **options):
        if args[0] == "git":
            raise OSError(22, "Invalid argument")
        return run(args, **options)

    monkeypatch.setattr(git_dates.subprocess, "run", failing)
    git_dates.forget()
    with caplog.at_level(logging.WARNING):
        git_dates.last_change(tmp_path / "a.md")
    assert any("git could not run in" in record.getMessage() for record in caplog.records)
