"""A plain static server on 127.0.0.1 for a browser (the gzip server that
answers like GitHub Pages is gzip_server.py)."""

from __future__ import annotations

import functools
import http.server
import os
import socketserver
import sys
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


class LocalServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    """A threaded HTTP server on 127.0.0.1 for a test's browser."""

    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A browser that moves on closes its connections mid-response.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve_directory(directory: Path, mount: str = "/") -> tuple[LocalServer, str]:
    """Serve `directory` at http://127.0.0.1:PORT{mount}; returns (server, base URL).

    A non-root mount serves the directory under that sub-path only, the way
    GitHub Pages serves a project site under /REPO/."""
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
    if mount == "/":
        root = directory
    else:
        root = Path(directory).parent / f".mount-{os.getpid()}-{id(directory)}"
        target = root / mount.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            target.unlink()
        target.symlink_to(directory, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = LocalServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"

