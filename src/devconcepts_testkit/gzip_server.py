"""A static server that answers the way GitHub Pages does, so that transfer
sizes and Lighthouse scores measured here match the published site:

- text responses (HTML, CSS, JS, JSON, SVG, XML, plain text) are gzipped when
  the client accepts gzip; images and fonts are sent as they are;
- a directory URL serves its index.html, and a directory URL without the
  trailing slash is redirected to the one with it;
- a missing path answers 404 with the site's own 404.html;
- every response carries `Cache-Control: max-age=600`, as Pages sends.

It also records how many bytes went over the wire for each request, which is
what the page-weight budget is measured on."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .serving import local_server

GZIP_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)
# mimetypes differs between platforms for these; Pages sends these types.
EXTRA_TYPES = {
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
}


def content_type(path: Path) -> str:
    ctype = EXTRA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if ctype.startswith("text/") or ctype in ("application/javascript", "application/json", "application/xml"):
        ctype += "; charset=utf-8"
    return ctype


@dataclass
class Transfer:
    path: str
    status: int
    bytes: int  # status line + headers + body, as sent


@dataclass
class TransferLog:
    """Thread-safe list of what the server sent, for one measurement at a time."""
    entries: list[Transfer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, entry: Transfer) -> None:
        with self.lock:
            self.entries.append(entry)

    def take(self) -> list[Transfer]:
        with self.lock:
            taken, self.entries = self.entries, []
        return taken


class PagesHandler(http.server.BaseHTTPRequestHandler):
    root: Path
    log: TransferLog
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output readable
        pass

    def do_HEAD(self):
        self._respond(send_body=False)

    def do_GET(self):
        self._respond(send_body=True)

    def _resolve(self, url_path: str) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect location) for a URL path."""
        rel = unquote(url_path).lstrip("/")
        target = (self.root / rel).resolve()
        if self.root != target and self.root not in target.parents:
            return 404, None, None
        if target.is_dir():
            if not url_path.endswith("/"):
                return 301, None, url_path + "/"
            target = target / "index.html"
        if target.is_file():
            return 200, target, None
        return 404, None, None

    def _respond(self, *, send_body: bool) -> None:
        url_path = urlsplit(self.path).path
        status, target, location = self._resolve(url_path)
        headers: list[tuple[str, str]] = [("Cache-Control", "max-age=600")]
        body = b""
        if status == 301:
            headers.append(("Location", location))
        else:
            if status == 404:
                target = self.root / "404.html"
                body = target.read_bytes() if target.is_file() else b"Not Found"
                ctype = "text/html; charset=utf-8"
            else:
                body = target.read_bytes()
                ctype = content_type(target)
            headers.append(("Content-Type", ctype))
            accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
            if accepts_gzip and ctype.startswith(GZIP_TYPES):
                # Level 6 is what most servers (and Pages' front end) use.
                body = gzip.compress(body, compresslevel=6, mtime=0)
                headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        headers.append(("Content-Length", str(len(body))))

        sent_before = self._counter.count
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)
        self.log.add(Transfer(url_path, status, self._counter.count - sent_before))

    def setup(self):
        super().setup()
        # Count what actually goes over the socket: status line, headers, body.
        self._counter = _CountingWriter(self.wfile)
        self.wfile = self._counter


class _CountingWriter:
    def __init__(self, raw):
        self._raw = raw
        self.count = 0

    def write(self, data) -> int:
        self.count += len(data)
        return self._raw.write(data)

    def __getattr__(self, name):
        return getattr(self._raw, name)


class GzipSiteServer:
    """Serve a built site on 127.0.0.1 with a free port; use as a context manager."""

    def __init__(self, directory: Path, listener: socket.socket | None = None):
        """`listener`: serve on that bound socket instead of a free port."""
        self.log = TransferLog()
        handler = type("Handler", (PagesHandler,), {"root": Path(directory).resolve(), "log": self.log})
        self._server = local_server(handler, listener)
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> "GzipSiteServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "GzipSiteServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
