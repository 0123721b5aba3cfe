"""Server-side sessions for /beheer: a database row per session, a token in the cookie.

This replaces Flask's cookie session for the whole app: outside /beheer there is never
a session and never a cookie, so public pages stay cookie-free. Inside /beheer the
session dict (account id, Flask-WTF's CSRF secret) lives in the row, and the row is
checked on every request against the idle and absolute timeouts.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from flask import Flask, Request, Response
from flask.sessions import SessionInterface, SessionMixin
from sqlalchemy import delete, or_, select
from werkzeug.datastructures import CallbackDict

from website.db import utcnow
from website.editor.models import EditorSession

COOKIE_NAME = "beheer_session"
COOKIE_PATH = "/beheer"


def in_editor_area(path: str) -> bool:
    """Say whether a request path belongs to the editor area."""
    return path == COOKIE_PATH or path.startswith(COOKIE_PATH + "/")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ServerSession(CallbackDict, SessionMixin):
    """The session dict of one /beheer request, backed by an EditorSession row."""

    def __init__(self, data: dict | None = None, row_id: int | None = None):
        def on_update(self_):
            self_.modified = True

        super().__init__(data or {}, on_update)
        self.row_id = row_id
        self.modified = False
        self.renew = False
        self.ended = False


class NoSession(ServerSession):
    """The session outside /beheer: always empty, never saved, never a cookie."""


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class DatabaseSessionInterface(SessionInterface):
    """Keep /beheer sessions in the editor_session table; set no cookie anywhere else."""

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        """Load the session row named by the cookie, if it exists and has not timed out."""
        if not in_editor_area(request.path):
            return NoSession()
        token = request.cookies.get(COOKIE_NAME)
        if not token:
            return ServerSession()
        with app.extensions["db_sessionmaker"]() as db:
            row = db.scalar(
                select(EditorSession).where(EditorSession.token_hash == _token_hash(token))
            )
            if row is None:
                return ServerSession()
            now = utcnow()
            if _expired(app, row, now):
                db.delete(row)
                db.commit()
                return ServerSession()
            row.last_seen_at = now
            db.commit()
            return ServerSession(dict(row.data), row.id)

    def is_null_session(self, obj: object) -> bool:
        """Treat the public pages' session as null, so Flask never saves it."""
        return isinstance(obj, NoSession)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        """Write the session row and set or clear the token cookie (only under /beheer)."""
        if isinstance(session, NoSession) or not isinstance(session, ServerSession):
            return
        with app.extensions["db_sessionmaker"]() as db:
            if session.ended or (session.renew and session.row_id):
                if session.row_id:
                    db.execute(delete(EditorSession).where(EditorSession.id == session.row_id))
                session.row_id = None
            if session.ended:
                db.commit()
                response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH)
                return
            if session.row_id is None:
                if not session.modified and not session.renew:
                    return
                token = secrets.token_urlsafe(32)
                _forget_stale(app, db)
                db.add(
                    EditorSession(
                        token_hash=_token_hash(token),
                        account_id=session.get("account_id"),
                        data=dict(session),
                    )
                )
                db.commit()
                self._set_cookie(app, response, token)
            elif session.modified:
                row = db.get(EditorSession, session.row_id)
                if row is not None:
                    row.data = dict(session)
                    row.account_id = session.get("account_id")
                    db.commit()

    def _set_cookie(self, app: Flask, response: Response, token: str) -> None:
        response.set_cookie(
            COOKIE_NAME,
            token,
            path=COOKIE_PATH,
            httponly=True,
            samesite="Strict",
            secure=app.config["PUBLIC_BASE_URL"].startswith("https://"),
        )


def _expired(app: Flask, row: EditorSession, now: datetime) -> bool:
    idle = timedelta(minutes=app.config["EDITOR_IDLE_MINUTES"])
    absolute = timedelta(hours=app.config["EDITOR_ABSOLUTE_HOURS"])
    return now - _aware(row.last_seen_at) > idle or now - _aware(row.created_at) > absolute


def _forget_stale(app: Flask, db) -> None:
    """Delete session rows that can no longer be used, so the table stays small."""
    now = utcnow()
    idle = now - timedelta(minutes=app.config["EDITOR_IDLE_MINUTES"])
    absolute = now - timedelta(hours=app.config["EDITOR_ABSOLUTE_HOURS"])
    db.execute(
        delete(EditorSession).where(
            or_(EditorSession.last_seen_at < idle, EditorSession.created_at < absolute)
        )
    )


def end_sessions_of(db, account_id: int, keep_row_id: int | None = None) -> None:
    """End every session of an account on the server, except the one to keep."""
    query = delete(EditorSession).where(EditorSession.account_id == account_id)
    if keep_row_id is not None:
        query = query.where(EditorSession.id != keep_row_id)
    db.execute(query)
