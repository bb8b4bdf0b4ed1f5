"""Every benchmark script loads as `python bench/NAME.py` would load it:
its imports from bench/ and tests/ resolve. Nothing in the test suite runs
the benchmarks, so a module they import could move without a test failing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitekit import ROOT

SCRIPTS = sorted(path for path in (ROOT / "bench").glob("*.py")
                 if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8"))

# As `python bench/NAME.py` starts: the script's folder first on the path;
# run under another name, so that main() does not run.
LOAD = "import runpy, sys; sys.path.insert(0, sys.argv[1]); runpy.run_path(sys.argv[2], run_name='loaded')"


def test_there_are_scripts_to_load():
    assert len(SCRIPTS) >= 5, SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_a_benchmark_script_loads(script):
    result = subprocess.run([sys.executable, "-c", LOAD, str(script.parent), str(script)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
