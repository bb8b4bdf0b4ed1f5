"""Templates compiled once for all language builds: a second environment
reuses the compiled template, and an edited template is compiled anew."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from devconcepts.core.template_cache import SharedBytecodeCache


class CountingCache(SharedBytecodeCache):
    _compiled = {}
    dumps = 0

    def dump_bytecode(self, bucket) -> None:
        type(self).dumps += 1
        super().dump_bytecode(bucket)


def environment(source: str) -> Environment:
    env = Environment(loader=DictLoader({"page.html": source}))
    env.bytecode_cache = CountingCache()
    return env


def test_a_second_environment_reuses_the_compiled_template():
    assert environment("{{ 1 + 1 }}").get_template("page.html").render() == "2"
    assert environment("{{ 1 + 1 }}").get_template("page.html").render() == "2"
    assert CountingCache.dumps == 1


def test_an_edited_template_is_compiled_again():
    before = CountingCache.dumps
    assert environment("첫 판 {{ 'a' }}").get_template("page.html").render() == "첫 판 a"
    assert environment("고친 판 {{ 'b' }}").get_template("page.html").render() == "고친 판 b"
    assert CountingCache.dumps == before + 2


def _disk_environment(source: str, folder) -> Environment:
    """A fresh process's view: nothing compiled in memory, the folder kept."""
    CountingCache._compiled = {}
    env = Environment(loader=DictLoader({"page.html": source}))
    env.bytecode_cache = CountingCache(folder)
    return env


def test_a_later_build_reads_the_compiled_template_from_its_folder(tmp_path):
    before = CountingCache.dumps
    assert _disk_environment("{{ 2 * 3 }}", tmp_path).get_template("page.html").render() == "6"
    assert _disk_environment("{{ 2 * 3 }}", tmp_path).get_template("page.html").render() == "6"
    assert CountingCache.dumps == before + 1
    # An edit, or a kept file that is not Jinja bytecode, is compiled anew.
    assert _disk_environment("{{ 2 * 4 }}", tmp_path).get_template("page.html").render() == "8"
    for kept in tmp_path.iterdir():
        kept.write_bytes(b"not bytecode")
    assert _disk_environment("{{ 2 * 4 }}", tmp_path).get_template("page.html").render() == "8"
    assert CountingCache.dumps == before + 3
