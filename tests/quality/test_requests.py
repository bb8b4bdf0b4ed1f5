"""First visits to every page: no request may leave the site (no fonts,
CDNs, analytics or images from elsewhere), and nothing requested is missing.
The bytes of a first visit are measured by bench/compare_plain.py."""

from __future__ import annotations

import pytest

from quality.visits import SEARCH_INDEX, first_visit, is_same_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def visits(browser, served_site, page_urls):
    _, server = served_site
    return [first_visit(browser, server, url) for url in page_urls]


def test_a_first_visit_requests_nothing_outside_the_site(visits, served_site):
    _, server = served_site
    outside = {visit.url: [u for u in visit.requested if not is_same_site(u, server.base_url)]
               for visit in visits}
    outside = {page: urls for page, urls in outside.items() if urls}
    assert not outside, f"requests outside the site: {outside}"


def test_the_recorder_sees_worker_requests(visits):
    # The search index is fetched by the search worker; if the recorder missed
    # it, it could miss a third-party request made from a worker too.
    missing = [v.url for v in visits if not any(u.endswith(SEARCH_INDEX) for u in v.requested)]
    assert not missing, f"search index request not seen on {missing}"


def test_a_first_visit_loads_no_missing_file(visits, served_site):
    # A 404 costs a round trip and the 404 page's bytes, and Lighthouse counts
    # it as a console error.
    _, server = served_site
    site_dir, _ = served_site
    missing = {}
    for visit in visits:
        for path in visit.served:
            target = site_dir / path.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                missing.setdefault(visit.url, []).append(path)
    assert not missing, f"requests for files the build does not have: {missing}"
