"""Every benchmark script starts as `python bench/NAME.py` starts it (its
imports from bench/, devconcepts_testkit and the project resolve), and
bench/smoke.sh runs the quick form of each. The quick forms themselves run
outside pytest: .ci/run runs bench/smoke.sh after the tests, and that is
where a script that no longer works fails. These tests only make sure no
script is left out of it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from devconcepts_testkit import ROOT

SCRIPTS = sorted(path for path in (ROOT / "bench").glob("*.py")
                 if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8"))
SMOKE = ROOT / "bench" / "smoke.sh"
CI = ROOT / ".ci" / "run"



def _smoke_commands() -> dict[str, str]:
    """{script file name: the rest of its line} for each `run` line of smoke.sh."""
    found = {}
    for line in SMOKE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"run \S+ \S+ bench/(\w+\.py)(.*)$", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_there_are_scripts_to_load():
    assert len(SCRIPTS) >= 5, SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_a_benchmark_script_loads(script):
    """`--help`: every import of the script runs, as in a real run, and its
    options stop it before any work."""
    result = subprocess.run([sys.executable, f"bench/{script.name}", "--help"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("usage:"), result.stdout[-2000:]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_smoke_runs_every_script(script):
    assert script.name in _smoke_commands(), f"bench/smoke.sh does not run bench/{script.name}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_a_script_with_options_has_a_quick_form(script):
    """A benchmark run (one with argparse options) gets --quick, and smoke.sh uses it;
    a tool without options (gen_site.py) runs as it is, on a few pages."""
    text = script.read_text(encoding="utf-8")
    if '"--quick"' not in text:
        assert "--pages" in _smoke_commands()[script.name], f"bench/{script.name} has no --quick"
        return
    assert "--quick" in _smoke_commands()[script.name], f"bench/smoke.sh runs bench/{script.name} without --quick"


def test_ci_runs_the_quick_forms_after_the_tests():
    text = CI.read_text(encoding="utf-8")
    assert text.index("bash scripts/test") < text.index("bash bench/smoke.sh"), text


def test_every_benchmark_command_in_the_readme_has_its_quick_form_there():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Benchmarks"):].split("\n## ")[0]
    # The benchmarks (gen_site.py is a tool they use, with no quick form).
    named = set(re.findall(r"bench/(\w+\.py)", section))
    named &= {path.name for path in SCRIPTS if '"--quick"' in path.read_text(encoding="utf-8")}
    assert named, "the README's Benchmarks section names no benchmark script"
    for name in named:
        assert re.search(rf"bench/{re.escape(name)}[^\n]*--quick", section), f"README: no quick form of {name}"
