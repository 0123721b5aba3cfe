"""Small HTTP servers on 127.0.0.1 for the tests: a Nominatim-compatible geocoder, map tiles."""

import base64
import json
import socket
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# A 1x1 transparent PNG.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class Recorder:
    """What a server was asked: (time, path, query, headers) per request."""

    def __init__(self):
        self.requests: list[tuple[float, str, dict, dict]] = []
        self.lock = threading.Lock()

    def add(self, path: str, query: dict, headers: dict) -> None:
        with self.lock:
            self.requests.append((time.monotonic(), path, query, headers))


def _handler(recorder: Recorder, answer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            recorder.add(parts.path, query, dict(self.headers))
            status, content_type, body = answer(parts.path, query)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@contextmanager
def running(server):
    """Run a socketserver-style server in a thread; yield its loopback URL; stop it after."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def serve(answer):
    """Run a server whose `answer(path, query)` gives (status, type, body); yield (url, rec)."""
    recorder = Recorder()
    with running(ThreadingHTTPServer(("127.0.0.1", 0), _handler(recorder, answer))) as url:
        yield url, recorder


def nominatim(places: dict[str, tuple[float, float, str]], delay: float = 0.0):
    """Return an answer function that behaves like Nominatim's /search for known texts."""

    def answer(path, query):
        if delay:
            time.sleep(delay)
        if path != "/search":
            return 404, "text/plain", b"not found"
        text = (query.get("q") or query.get("postalcode") or "").lower()
        found = places.get(text)
        hits = []
        if found:
            lat, lon, name = found
            hits = [{"lat": str(lat), "lon": str(lon), "display_name": name, "place_id": 1}]
        return 200, "application/json", json.dumps(hits).encode()

    return answer


def tiles(path, query):
    """Answer every request with a tiny PNG, as a tile server would."""
    return 200, "image/png", TINY_PNG


def closed_port_url() -> str:
    """Return the URL of a loopback port where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
