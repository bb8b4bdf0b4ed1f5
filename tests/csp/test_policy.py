"""The policy text and the hash of one inline script."""

from __future__ import annotations

from devconcepts.csp.policy import compose, directives, script_hash


def test_hash_is_the_one_the_csp_specification_gives():
    # CSP Level 3, "hash-source": the example script and its sha256 source.
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_hash_reads_the_text_as_utf8():
    assert script_hash("a='가'") != script_hash("a='?'")
    assert script_hash("x") != script_hash("x ")


def test_policy_lists_each_hash_once_in_script_src_only():
    policy = compose(["'sha256-A'", "'sha256-B'", "'sha256-A'"])
    parsed = directives(policy)
    assert parsed["script-src"] == ["'self'", "'sha256-A'", "'sha256-B'"]
    assert all("'sha256-A'" not in values for name, values in parsed.items() if name != "script-src")


def test_policy_directives():
    parsed = directives(compose([]))
    assert parsed == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "worker-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_directives_keeps_the_first_of_a_repeated_directive():
    assert directives("script-src 'self'; script-src *")["script-src"] == ["'self'"]
