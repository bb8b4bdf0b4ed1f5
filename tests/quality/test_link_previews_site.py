"""Link previews, hreflang and sitemap dates on small bilingual sites of the
test's own, built in this process with devconcepts-seo and the project's
site-meta partial: a translated page, a page only in Korean with a long
title, and a git history with fixed dates."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from bilingual.pages import built_pages
from devconcepts.seo import preview
from devconcepts.seo.fonts import find_fonts
from quality.link_tags import (head_links, hreflang_disagreements, og_tags, preview_problems, sitemap_pairs)
from devconcepts_testkit import ROOT, build_in_process

# Three small builds: outside the fast tier, which has a time budget.
pytestmark = pytest.mark.slow

BASE = "https://octo.github.io/study-notes/"
LONG_TITLE = "번역이 없는 페이지의 아주 긴 한국어 제목은 미리보기 이미지 안에서 여러 줄로 감싸져야 한다"
PAGES = {
    "index.md": "# 홈\n\n한국어 홈.\n",
    "index.en.md": "# Home\n\nEnglish home.\n",
    "topic.md": "# 주제\n\n번역된 주제 페이지.\n",
    "topic.en.md": "# Topic\n\nA translated topic page.\n",
    "only-korean.md": f"# {LONG_TITLE}\n\n번역이 없는 페이지.\n",
}
FIRST, SECOND = "2024-01-02T12:00:00+00:00", "2024-03-04T12:00:00+00:00"


def _config(project: Path, font_dirs: list[str] | None = None) -> Path:
    overrides = project / "overrides"
    (overrides / "partials").mkdir(parents=True, exist_ok=True)
    # Only the head's partial from the project: the rest of overrides/ needs
    # the project's other plugins.
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block site_meta %}{% include "partials/site-meta.html" %}{% endblock %}\n',
        encoding="utf-8")
    link = overrides / "partials" / "site-meta.html"
    if not link.exists():
        link.symlink_to(ROOT / "overrides" / "partials" / "site-meta.html")
    seo = f"\n      cache_dir: {project / 'cache'}" + (f"\n      font_dirs: {font_dirs}" if font_dirs is not None else "")
    config = project / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: 미리보기 시험
        site_description: 시험용 사이트
        site_url: {BASE}
        docs_dir: docs
        theme: {{name: material, language: ko, custom_dir: overrides, font: false}}
        validation:
          links: {{not_found: info, anchors: info, unrecognized_links: info}}
        plugins:
          - i18n:
              docs_structure: suffix
              fallback_to_default: true
              languages:
                - {{locale: ko, name: 한국어, default: true, build: true}}
                - {{locale: en, name: English, build: true, site_name: Preview test}}
          - devconcepts-seo:""") + seo + "\n", encoding="utf-8")
    return config


def _git(project: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=project, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The site's sources in a repository of two commits: the first adds every
    page, the second changes only the Korean topic page."""
    project = tmp_path_factory.mktemp("previews")
    docs = project / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    _config(project)
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "pages", date=FIRST)
    (docs / "topic.md").write_text(PAGES["topic.md"] + "\n고친 문장.\n", encoding="utf-8")
    _git(project, "commit", "-q", "-am", "topic", date=SECOND)
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    site = project / "site"
    result = build_in_process(site, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return site


def test_each_page_gets_the_date_its_source_last_changed(site):
    lastmod = {loc: date for loc, date in _lastmods(site).items()}
    assert lastmod[BASE + "topic/"] == SECOND[:10]
    assert lastmod[BASE] == FIRST[:10]
    assert lastmod[BASE + "en/topic/"] == FIRST[:10]
    assert "changefreq" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def _lastmods(site: Path) -> dict[str, str]:
    import xml.etree.ElementTree as ElementTree
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return {url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
            for url in root.findall("s:url", ns)}


def test_an_untranslated_page_links_only_the_korean_page(site):
    pages = {page.url: page for page in built_pages(site)}
    original = {"ko": BASE + "only-korean/", "x-default": BASE + "only-korean/"}
    assert head_links(pages["only-korean/"]) == original
    # static-i18n's fallback copy under /en/ is not a translation.
    assert head_links(pages["en/only-korean/"]) == original
    assert BASE + "en/only-korean/" not in sitemap_pairs(site)
    assert head_links(pages["en/topic/"]) == {"ko": BASE + "topic/", "en": BASE + "en/topic/",
                                              "x-default": BASE + "topic/"}
    assert hreflang_disagreements(site, BASE) == []
    assert og_tags(pages["only-korean/"]).get("og:locale:alternate") is None
    assert og_tags(pages["topic/"])["og:locale:alternate"] == ["en_US"]


def test_every_page_has_absolute_preview_tags_and_its_image(site):
    problems, sizes = preview_problems(site, BASE)
    assert problems == []
    # One image per page and language, the fallback copy included.
    assert sorted(sizes) == sorted(BASE + f"assets/previews/{name}.png" for name in (
        "ko/index", "ko/topic", "ko/only-korean", "en/index", "en/topic", "en/only-korean"))
    tags = og_tags({page.url: page for page in built_pages(site)}["en/"])
    assert tags["og:type"] == ["website"] and tags["og:title"] == ["Preview test"]


def test_the_long_korean_title_is_drawn_wrapped_inside_the_margins(site):
    """The page's image is its title, site name and topic (the site
    description: the page is in no navigation section) as preview.py lays
    them out; tests/quality/test_link_preview_image.py checks that layout's
    lines and margins pixel by pixel."""
    fonts = find_fonts()
    plan = preview.layout(LONG_TITLE, "시험용 사이트", "미리보기 시험", fonts)
    assert len(plan.title) >= 2 and " ".join(line.text for line in plan.title) == LONG_TITLE
    m = preview.MARGIN
    assert all(m <= line.box[0] and m <= line.box[1] and line.box[2] <= preview.WIDTH - m
               and line.box[3] <= preview.HEIGHT - m for line in plan.lines)
    drawn = (site / "assets/previews/ko/only-korean.png").read_bytes()
    assert drawn == preview.render(LONG_TITLE, "시험용 사이트", "미리보기 시험", fonts)
    # The English build's fallback copy: the same title, the English site name.
    assert (site / "assets/previews/en/only-korean.png").read_bytes() == preview.render(
        LONG_TITLE, "시험용 사이트", "Preview test", fonts)


def test_a_second_build_takes_the_images_from_the_cache(project, site):
    images = {path.name: path.read_bytes() for path in (site / "assets/previews/ko").iterdir()}
    cached = sorted((project / "cache").glob("*.png"))
    assert len(cached) == 6
    # A cached image is what the build copies: mark one and build again.
    marked = next(path for path in cached if path.read_bytes() == images["topic.png"])
    marked.write_bytes(images["topic.png"] + b"cached")
    again = project / "again"
    result = build_in_process(again, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert (again / "assets/previews/ko/topic.png").read_bytes() == images["topic.png"] + b"cached"
    assert (again / "assets/previews/ko/index.png").read_bytes() == images["index.png"]


def test_a_build_without_the_nanum_font_stops_with_what_to_install(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    for name, text in PAGES.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    config = _config(project, font_dirs=[str(empty)])
    result = build_in_process(project / "site", config)
    assert result.returncode != 0, result.stderr
    assert "fonts-nanum" in result.stderr and "NanumGothic" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_title_the_font_cannot_draw_stops_at_its_page(tmp_path):
    """The drawing process finds the character; the build names the page."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    for name, text in {**PAGES, "emoji.md": "# 웃는 얼굴 \U0001F600\n\n그림 문자 제목.\n"}.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    config = _config(project)
    result = build_in_process(project / "site", config)
    assert result.returncode != 0, result.stderr
    assert "docs/emoji.md:1: the Nanum font has no glyph for '\U0001F600' (U+1F600)" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_kept_image_replaces_the_one_a_dirty_build_left(tmp_path):
    from devconcepts.seo.plugin import _place

    first, second, target = tmp_path / "first.png", tmp_path / "second.png", tmp_path / "site" / "topic.png"
    first.write_bytes(b"first")
    second.write_bytes(b"second")
    target.parent.mkdir()
    _place(first, target)
    _place(second, target)
    assert target.read_bytes() == b"second" and first.read_bytes() == b"first"
