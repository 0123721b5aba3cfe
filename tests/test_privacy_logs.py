"""No visitor address is written to any log: Werkzeug's, gunicorn's or the proxy's."""

import logging
import threading
import urllib.request
from pathlib import Path

from werkzeug.serving import make_server

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_werkzeug_access_log_has_no_client_address(app, caplog):
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            for path in ("/nl/", "/nl/bestaat-niet", "/robots.txt"):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{server.port}{path}", timeout=5)
                except urllib.error.HTTPError:
                    pass
    finally:
        server.shutdown()
        thread.join()
    lines = [record.getMessage() for record in caplog.records if record.name == "werkzeug"]
    assert any("GET /nl/ " in line for line in lines)
    assert not any("127.0.0.1" in line for line in lines)


def test_gunicorn_access_log_format_has_no_client_address():
    namespace = {}
    exec((REPO_ROOT / "gunicorn.conf.py").read_text(), namespace)
    log_format = namespace["access_log_format"]
    assert "%(h)s" not in log_format and "x-forwarded-for" not in log_format.lower()
    assert "%(r)s" in log_format


def test_proxy_configuration_in_docs_logs_no_address():
    nginx = (REPO_ROOT / "docs" / "nginx.conf").read_text()
    log_format = nginx.split("\nlog_format", 1)[1].split(";", 1)[0]
    assert "$remote_addr" not in log_format and "forwarded" not in log_format
    assert "access_log /var/log/nginx/poes.access.log no_address;" in nginx
