"""Serve a built site under the project subpath and drive Debian's chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Debian's chromium is needed: apt-get install chromium"
    return path


SITE_ORIGIN = "https://trotsky-stalin-reference.github.io"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, with the sitemap's origin made this server's.

    Material's instant navigation only follows links listed in sitemap.xml and
    compares them with the page's own URL, port included; the deployed site
    and its sitemap share an origin, so the test server makes them share one too.
    """

    def log_message(self, *args):
        pass

    def origin(self) -> str:
        return f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"

    def do_GET(self):
        if not self.path.split("?")[0].endswith("/sitemap.xml"):
            return super().do_GET()
        path = Path(self.translate_path(self.path.split("?")[0]))
        body = path.read_bytes().replace(SITE_ORIGIN.encode(), self.origin().encode())
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path, subpath: str, handler_class: type = _Handler):
    """Serve `site` at http://127.0.0.1:PORT{subpath}; yields the base URL."""
    root = site.parent / (site.name + "-served")
    mount = root / subpath.strip("/")
    mount.parent.mkdir(parents=True, exist_ok=True)
    if not mount.exists():
        mount.symlink_to(site, target_is_directory=True)
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{subpath}"
    finally:
        server.shutdown()
