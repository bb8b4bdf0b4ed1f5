"""Indentation between tags goes; whitespace that shows stays."""

from devconcepts.assets.whitespace import squeeze


def test_indentation_between_tags_becomes_one_line_break():
    assert squeeze("<ul>\n    <li>a</li>\n\n    <li>b</li>\n</ul>") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_spaces_without_a_line_break_are_kept():
    # "<b>a</b> <i>b</i>": the space is part of the sentence.
    assert squeeze("<p><b>a</b> <i>b</i></p>") == "<p><b>a</b> <i>b</i></p>"


def test_text_is_not_touched():
    assert squeeze("<p>컨테이너를\n    실행한다</p>") == "<p>컨테이너를\n    실행한다</p>"


def test_preformatted_code_keyboard_script_and_style_are_kept():
    for html in ("<pre><code>a\n    <span>b</span>\n</code></pre>",
                 "<code>x\n  <span>y</span></code>",
                 "<kbd>Ctrl</kbd>", "<script>\n  if (a <b) {}\n</script>",
                 "<textarea>\n  <b>\n</textarea>", "<style>\n  a > b {}\n</style>"):
        assert squeeze(html) == html
    assert squeeze("<div>\n  <pre>a\n  <b>c</b></pre>\n  <p>d</p>\n</div>") == \
        "<div>\n<pre>a\n  <b>c</b></pre>\n<p>d</p>\n</div>"


def test_the_text_of_materials_one_line_labels_loses_its_indentation():
    assert squeeze('<a>\n  <span class="md-ellipsis">\n    \n    홈\n  \n  </span>\n</a>') == \
        '<a>\n<span class="md-ellipsis">홈</span>\n</a>'
    # Markup inside, or another class, stays as it is.
    assert squeeze('<span class="md-ellipsis">\n  a <b>b</b>\n</span>') == '<span class="md-ellipsis">\n  a <b>b</b>\n</span>'
    assert squeeze('<span class="other">\n  a\n</span>') == '<span class="other">\n  a\n</span>'
