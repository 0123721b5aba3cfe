"""Accounts, login, roles, sessions on the server, timeouts, logout, password change, CLI."""

from datetime import timedelta

import sqlalchemy as sa

from tests.editor.conftest import PASSWORD, csrf_token, log_in, make_account
from website import db
from website.db import utcnow
from website.editor.models import Account, AuditEntry, EditorSession
from website.editor.passwords import password_problem, verify_password

EDITOR_PAGES = [
    "/beheer/",
    "/beheer/pages",
    "/beheer/pages/1",
    "/beheer/pages/1/history",
    "/beheer/alerts",
    "/beheer/alerts/new",
    "/beheer/substances/new",
    "/beheer/account",
    "/beheer/pages/new",
]


def _rows(app, model):
    with app.app_context():
        return db.session().scalars(sa.select(model)).all()


def test_no_default_account_and_login_needed(site):
    assert _rows(site, Account) == []
    client = site.test_client()
    response = client.get("/beheer/pages")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/beheer/login")


def test_login_wrong_password_and_unknown_name_get_the_same_answer(site):
    make_account(site)
    client = site.test_client()
    wrong = log_in(client, password="niet het goede wachtwoord")
    unknown = log_in(client, name="niemand")
    assert wrong.status_code == unknown.status_code == 200
    assert "De accountnaam of het wachtwoord klopt niet" in wrong.text
    assert wrong.text.replace(csrf_token(wrong.text), "") == unknown.text.replace(
        csrf_token(unknown.text), ""
    ).replace('value="niemand"', 'value="redacteur"')


def test_login_sets_a_strict_cookie_scoped_to_beheer_and_a_fresh_token(site):
    make_account(site)
    client = site.test_client()
    before = client.get("/beheer/login")
    old_token = client.get_cookie("beheer_session", path="/beheer").value
    cookie_header = before.headers["Set-Cookie"]
    for part in ("HttpOnly", "SameSite=Strict", "Path=/beheer"):
        assert part in cookie_header
    assert "Secure" not in cookie_header
    response = client.post(
        "/beheer/login",
        data={"name": "redacteur", "password": PASSWORD, "csrf_token": csrf_token(before.text)},
    )
    assert response.status_code == 303
    new_token = client.get_cookie("beheer_session", path="/beheer").value
    assert new_token != old_token
    # The token of before the login is worthless now.
    stale = site.test_client()
    stale.set_cookie("beheer_session", old_token, path="/beheer")
    assert stale.get("/beheer/").status_code == 302
    # Only the hash of the token is kept.
    rows = _rows(site, EditorSession)
    assert new_token not in {r.token_hash for r in rows}


def test_cookie_is_secure_when_the_public_site_is_https(site):
    site.config["PUBLIC_BASE_URL"] = "https://poes.example"
    response = site.test_client().get("/beheer/login", base_url="https://localhost")
    assert "Secure" in response.headers["Set-Cookie"]


def test_editor_pages_are_private_and_noindex(editor_client):
    for path in EDITOR_PAGES + ["/beheer/login"]:
        response = editor_client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path
        assert "noindex" in response.headers["X-Robots-Tag"]
        assert '<meta name="robots" content="noindex, nofollow">' in response.text


def test_roles_field_worker_cannot_edit_pages_and_only_admin_sees_accounts(site):
    make_account(site, "veldwerker", role="field_worker")
    make_account(site, "redacteur", role="editor")
    field_worker, editor = site.test_client(), site.test_client()
    log_in(field_worker, "veldwerker")
    log_in(editor, "redacteur")
    assert field_worker.get("/beheer/").status_code == 200
    assert field_worker.get("/beheer/pages").status_code == 403
    assert field_worker.get("/beheer/alerts").status_code == 403
    assert editor.get("/beheer/pages").status_code == 200
    assert editor.get("/beheer/accounts").status_code == 403
    assert editor.get("/beheer/audit").status_code == 403


def test_admin_creates_an_account_with_password_rules(site):
    make_account(site, "beheerder", role="admin")
    client = site.test_client()
    log_in(client, "beheerder")
    page = client.get("/beheer/accounts")
    form = {
        "name": "nieuw",
        "role": "editor",
        "language": "en",
        "csrf_token": csrf_token(page.text),
    }
    weak = client.post("/beheer/accounts", data=form | {"password": "wachtwoord123"})
    assert "te vaak gebruikt" in weak.text
    short = client.post("/beheer/accounts", data=form | {"password": "kort"})
    assert "minstens 8 tekens" in short.text
    assert len(_rows(site, Account)) == 1
    good = client.post("/beheer/accounts", data=form | {"password": "x" * 200})
    assert good.status_code == 303
    assert {a.name for a in _rows(site, Account)} == {"beheerder", "nieuw"}
    audit = client.get("/beheer/audit")
    assert "create account" in audit.text and "nieuw (editor)" in audit.text


def test_password_rules():
    assert password_problem("kort") is not None
    assert password_problem("password1") is not None
    assert password_problem("Password") is not None
    assert password_problem("redacteur", "redacteur") is not None
    assert password_problem("paard batterij nietje correct") is None
    assert password_problem("a" * 128) is None


def test_account_language_is_used_in_the_editor_area(site):
    make_account(site, "english", language="en")
    client = site.test_client()
    assert "Inloggen" in client.get("/beheer/login").text
    log_in(client, "english")
    assert "Dashboard" in client.get("/beheer/").text and "Log out" in client.get("/beheer/").text


def test_idle_timeout_ends_the_session(editor_client, site):
    with site.app_context():
        db.session().execute(
            sa.update(EditorSession).values(last_seen_at=utcnow() - timedelta(minutes=31))
        )
        db.session().commit()
    assert editor_client.get("/beheer/").status_code == 302
    assert all(r.account_id is None for r in _rows(site, EditorSession))


def test_absolute_timeout_ends_a_busy_session(editor_client, site):
    with site.app_context():
        db.session().execute(
            sa.update(EditorSession).values(created_at=utcnow() - timedelta(hours=12, minutes=1))
        )
        db.session().commit()
    assert editor_client.get("/beheer/").status_code == 302


def test_short_timeouts_from_the_settings(editor_client, site):
    site.config["EDITOR_IDLE_MINUTES"] = 0
    with site.app_context():
        db.session().execute(
            sa.update(EditorSession).values(last_seen_at=utcnow() - timedelta(seconds=1))
        )
        db.session().commit()
    assert editor_client.get("/beheer/").status_code == 302


def test_logout_ends_the_session_on_the_server(editor_client, site):
    token = editor_client.get_cookie("beheer_session", path="/beheer").value
    page = editor_client.get("/beheer/")
    response = editor_client.post("/beheer/logout", data={"csrf_token": csrf_token(page.text)})
    assert response.status_code == 303
    assert all(r.account_id is None for r in _rows(site, EditorSession))
    replay = site.test_client()
    replay.set_cookie("beheer_session", token, path="/beheer")
    assert replay.get("/beheer/").status_code == 302


def test_logout_by_get_changes_nothing(editor_client):
    assert editor_client.get("/beheer/logout").status_code in (404, 405)
    assert editor_client.get("/beheer/").status_code == 200


def test_password_change_ends_other_sessions(site):
    make_account(site)
    first, second = site.test_client(), site.test_client()
    log_in(first)
    log_in(second)
    page = first.get("/beheer/account")
    response = first.post(
        "/beheer/account",
        data={
            "password-current": PASSWORD,
            "password-new": "een heel ander lang wachtwoord",
            "password-repeat": "een heel ander lang wachtwoord",
            "password-submit": "1",
            "password-csrf_token": csrf_token(page.text),
            "csrf_token": csrf_token(page.text),
        },
    )
    assert response.status_code == 303
    assert second.get("/beheer/").status_code == 302
    assert first.get("/beheer/").status_code == 200
    with site.app_context():
        account = db.session().scalar(sa.select(Account))
        assert verify_password(account.password_hash, "een heel ander lang wachtwoord")
    assert log_in(site.test_client()).status_code == 200  # the old password no longer works


def test_audit_log_has_names_and_no_addresses(editor_client, site):
    rows = _rows(site, AuditEntry)
    assert [r.action for r in rows] == ["login"]
    columns = {c.name for c in AuditEntry.__table__.columns}
    assert not columns & {"ip", "address", "remote_addr"}


def test_create_admin_command(site):
    runner = site.test_cli_runner()
    result = runner.invoke(args=["users", "create-admin", "--name", "eerste", "--password", "kort"])
    assert result.exit_code == 1 and "8" in result.output
    result = runner.invoke(
        args=["users", "create-admin", "--name", "eerste"],
        input="een goede lange zin\neen goede lange zin\n",
    )
    assert result.exit_code == 0, result.output
    assert [(a.name, a.role) for a in _rows(site, Account)] == [("eerste", "admin")]
    assert log_in(site.test_client(), "eerste", "een goede lange zin").status_code == 303
