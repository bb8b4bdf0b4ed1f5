"""The server of a site that a test run builds once and every worker shares
(sitekit.shared_served_build): a process of its own, since the worker that
built the site may finish before the others. It serves a socket it inherits,
bound and listening already, until the run's controlling process is gone.

    run_server.py FD SITE_DIR MOUNT RUN_PID [--pages]

`--pages`: answer as GitHub Pages does (devconcepts_testkit.gzip_server); else a plain
static server (devconcepts_testkit.serve_directory), under MOUNT."""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(fd: str, site_dir: str, mount: str, run_pid: str, *options: str) -> None:
    listener = socket.socket(fileno=int(fd))
    if "--pages" in options:
        from devconcepts_testkit import GzipSiteServer

        GzipSiteServer(Path(site_dir), listener).start()
    else:
        from devconcepts_testkit import serve_directory

        serve_directory(Path(site_dir), mount, listener=listener)
    # The serving threads are daemons: they end with this loop.
    while _alive(int(run_pid)):
        time.sleep(0.5)


if __name__ == "__main__":
    main(*sys.argv[1:])
