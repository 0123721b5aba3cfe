"""Helpers for the sociale kaart screen tests: listings in the database, logged-in clients."""

from werkzeug.datastructures import MultiDict

from sociale_kaart import create_service
from tests.editor.conftest import csrf_token, log_in, make_account
from tests.sociale_kaart.kaart_factories import service_data
from website import db


def add_listing(app, **fields) -> str:
    """Create a listing (unverified) and return its id."""
    with app.test_request_context("/beheer/"):
        return create_service(db.session(), service_data(**fields)).id


def client_as(app, role: str, name: str | None = None, language: str = "nl"):
    """Return a test client logged in with a new account of this role."""
    name = name or role
    make_account(app, name=name, role=role, language=language)
    client = app.test_client()
    assert log_in(client, name=name).status_code == 303
    return client


class Fields(MultiDict):
    """Form fields as a browser sends them; update() replaces values (as typing would)."""

    def update(self, mapping) -> None:  # type: ignore[override]
        for key, value in dict(mapping).items():
            self[key] = value


def form_fields(html: str) -> Fields:
    """Return what a browser would send for the first form with a CSRF token and fields."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.pairs: list[list[str]] = []
            self.select: str | None = None
            self.first_option: list[str] | None = None
            self.textarea: list[str] | None = None
            self.done = False

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            name = a.get("name")
            if self.done:
                return
            if tag == "input" and name and a.get("type") not in ("submit", "checkbox"):
                self.pairs.append([name, a.get("value") or ""])
            elif tag == "input" and name and "checked" in a:
                self.pairs.append([name, a.get("value") or "y"])
            elif tag == "select":
                self.select, self.first_option = name, None
            elif tag == "option" and self.select:
                if self.first_option is None or "selected" in a:
                    if self.first_option is not None:
                        self.pairs.remove(self.first_option)
                    self.first_option = [self.select, a.get("value") or ""]
                    self.pairs.append(self.first_option)
            elif tag == "textarea" and name:
                self.textarea = [name, ""]
                self.pairs.append(self.textarea)

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            elif tag == "textarea" and self.textarea is not None:
                # Browsers drop the one newline right after <textarea>.
                self.textarea[1] = self.textarea[1].removeprefix("\r\n").removeprefix("\n")
                self.textarea = None
            elif tag == "form" and any(p[0] == "version" for p in self.pairs):
                self.done = True

        def handle_data(self, data):
            if self.textarea is not None:
                self.textarea[1] += data

    reader = Reader()
    reader.feed(html)
    return Fields([tuple(p) for p in reader.pairs])


def token(client, path: str = "/beheer/") -> str:
    """Return a CSRF token of the client's session."""
    return csrf_token(client.get(path).text)
