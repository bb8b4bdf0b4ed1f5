"""The site's data fails like its pages: a mistake in the term list or a
diagram stops the build with one line, `data/<file>.yml:LINE: message`, and
no Python traceback around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from devconcepts.core.data_yaml import load
from devconcepts.diagrams.load import DiagramError, read_diagram
from devconcepts.core.errors import SourceError
from devconcepts.terms.term_list import TermListError, load_terms
from glossary.fixture_site import write_site
from devconcepts_testkit import build_site
from sitekit import DIAGRAMS_DIR, LOCALES

TERM = "- id: {id}\n  names: {{ko: 위젯, en: Widget}}\n  definitions: {{ko: 시험용 용어., en: A test term.}}\n"
DIAGRAM = DIAGRAMS_DIR / "kubernetes-cluster.yml"


def site_with_data(tmp_path: Path, terms: str | None = None, diagram: str | None = None) -> Path:
    """The glossary fixture site with its own copy of data/, changed as given."""
    config = write_site(tmp_path, {"index.md": "# 시작\n\n본문.\n"})
    data = tmp_path / "data"
    data.unlink()  # the fixture links the real data; this site gets its own
    (data / "diagrams").mkdir(parents=True)
    (data / "terms.yml").write_text(terms if terms is not None else TERM.format(id="widget"), encoding="utf-8")
    (data / "diagrams" / DIAGRAM.name).write_text(diagram or DIAGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    text = (config.read_text(encoding="utf-8")
            .replace("  - devconcepts.glossary\n", "  - devconcepts.glossary\n  - devconcepts.diagram\n")
            .replace("plugins:\n", "plugins:\n  - devconcepts-diagrams\n"))
    config.write_text(text, encoding="utf-8")
    return config


def failed_with(tmp_path: Path, config: Path, line: str) -> None:
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    errors = [entry for entry in result.stderr.splitlines() if "ERROR" in entry]
    assert any(entry.endswith(line) for entry in errors), result.stderr


def test_malformed_term_list_stops_the_build_with_its_line(tmp_path):
    terms = TERM.format(id="widget") + "- id: gadget\n  names: {ko: 가젯, en: Gadget\n"
    config = site_with_data(tmp_path, terms=terms)
    failed_with(tmp_path, config, "data/terms.yml:6: not valid YAML: did not find expected ',' or '}' "
                                  "(while parsing a flow mapping on line 5)")


def test_duplicate_term_id_stops_the_build_with_its_line(tmp_path):
    config = site_with_data(tmp_path, terms=TERM.format(id="widget") + TERM.format(id="widget"))
    failed_with(tmp_path, config, "data/terms.yml:4: term 'widget': duplicate id (first on line 1)")


def test_diagram_edge_to_an_unknown_node_stops_the_build_with_its_line(tmp_path):
    source = DIAGRAM.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines, start=1) if line.strip() == "to: api-server")
    lines[number - 1] = lines[number - 1].replace("api-server", "nowhere")
    config = site_with_data(tmp_path, diagram="".join(lines))
    edge_from = lines[number - 2].split(":", 1)[1].strip()
    failed_with(tmp_path, config, f"data/diagrams/kubernetes-cluster.yml:{number}: "
                                  f"edge {edge_from} -> nowhere: no node 'nowhere'")


# The readers alone, without a build --------------------------------------


@pytest.mark.parametrize("text, line, message", [
    ("a: [1, 2\n", 2, "not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 1)"),
    ("a: 1\nb:\n  c: 1\n  c: 2\n", 4, "'c' is given twice in one entry (first on line 3)"),
    ("? [1]\n: x\n", 1, "a key must be text, not a list or mapping"),
])
def test_yaml_errors_name_the_line(text, line, message):
    with pytest.raises(SourceError) as raised:
        load(text, "data/x.yml")
    assert str(raised.value) == f"data/x.yml:{line}: {message}"


def test_yaml_values_remember_their_lines():
    data = load("- id: a\n  page:\n    ko: x.md#a\n- id: b\n")
    assert (data.line_of(0), data.line_of(1)) == (1, 4)
    assert data[0].line_of("page") == 2 and data[0]["page"].line_of("ko") == 3


@pytest.mark.parametrize("entry, line, message", [
    ("  page: index.md\n", 4, "term 'widget': page 'index.md' must be `file.md#anchor`"),
    ("  case_sensitive: maybe\n", 4, "term 'widget': case_sensitive must be true or false"),
    ("  aliases: {ko: [위젯, 3]}\n", 4, "term 'widget': aliases.ko must be a list of text"),
    ("  avoid:\n    en: [Gizmo]\n    ko: [위젯]\n", 6, "term 'widget': avoid.ko lists the term's own name '위젯'"),
])
def test_term_list_errors_point_at_the_key(tmp_path, entry, line, message):
    terms = tmp_path / "terms.yml"
    terms.write_text(TERM.format(id="widget") + entry, encoding="utf-8")
    with pytest.raises(TermListError) as raised:
        load_terms(terms, LOCALES)
    assert str(raised.value) == f"{terms.resolve()}:{line}: {message}"


def test_a_term_remembers_the_line_of_its_page(tmp_path):
    terms = tmp_path / "terms.yml"
    terms.write_text(TERM.format(id="a") + TERM.format(id="b") + "  page:\n    ko: x.md#가\n    en: x.md#a\n",
                     encoding="utf-8")
    first, second = load_terms(terms, LOCALES)
    assert (first.line, second.line) == (1, 4)
    assert (second.page_line_for("ko"), second.page_line_for("en")) == (8, 9)


@pytest.mark.parametrize("change, message", [
    (("  - id: etcd\n", "  - id: scheduler\n"), "node 'scheduler' is listed twice (first on line {first})"),
    (("title:\n  ko: 쿠버네티스 클러스터 구성도\n", "title:\n"), "'title': no 'ko' text"),
])
def test_diagram_errors_point_at_the_entry(tmp_path, change, message):
    source = DIAGRAM.read_text(encoding="utf-8")
    old, new = change
    assert old in source
    changed = source.replace(old, new, 1)
    path = tmp_path / "broken.yml"
    path.write_text(changed, encoding="utf-8")
    line = source[: source.index(old)].count("\n") + 1
    first = next((index for index, text in enumerate(changed.splitlines(), start=1)
                  if text == "  - id: scheduler"), 0)
    with pytest.raises(DiagramError) as raised:
        read_diagram(path, LOCALES)
    assert str(raised.value) == f"{path.resolve()}:{line}: {message.format(first=first)}"
