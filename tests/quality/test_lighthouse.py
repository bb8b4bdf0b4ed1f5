"""Lighthouse (mobile preset) on every built page, both languages: the
accessibility, best-practices and SEO categories must score 100. Lighthouse
runs once per page for all three categories, two pages at a time; the
performance score is measured by bench/compare_plain.py, not asserted here."""

from __future__ import annotations

import pytest

from devconcepts_testkit import run_lighthouse

pytestmark = pytest.mark.browser

CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def lighthouse_results(page_urls):
    results = run_lighthouse(page_urls, CATEGORIES, workers=2)
    assert [r["url"] for r in results] == page_urls, "Lighthouse did not report on every page"
    return results


def _shortfalls(results, category):
    lines = []
    for result in results:
        if result["runtimeError"]:
            lines.append(f"{result['url']}: runtime error {result['runtimeError']}")
            continue
        score = result["scores"].get(category)
        if score != 1:
            audits = "; ".join(f"{a['id']} ({a['value'] or a['score']}) at {a['where']}"
                               for a in result["failing"].get(category, []))
            lines.append(f"{result['url']}: {category} {score} - {audits}")
    return lines


@pytest.mark.parametrize("category", CATEGORIES)
def test_lighthouse_category_is_100_on_every_page(lighthouse_results, category):
    shortfalls = _shortfalls(lighthouse_results, category)
    assert not shortfalls, "\n".join(shortfalls)
