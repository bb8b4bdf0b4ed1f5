"""The term list is complete for the glossary: both languages, the required
terms, a page section for each, and the loader's compatibility."""

import os
from pathlib import Path

import pytest

from sitekit import LOCALES, TERMS_FILE
from devconcepts.terms.term_list import TermListError, load_terms

TERMS = load_terms(TERMS_FILE, LOCALES)
REQUIRED = {
    "docker", "kubernetes", "docker-compose", "container", "container-orchestration", "fine-tuning", "rag",
    "log", "cookie", "session", "oltp", "olap", "transaction", "stateful", "stateless", "rest-api",
    "microservice", "serverless", "cluster", "control-plane", "master-node", "worker-node", "api-server",
    "controller-manager", "scheduler", "etcd", "kubelet", "container-runtime", "cri", "kube-proxy", "pod", "yaml",
}


def test_required_terms_are_present():
    assert REQUIRED - {term.id for term in TERMS} == set()


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.id)
def test_term_has_names_definitions_and_a_section_in_both_languages(term):
    for locale in ("ko", "en"):
        assert term.names[locale].strip()
        assert term.definitions[locale].strip()
        path, _, anchor = term.page_for(locale).partition("#")
        assert path.endswith(".md") and anchor


@pytest.mark.parametrize("alias, term_id", [
    ("쿠버네티스", "kubernetes"), ("k8s", "kubernetes"), ("쿠베", "kubernetes"), ("도커", "docker"),
    ("파인튜닝", "fine-tuning"), ("미세 조정", "fine-tuning"), ("무상태", "stateless"), ("스테이트리스", "stateless"),
])
def test_readers_spellings_are_known(alias, term_id):
    term = next(term for term in TERMS if term.id == term_id)
    assert alias in term.spellings()


def test_page_may_differ_per_language_and_page_stays_the_default_one():
    etcd = next(term for term in TERMS if term.id == "etcd")
    assert etcd.page == etcd.page_for("ko")
    assert etcd.page_for("en") != etcd.page_for("ko")


def test_definition_with_markup_is_rejected(tmp_path: Path):
    broken = tmp_path / "terms.yml"
    broken.write_text("- id: x\n  names: {ko: 가, en: A}\n  definitions: {ko: '<b>굵게</b>', en: a}\n"
                      "  page: a.md#a\n", encoding="utf-8")
    with pytest.raises(TermListError, match="definitions.ko must be plain text"):
        load_terms(broken, LOCALES)


def test_an_edited_term_list_is_read_again(tmp_path: Path):
    # `mkdocs serve` rebuilds in one process; an edit must not be hidden by
    # the list remembered from the build before.
    terms = tmp_path / "terms.yml"
    entry = "- id: x\n  names: {{ko: {ko}, en: A}}\n  definitions: {{ko: 가, en: a}}\n  page: a.md#a\n"
    terms.write_text(entry.format(ko="가"), encoding="utf-8")
    assert load_terms(terms, LOCALES)[0].names["ko"] == "가"
    terms.write_text(entry.format(ko="나"), encoding="utf-8")
    os.utime(terms, ns=(terms.stat().st_atime_ns, terms.stat().st_mtime_ns + 1_000_000))
    assert load_terms(terms, LOCALES)[0].names["ko"] == "나"


def test_a_missing_term_list_is_named(tmp_path: Path):
    with pytest.raises(TermListError, match="missing.yml:1: cannot read the term list: No such file"):
        load_terms(tmp_path / "missing.yml", LOCALES)
