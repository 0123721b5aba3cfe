"""Response headers every page gets, caching for public pages, and friendly error pages."""

from flask import Flask, Response, current_app, g, render_template, request
from werkzeug.middleware.proxy_fix import ProxyFix

from website.i18n import LANGUAGES

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()"
)


def init_app(app: Flask) -> None:
    """Add security and cache headers to each response; register the error pages."""
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        # Behind nginx every request comes from 127.0.0.1: the login and report limits
        # would count all visitors as one, and https would look like http. The address is
        # still only held in the limiters' memory, never logged or stored.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    app.after_request(_headers)
    app.register_error_handler(404, _not_found)
    app.register_error_handler(405, _not_found)
    app.register_error_handler(500, _server_error)


def _headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if request.is_secure or current_app.config["PUBLIC_BASE_URL"].startswith("https://"):
        headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    if _is_public_page(response):
        # Public pages are the same for everyone, so a proxy or CDN may keep them a while.
        headers.setdefault(
            "Cache-Control", f"public, max-age={current_app.config['PUBLIC_CACHE_SECONDS']}"
        )
        response.add_etag()
        response.make_conditional(request)
        # make_conditional adds a Date header, and gunicorn (or Werkzeug) adds its own: two
        # Date headers, and a stale one for a page kept in memory. The server's is enough.
        del response.headers["Date"]
    return response


def _is_public_page(response: Response) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.direct_passthrough
        and "Cache-Control" not in response.headers
        and not request.path.startswith(("/beheer", "/q/"))
    )


def _error_language() -> str:
    first = request.path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else "nl"


def _not_found(_error):
    g.lang = _error_language()
    return render_template("errors/404.html"), 404


def _server_error(_error):
    g.lang = _error_language()
    return render_template("errors/500.html"), 500
