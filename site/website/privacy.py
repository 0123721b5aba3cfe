"""Keep visitors' addresses out of every log the app controls."""

import logging
import re

from flask import Flask

# Werkzeug writes "127.0.0.1 - - [date] "GET / HTTP/1.1" 200 -"; the address goes first.
_ADDRESS_AT_START = re.compile(r"^\S+ - - \[")


class DropClientAddress(logging.Filter):
    """Replace the client address at the start of an access-log line with a dash."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = _ADDRESS_AT_START.sub("- - - [", record.msg)
        return True


def init_app(app: Flask) -> None:
    """Install the address filter on Werkzeug's request log, once per process."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropClientAddress) for f in logger.filters):
        logger.addFilter(DropClientAddress())
