"""Purging Material's stylesheets: CSS in, CSS out. A rule goes only when no
page and no loaded script can make it match; custom properties go only when
nothing reads them."""

from __future__ import annotations

import pytest

from devconcepts.assets.purge import PurgeError, UsedNames, loaded_scripts, purge_stylesheets, used_names


def purge(css: str, *, html: str = "", script: str = "", also_read: tuple[str, ...] = ()) -> str:
    used = used_names([html], [script])
    return purge_stylesheets({"main.css": css}, used, also_read=also_read)["main.css"]


def test_a_rule_for_a_class_no_page_has_is_dropped():
    css = ".md-typeset{color:red}.md-banner{color:blue}"
    assert purge(css, html='<div class="md-typeset"></div>') == ".md-typeset{color:red}"


def test_only_the_dead_selectors_of_a_list_are_dropped():
    css = ".md-typeset .admonition.bug,.md-typeset .admonition.note{color:red}"
    html = '<div class="md-typeset"><div class="admonition note"></div></div>'
    assert purge(css, html=html) == ".md-typeset .admonition.note{color:red}"


def test_a_class_a_loaded_script_names_keeps_its_rule():
    css = ".md-search-result__meta{color:red}"
    assert purge(css, script='e.className="md-search-result__meta"') == css


def test_a_template_string_prefix_keeps_every_class_it_starts():
    css = ".md-tag--draft{color:red}.md-tagged{color:blue}"
    assert purge(css, script="x({class:`md-tag-icon md-tag--${a[c]}`})") == ".md-tag--draft{color:red}"


def test_a_class_inside_a_function_does_not_drop_the_selector():
    css = "a:not(.md-button){color:red}:is(.md-banner,p){color:blue}"
    assert purge(css) == css


def test_elements_ids_and_other_attributes_are_kept():
    css = "body{margin:0}#__search{display:none}[data-md-state=lock]{overflow:hidden}"
    assert purge(css) == css


def test_palette_colours_and_directions_no_page_uses_are_dropped():
    css = ('[data-md-color-primary=indigo]{--c:blue}[data-md-color-primary=pink]{--c:pink}'
           '[dir=ltr] p{margin-left:1px}[dir=rtl] p{margin-right:1px}p{color:var(--c)}')
    html = '<body dir="ltr" data-md-color-primary="indigo"><p></p></body>'
    assert purge(css, html=html) == "[data-md-color-primary=indigo]{--c:blue}[dir=ltr] p{margin-left:1px}p{color:var(--c)}"


def test_a_grouping_rule_left_empty_is_dropped():
    css = "@media screen{.md-banner{color:red}}@media print{p{color:blue}}"
    assert purge(css) == "@media print{p{color:blue}}"


def test_keyframes_and_font_faces_are_kept():
    css = "@keyframes spin{0%{opacity:0}to{opacity:1}}@font-face{font-family:x;src:url(x.woff2)}"
    assert purge(css) == css


def test_custom_properties_nothing_reads_are_dropped_in_chains():
    css = (":root{--icon-bug:url(bug.svg);--icon-note:url(note.svg);--size:1rem;--unread:var(--size)}"
           ".note:before{mask-image:var(--icon-note)}.bug:before{mask-image:var(--icon-bug)}")
    assert purge(css, html='<p class="note"></p>') == \
        ":root{--icon-note:url(note.svg)}.note:before{mask-image:var(--icon-note)}"


def test_custom_properties_other_stylesheets_or_scripts_read_are_kept():
    css = ":root{--md-primary-fg-color:#4051b5;--md-scrollbar:8px;--gone:0}"
    kept = purge(css, script='getPropertyValue("--md-scrollbar")',
                 also_read=(".devconcepts{color:var(--md-primary-fg-color)}",))
    assert kept == ":root{--md-primary-fg-color:#4051b5;--md-scrollbar:8px}"


def test_a_rule_left_without_declarations_is_dropped():
    assert purge(":root{--gone:0}p{color:red}") == "p{color:red}"


def test_unreadable_css_names_the_stylesheet_and_line():
    with pytest.raises(PurgeError, match=r"main\.css: cannot read line 2"):
        purge("p{color:red}\n}")


def test_only_scripts_pages_load_count():
    files = ["assets/bundle.js", "assets/wordlist.js", "oltp/index.html"]
    html = ('<script src="../assets/bundle.js"></script><script src="https://example.org/x.js"></script>'
            '<script src="../../outside.js"></script><script src="../assets/missing.js"></script>')
    assert loaded_scripts({"oltp/index.html": html}, [*files, "outside.js"]) == {"assets/bundle.js"}


def test_used_names_reads_classes_attributes_and_script_words():
    used = used_names(['<p class="a b" dir="ltr" style="--w:1px"></p>'], ['x.add("c-d");`e--${f}`'])
    assert {"a", "b", "c-d"} <= used.classes
    assert used.has_class("e--anything") and not used.has_class("g")
    assert ("dir", "ltr") in used.attribute_values
    assert "--w" in used.custom_properties
    assert isinstance(used, UsedNames)


def test_components_off_count_only_where_pages_use_them():
    script = 'x("div",{class:"md-tooltip2"});x("div",{class:"md-typeset__table"});`md-tag--${a}`'
    used = used_names(['<p class="md-tag"></p>'], [script], components_off=["md-tooltip", "md-tag"])
    assert not used.has_class("md-tooltip2")          # only the script names it
    assert used.has_class("md-typeset__table")        # not listed as off
    assert used.has_class("md-tag")                   # a page has it
    assert not used.has_class("md-tag--draft")        # the template prefix is off too


def test_a_dropped_attribute_drops_its_selectors_even_in_use():
    css = ("[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s!important}"
           ".md-typeset{color:red}@media screen{[DATA-MD-COLOR-SWITCHING] p{color:blue}}")
    used = used_names(['<body data-md-color-switching=""><p class="md-typeset"></p></body>'],
                      ['document.body.setAttribute("data-md-color-switching","")'])
    kept = purge_stylesheets({"main.css": css}, used)["main.css"]
    assert kept == css
    dropped = purge_stylesheets({"main.css": css}, used, dropped_attributes=["data-md-color-switching"])
    assert dropped["main.css"] == ".md-typeset{color:red}"
