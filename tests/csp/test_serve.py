"""`mkdocs serve` writes no policy unless asked: its live-reload script is
inline and differs on every request."""

from __future__ import annotations

from devconcepts.csp.plugin import CspPlugin


def plugin(**options) -> CspPlugin:
    instance = CspPlugin()
    instance.load_config(options)
    return instance


def test_build_writes_the_policy_and_serve_does_not():
    built, served = plugin(), plugin()
    built.on_startup(command="build", dirty=False)
    served.on_startup(command="serve", dirty=False)
    assert built._policy() and not served._policy()


def test_serve_writes_it_when_asked_and_enabled_false_never():
    asked, off = plugin(serve=True), plugin(enabled=False)
    asked.on_startup(command="serve", dirty=False)
    off.on_startup(command="build", dirty=False)
    assert asked._policy() and not off._policy()
