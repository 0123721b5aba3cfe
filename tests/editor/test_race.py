"""Two editors save the same page at the same moment, against a live threaded server."""

import html
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import sqlalchemy as sa

from tests.editor.conftest import PASSWORD, csrf_token, make_account
from website import db
from website.pages.models import Page, Revision

ROUNDS = 20


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Editor:
    """One person's browser: its own cookies, real HTTP on loopback."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base_url + path, body, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def log_in(self, name: str) -> None:
        _status, page = self.request("/beheer/login")
        token = csrf_token(page)
        status, _ = self.request(
            "/beheer/login", {"name": name, "password": PASSWORD, "csrf_token": token}
        )
        assert status == 303


def form_fields(page: str, **changes) -> dict:
    """Read the page form's fields from its HTML, as a browser would send them."""
    fields = {}
    for name, value in re.findall(r'<input [^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', page):
        fields.setdefault(name, html.unescape(value))
    for name, value in re.findall(
        r'<textarea [^>]*name="([a-z_]+)"[^>]*>\r?\n?(.*?)</textarea>', page, re.S
    ):
        fields[name] = html.unescape(value)
    topic = re.search(r'<option selected value="([^"]*)"', page)
    fields["topic"] = topic.group(1) if topic else ""
    for button in ("preview", "save_draft", "publish"):
        fields.pop(button, None)
    return fields | changes


def _race(live_server, site):
    make_account(site, "anna")
    make_account(site, "bert")
    anna, bert = Editor(live_server), Editor(live_server)
    anna.log_in("anna")
    bert.log_in("bert")
    with site.app_context():
        page_id = db.session().scalar(sa.select(Page.id).where(Page.slug == "3-mmc/wat-is-het"))
    path = f"/beheer/pages/{page_id}"
    for round_number in range(ROUNDS):
        texts = {
            "anna": f"Anna schrijft ronde {round_number}.",
            "bert": f"Bert schrijft ronde {round_number}.",
        }
        forms = {}
        for name, editor in (("anna", anna), ("bert", bert)):
            _status, page = editor.request(path)
            forms[name] = form_fields(page, body=texts[name], save_draft="1")
        assert forms["anna"]["version"] == forms["bert"]["version"]
        results = {}
        start = threading.Barrier(2)

        def save(name, editor, start=start, results=results, forms=forms):
            start.wait()
            results[name] = editor.request(path, forms[name])

        threads = [
            threading.Thread(target=save, args=(n, e)) for n, e in (("anna", anna), ("bert", bert))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses = sorted(status for status, _ in results.values())
        assert statuses == [303, 409], (round_number, statuses)
        winner = next(n for n, (status, _) in results.items() if status == 303)
        loser = "bert" if winner == "anna" else "anna"
        conflict = results[loser][1]
        assert html.escape(texts[loser], quote=False) in conflict  # their own text, kept
        assert html.escape(texts[winner], quote=False) in conflict  # and the one saved now
        with site.app_context():
            newest = db.session().scalar(
                sa.select(Revision)
                .where(Revision.page_id == page_id)
                .order_by(Revision.number.desc())
            )
            assert newest.body_markdown.strip() == texts[winner]
        # The loser merges from the conflict screen and saves: nothing is lost.
        merged = form_fields(conflict, body=texts[loser] + "\n\n" + texts[winner], save_draft="1")
        editor = anna if loser == "anna" else bert
        assert editor.request(path, merged)[0] == 303
    with site.app_context():
        bodies = (
            db.session()
            .scalars(sa.select(Revision.body_markdown).where(Revision.page_id == page_id))
            .all()
        )
    assert len(bodies) == 1 + 2 * ROUNDS
    for round_number in range(ROUNDS):
        for name in ("Anna", "Bert"):
            assert any(f"{name} schrijft ronde {round_number}." in b for b in bodies)


def test_two_editors_racing_exactly_one_wins_each_time(live_server, site):
    _race(live_server, site)
