"""A few seconds of memory for public pages, so a burst of visitors costs one render.

Public pages are the same for everyone and already tell proxies they may keep them for
PUBLIC_CACHE_SECONDS; this keeps them PAGE_CACHE_SECONDS (default 5) inside each worker
too, so the app answers a busy night without a proxy in front. A changed page or a new
alert shows within those seconds. Editor pages and flyer scans are never cached.
"""

import threading
import time
from collections import OrderedDict

from flask import Flask, Response, g, request

NEVER_CACHED = ("/beheer", "/q/", "/static/")


class PageCache:
    """A small least-recently-used store of responses that expire after some seconds."""

    def __init__(self, seconds: float, max_entries: int = 256):
        self.seconds = seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        """Return the stored (status, headers, body) for key, or None if absent or expired."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] < time.monotonic():
                self._entries.pop(key, None)
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, value: tuple) -> None:
        """Store a response for key; the least recently used entry goes when full."""
        with self._lock:
            self._entries[key] = (time.monotonic() + self.seconds, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def init_app(app: Flask) -> None:
    """Serve public GET pages from memory; call before the other rooms, so it runs last."""
    seconds = app.config["PAGE_CACHE_SECONDS"]
    if not seconds:
        return
    cache = PageCache(seconds)

    @app.before_request
    def serve_from_memory():
        if request.method != "GET" or request.path.startswith(NEVER_CACHED):
            return None
        hit = cache.get(request.full_path)
        if hit is None:
            g.page_cache_key = request.full_path
            return None
        status, headers, body = hit
        return Response(body, status=status, headers=headers).make_conditional(request)

    # Registered first, so it runs after every other after_request: it stores the
    # response as the visitor gets it, headers included.
    @app.after_request
    def remember(response: Response) -> Response:
        key = g.pop("page_cache_key", None)
        if (
            key
            and response.status_code == 200
            and response.headers.get("Cache-Control", "").startswith("public")
            and "Set-Cookie" not in response.headers
            and not response.direct_passthrough
        ):
            cache.put(key, (200, list(response.headers.items()), response.get_data()))
        return response
