"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py 'website:create_app()'`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
# Threaded workers keep connections alive (sync workers close each one), which doubled
# the requests per second a content page gets on a 2-core machine (docs/performance.md).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = 5
# The access log says what was asked and how it went, never who asked:
# no %(h)s (client address) and no X-Forwarded-For header.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '- - - %(t)s "%(r)s" %(s)s %(b)s %(L)ss'
