"""A [[term:id]] with an unknown id fails the strict build, naming the file and line."""

from devconcepts_testkit import build_site
from sitekit import TERMS_FILE
from glossary.fixture_site import own_term_list, write_site


def test_unknown_term_reference_fails_the_build_with_file_and_line(tmp_path):
    config = write_site(tmp_path, {
        "index.md": "# 시작\n\n[[term:etcd]]는 있다.\n",
        "broken.md": "---\ntitle: 깨진 페이지\n---\n\n# 깨진 페이지\n\n첫 줄.\n둘째 줄에 [[term:etcdd]]가 있다.\n",
    })
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "docs/broken.md:8: unknown term 'etcdd'" in result.stderr


def test_known_term_references_build(tmp_path):
    config = write_site(tmp_path, {"index.md": "# 시작\n\n[[term:etcd]]와 [[term:kubelet|노드 에이전트]]\n"})
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary/#kubelet"' in html and ">노드 에이전트</a>" in html


def test_missing_section_anchor_of_a_term_fails_the_strict_build(tmp_path):
    config = write_site(tmp_path, {"index.md": "# 시작\n\n## 있는 절\n\n위젯을 쓴다.\n"})
    own_term_list(tmp_path, "- id: widget\n  names: {ko: 위젯, en: Widget}\n"
                            "  definitions: {ko: 시험용 용어., en: A test term.}\n"
                            "  page: index.md#없는-절\n")
    text = config.read_text(encoding="utf-8")
    text = text.replace("      check_anchors: false\n", "      check_anchors: true\n")
    config.write_text(text, encoding="utf-8")
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    # The line of the entry's `page`, in the format of the pages' errors.
    assert "data/terms.yml:4: term 'widget': no '#없는-절' on index.md" in result.stderr
    assert "있는-절" in result.stderr  # the ids that do exist, to pick from


def test_a_term_list_named_apart_from_the_sites_stops_the_build(tmp_path):
    # Search reads data/terms.yml; a glossary reading another list would disagree with it.
    config = write_site(tmp_path, {"index.md": "# 시작\n"})
    text = config.read_text(encoding="utf-8")
    other = tmp_path / "other.yml"
    other.write_text(TERMS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    config.write_text(text.replace("  - devconcepts.glossary\n",
                                   f"  - devconcepts.glossary:\n      terms_file: {other}\n"), encoding="utf-8")
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert ("mkdocs.yml: devconcepts.glossary: terms_file: the site's term list is data/terms.yml beside "
            "mkdocs.yml, which the glossary, the tooltips and search all read") in result.stderr, result.stderr
