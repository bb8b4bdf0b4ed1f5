"""The cluster architecture diagram: inline SVG drawn at build, with real text,
the right arrows, a text alternative, no request to another host, and
readable text in both colour schemes."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from sitekit import DIAGRAMS_DIR
from glossary.site_pages import LOCALES, article

SPEC = yaml.safe_load((DIAGRAMS_DIR / "kubernetes-cluster.yml").read_text(encoding="utf-8"))
EXPECTED_ARROWS = {
    ("user", "api-server"), ("controller-manager", "api-server"), ("scheduler", "api-server"),
    ("kubelet", "api-server"), ("kube-proxy", "api-server"), ("api-server", "etcd"),
    ("kubelet", "container-runtime"), ("container-runtime", "pods"),
}


def figure(site, locale):
    return article(site, "kubernetes-cluster.md", locale).select_one("figure#cluster-diagram")


@pytest.mark.parametrize("locale", LOCALES)
def test_diagram_is_inline_svg_with_real_text_in_the_pages_language(site, locale):
    svg = figure(site, locale).svg
    texts = [text.get_text() for text in svg.find_all("text")]
    for node in SPEC["nodes"]:
        label = node["label"][locale]
        assert (label if isinstance(label, str) else label[0]) in texts
    for group in SPEC["groups"]:
        assert group["label"][locale] in texts
    assert svg.find(["image", "foreignobject", "script"]) is None


@pytest.mark.parametrize("locale", LOCALES)
def test_arrows_show_who_talks_to_whom(site, locale):
    arrows = {(edge["data-from"], edge["data-to"]) for edge in figure(site, locale).select("g.diagram__edge")}
    assert arrows == EXPECTED_ARROWS
    assert {start for start, end in arrows if end == "etcd"} == {"api-server"}
    assert all(edge.select_one("polygon.diagram__arrowhead") for edge in figure(site, locale).select("g.diagram__edge"))


@pytest.mark.parametrize("locale", LOCALES)
def test_diagram_has_a_text_alternative(site, locale):
    fig = figure(site, locale)
    svg = fig.svg
    assert svg["role"] == "img"
    title = svg.find("title", id=svg["aria-labelledby"])
    desc = svg.find("desc", id=svg["aria-describedby"])
    assert title.get_text() == SPEC["title"][locale]
    assert desc.get_text().strip() == SPEC["description"][locale].strip()
    items = [li.get_text() for li in fig.figcaption.select("ul li")]
    assert items == [edge["text"][locale] for edge in SPEC["edges"]] + SPEC["notes"][locale]


CONTRAST = """figure => {
  const rgb = value => (value.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backdrop = element => {
    for (let el = element; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0)) return c;
    }
    return [255, 255, 255];
  };
  const page = backdrop(figure);
  return [...figure.querySelectorAll('svg text')].map(text => {
    const box = text.closest('g.diagram__node');
    const under = box ? rgb(getComputedStyle(box.querySelector('rect')).fill) : page;
    return {text: text.textContent, ratio: ratio(rgb(getComputedStyle(text).fill), under)};
  });
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme, expected", [("dark", "slate"), ("light", "default")])
def test_diagram_text_is_readable_in_both_schemes_and_loads_nothing_from_elsewhere(
        browser, site_url, scheme, expected):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        hosts = set()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
        page.goto(site_url + "kubernetes-cluster/")
        page.wait_for_load_state("networkidle")
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        results = page.locator("figure#cluster-diagram").evaluate(CONTRAST)
        assert len(results) > 10
        low = [r for r in results if r["ratio"] < 4.5]
        assert low == []
        assert hosts == {urlsplit(site_url).hostname}
    finally:
        context.close()
