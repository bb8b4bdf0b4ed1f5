"""Work beside the build (devconcepts.core.worker_process) runs below the
build's priority: on two cores the build's own thread must not wait for one."""

from __future__ import annotations

import os

import pytest

from devconcepts.core.worker_process import WorkerProcess

pytestmark = pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")


def test_a_child_runs_nice_steps_below_the_build():
    child = WorkerProcess("devconcepts.seo.preview_process", nice=3)
    try:
        assert os.getpriority(os.PRIO_PROCESS, child.pid) == os.getpriority(os.PRIO_PROCESS, 0) + 3
    finally:
        child.close()
    assert child.returncode == 0
