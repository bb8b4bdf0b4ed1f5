"""A plain static server on 127.0.0.1 for a browser (the gzip server that
answers like GitHub Pages is gzip_server.py)."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import socketserver
import sys
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files as they are, revalidated by an ETag made of each file's
    modification time (in nanoseconds) and size, as Pages revalidates by
    ETag. If-Modified-Since is not used: its one-second resolution answers
    304 for a file rebuilt within the second a browser last fetched it, and
    a test that deploys twice gets the old file."""

    _etag: str | None = None

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        self._etag = None
        if path.is_file():
            stat = path.stat()
            self._etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            if self._etag in self.headers.get("If-None-Match", ""):
                self.send_response(http.HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                return None
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def end_headers(self):
        if self._etag:
            self.send_header("ETag", self._etag)
        super().end_headers()

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


def mount_path(mount: str) -> str:
    """A sub-path as URLs hold it: "/" or "/REPO/"."""
    return "/" + mount.strip("/") + "/" if mount.strip("/") else "/"


def local_server(handler, listener: socket.socket | None = None) -> LocalServer:
    """A LocalServer for `handler` on a free port, or on `listener`, a socket
    bound (and listening) already."""
    if listener is None:
        return LocalServer(("127.0.0.1", 0), handler)
    server = LocalServer(listener.getsockname(), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = listener
    server.server_activate()
    return server


def serve_directory(directory: Path, mount: str = "/", *,
                    listener: socket.socket | None = None) -> tuple[LocalServer, str]:
    """Serve `directory` at http://127.0.0.1:PORT{mount}; returns (server, base URL).
    `listener`: serve on that bound socket instead of a free port.

    A non-root mount serves the directory under that sub-path only, the way
    GitHub Pages serves a project site under /REPO/."""
    mount = mount_path(mount)
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
    server = local_server(handler, listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"
