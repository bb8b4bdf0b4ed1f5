"""Every internal link and anchor resolves, in both languages."""

from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from bilingual.pages import built_pages

SITE_ORIGIN = "http://127.0.0.1:8000"  # the site_url the `site` fixture builds with


def _target_file(site, path):
    local = site / unquote(path).lstrip("/")
    if path.endswith("/"):
        local = local / "index.html"
    return local


def test_internal_links_and_anchors_resolve(site):
    ids_cache = {}
    problems = []
    checked = 0
    for page in built_pages(site):
        base = f"{SITE_ORIGIN}/{page.url}"
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in page.soup.find_all(tag):
                ref = element.get(attr)
                if not ref or ref.startswith(("mailto:", "javascript:", "data:")):
                    continue
                url = urljoin(base, ref)
                parts = urlsplit(url)
                if f"{parts.scheme}://{parts.netloc}" != SITE_ORIGIN:
                    continue
                checked += 1
                target = _target_file(site, parts.path)
                if not target.exists():
                    problems.append(f"{page.url or '/'}: {ref} -> missing {parts.path}")
                    continue
                if parts.fragment and target.suffix == ".html":
                    if target not in ids_cache:
                        soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                        ids_cache[target] = {el["id"] for el in soup.find_all(id=True)}
                    if unquote(parts.fragment) not in ids_cache[target]:
                        problems.append(f"{page.url or '/'}: {ref} -> no anchor #{unquote(parts.fragment)}")
    assert checked > 100
    assert problems == []
