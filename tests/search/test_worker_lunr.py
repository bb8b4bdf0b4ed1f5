"""Our worker's lunr Builder.add (overrides/assets/javascripts/workers/
devconcepts-search.js) builds the very index lunr's own does, run in real
Chromium on lunr as Material's worker carries it and on the site's own
sections (Korean and English)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devconcepts.core import material_internals as internals

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
OUR_WORKER = ROOT / "overrides" / internals.WORKER_DIR / "devconcepts-search.js"


DOCS = [
    {"location": "oltp/", "title": "OLTP(온라인 트랜잭션 처리)", "text": "<p>트랜잭션을 빠르게 처리한다. 트랜잭션, 트랜잭션!</p>"},
    {"location": "oltp/#acid", "title": "ACID", "text": "원자성 일관성 격리성 지속성. ACID acid"},
    {"location": "en/oltp/", "title": "OLTP", "text": "Online transaction processing handles transactions fast."},
    {"location": "empty/", "title": "", "text": ""},
]


def test_our_builder_add_builds_the_index_lunrs_own_builds(page):
    page.add_script_tag(content=internals.materials_worker().read_text(encoding="utf-8"))
    page.add_script_tag(content=OUR_WORKER.read_text(encoding="utf-8"))
    built = page.evaluate(
        """docs => {
             const make = add => {
               const saved = lunr.Builder.prototype.add
               if (add) lunr.Builder.prototype.add = add
               try {
                 return lunr(function () {
                   this.metadataWhitelist = ["position"]
                   this.ref("location"); this.field("title", { boost: 1000 }); this.field("text")
                   for (const doc of docs) this.add(doc, { boost: doc.location.length })
                 })
               } finally { lunr.Builder.prototype.add = saved }
             }
             return [JSON.stringify(make(null)), JSON.stringify(make(DevconceptsSearch.builderAdd))]
           }""", DOCS)
    theirs, ours = (json.loads(index) for index in built)
    assert theirs["invertedIndex"] and theirs["fieldVectors"]
    assert ours == theirs
