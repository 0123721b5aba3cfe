"""A few seconds of memory for public pages, so a burst of visitors costs one render.

Public pages are the same for everyone and already tell proxies they may keep them for
PUBLIC_CACHE_SECONDS; this keeps them PAGE_CACHE_SECONDS (default 5) inside each worker
too, so the app answers a busy night without a proxy in front. A changed page or a new
alert shows within those seconds. Editor pages and flyer scans are never cached.
"""

import threading
import time
from collections import OrderedDict

from flask import Flask, Response, request

NEVER_CACHED = ("/beheer", "/q/", "/static/")
# A large answer (the open-data API grows with the listings) is not worth a worker's memory:
# with 256 entries, at most 64 MB per worker.
MAX_BODY_BYTES = 256 * 1024


class PageCache:
    """A small least-recently-used store of responses that expire after some seconds."""

    def __init__(self, seconds: float, max_entries: int = 256, clock=time.monotonic):
        self.seconds = seconds
        self.max_entries = max_entries
        self.clock = clock
        self._entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        """Return the stored (status, headers, body) for key, or None if absent or expired."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] < self.clock():
                self._entries.pop(key, None)
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, value: tuple) -> None:
        """Store a response for key; the least recently used entry goes when full."""
        with self._lock:
            self._entries[key] = (self.clock() + self.seconds, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def cache_key(environ: dict) -> str:
    """Return what a response is remembered under: scheme, path and query string."""
    path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
    return f"{environ['wsgi.url_scheme']}:{path}?{query}"


class ServeFromMemory:
    """WSGI middleware: answer a remembered page before Flask sets up a request at all.

    A hit then costs a dictionary lookup and a few headers instead of Flask's request
    context, URL matching and every before/after-request hook: that is what lets one
    small machine serve a rush of visitors without a proxy in front.
    """

    def __init__(self, wsgi_app, cache: PageCache):
        self.wsgi_app = wsgi_app
        self.cache = cache

    def __call__(self, environ, start_response):
        if environ["REQUEST_METHOD"] == "GET" and not environ.get("PATH_INFO", "").startswith(
            NEVER_CACHED
        ):
            hit = self.cache.get(cache_key(environ))
            if hit is not None:
                status, headers, body = hit
                response = Response(body, status=status, headers=headers).make_conditional(environ)
                del response.headers["Date"]  # the server adds its own (see security.py)
                return response(environ, start_response)
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    """Serve public GET pages from memory; call before the other rooms, so it runs last."""
    seconds = app.config["PAGE_CACHE_SECONDS"]
    if not seconds:
        return
    cache = PageCache(seconds)
    app.wsgi_app = ServeFromMemory(app.wsgi_app, cache)  # type: ignore[method-assign]

    # Registered first, so it runs after every other after_request: it stores the
    # response as the visitor gets it, headers included.
    @app.after_request
    def remember(response: Response) -> Response:
        if (
            request.method == "GET"
            and response.status_code == 200
            and response.headers.get("Cache-Control", "").startswith("public")
            and "Set-Cookie" not in response.headers
            and "Vary" not in response.headers  # the key holds no request header
            and not response.direct_passthrough
            and not response.is_streamed
            and not request.path.startswith(NEVER_CACHED)
        ):
            body = response.get_data()
            if len(body) <= MAX_BODY_BYTES:
                cache.put(cache_key(request.environ), (200, list(response.headers.items()), body))
        return response
