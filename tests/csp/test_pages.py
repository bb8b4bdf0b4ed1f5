"""A page's policy written from its HTML, and the check that reads it again."""

from __future__ import annotations

import pytest

from devconcepts.csp.markup import read
from devconcepts.csp.pages import PolicyError, problems, write_policy
from devconcepts.csp.policy import directives, script_hash

PAGE = """<!doctype html>
<html lang="ko">
  <head>
    <meta charset="utf-8">
    <title>t</title>
    <script>__md_scope=new URL(".",location)</script>
  </head>
  <body>
    <script>var palette=1</script>
    <script id="__config" type="application/json">{"base": "."}</script>
    <script src="assets/bundle.js"></script>
  </body>
</html>
"""


def policy_of(page: str) -> dict[str, list[str]]:
    (meta,) = read(page).metas
    return directives(meta.content)


def test_policy_lists_the_scripts_that_run_and_only_those():
    written = write_policy(PAGE)
    assert policy_of(written)["script-src"] == [
        "'self'", script_hash('__md_scope=new URL(".",location)'), script_hash("var palette=1")]
    assert problems(written) == []


def test_policy_follows_the_charset_and_precedes_every_script():
    written = write_policy(PAGE)
    reading = read(written)
    assert written.index('<meta charset="utf-8">') < reading.metas[0].offset < reading.first_script_offset
    assert reading.metas[0].in_head


def test_a_page_without_charset_gets_the_policy_first_in_head():
    written = write_policy("<html><head><script>x()</script></head><body></body></html>")
    assert written.startswith('<html><head><meta http-equiv="Content-Security-Policy"')
    assert problems(written) == []


def test_style_elements_are_hashed_into_style_src():
    written = write_policy(PAGE.replace("<title>", "<style>:root{--f:x}</style><title>"))
    assert policy_of(written)["style-src"] == ["'self'", script_hash(":root{--f:x}")]
    assert problems(written) == []
    assert "<style> " in problems(written.replace("--f:x", "--f:y"))[0]


def test_writing_again_replaces_the_policy():
    once = write_policy(PAGE)
    changed = once.replace("var palette=1", "var palette=2")
    again = write_policy(changed)
    assert len(read(again).metas) == 1
    assert script_hash("var palette=2") in policy_of(again)["script-src"]
    assert script_hash("var palette=1") not in policy_of(again)["script-src"]


def test_a_page_without_head_is_refused():
    with pytest.raises(PolicyError):
        write_policy("<p>no head</p>")


def test_a_script_added_after_the_policy_is_named():
    written = write_policy(PAGE).replace("</body>", "<script>alert(1)</script>\n</body>")
    (problem,) = problems(written)
    assert script_hash("alert(1)") in problem and "after the policy was written" in problem


def test_a_script_changed_after_the_policy_is_named():
    written = write_policy(PAGE).replace("var palette=1", "var palette=1;evil()")
    assert len(problems(written)) == 1


@pytest.mark.parametrize("page, expected", [
    (PAGE, "0 Content-Security-Policy <meta> elements, not 1"),
    (write_policy(PAGE).replace("<title>", '<meta http-equiv="content-security-policy" content="x"><title>'),
     "2 Content-Security-Policy <meta> elements, not 1"),
    (write_policy(PAGE).replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
     "script-src allows 'unsafe-inline'"),
    (write_policy(PAGE).replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
     "script-src allows 'unsafe-eval'"),
    (write_policy(PAGE).replace("<body>", '<body><button onclick="x()">b</button>'),
     "an event-handler attribute 'onclick=' on <button>, which the policy blocks"),
    (write_policy(PAGE).replace("<body>", '<body><p style="color:red">b</p>'),
     "a style= attribute on <p>, which the policy blocks"),
])
def test_what_the_policy_would_break_or_leave_open_is_named(page, expected):
    assert any(expected in problem for problem in problems(page)), problems(page)


def test_a_policy_after_a_script_is_named():
    written = write_policy(PAGE)
    meta_end = written.index(">", written.index('<meta http-equiv')) + 1
    meta = written[written.index('<meta http-equiv'):meta_end]
    moved = written.replace(meta + "\n", "").replace("</head>", meta + "\n</head>")
    assert any("comes after a <script>" in problem for problem in problems(moved))


def test_a_policy_in_body_is_named():
    written = write_policy(PAGE)
    meta_end = written.index(">", written.index('<meta http-equiv')) + 1
    meta = written[written.index('<meta http-equiv'):meta_end]
    moved = written.replace(meta + "\n", "").replace("<body>", "<body>" + meta)
    assert any("outside <head>" in problem for problem in problems(moved))
