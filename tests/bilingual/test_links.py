"""Every internal link and anchor resolves, in both languages."""

from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from bilingual.pages import built_pages


def _target_file(site, path):
    local = site / unquote(path).lstrip("/")
    if path.endswith("/"):
        local = local / "index.html"
    return local


def test_internal_links_and_anchors_resolve(site, site_build):
    # The origin of the site_url the site is built for.
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_build.base_url))
    ids_cache = {}
    problems = []
    checked = 0
    for page in built_pages(site):
        base = f"{origin}/{page.url}"
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in page.soup.find_all(tag):
                ref = element.get(attr)
                if not ref or ref.startswith(("mailto:", "javascript:", "data:")):
                    continue
                url = urljoin(base, ref)
                parts = urlsplit(url)
                if f"{parts.scheme}://{parts.netloc}" != origin:
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
