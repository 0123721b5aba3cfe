"""The import screen (preview, then exactly that file) and the export downloads."""

import io
import json

import sqlalchemy as sa

from sociale_kaart import Service
from tests.editor.kaart_helpers import add_listing, client_as, token
from website import db

HEADER = "naam;organisatie;categorieen;plaats;openingstijden;bron;slug"
GOOD = (
    "Inloop Deventer;Tactus;verslavingszorg;Deventer;ma-vr 9-17;https://tactus.nl;inloop-deventer"
)
BROKEN = "Kapotte rij;Tactus;kapper;Deventer;ma-vr 9-17 op afspraak;tactus.nl;kapotte-rij"


def _names(app) -> list[str]:
    with app.app_context():
        return sorted(db.session().scalars(sa.select(Service.name)))


def _upload(client, text: str, filename: str = "kaart.csv", **fields):
    data = {
        "csrf_token": token(client, "/beheer/kaart/import"),
        "upload": (io.BytesIO(text.encode("utf-8")), filename),
        "fmt": "auto",
        **fields,
    }
    return client.post("/beheer/kaart/import", data=data, content_type="multipart/form-data")


def _digest(html: str) -> str:
    return html.split('name="digest" value="', 1)[1].split('"', 1)[0]


def test_preview_writes_nothing_then_confirm_imports_exactly_that_file(site):
    add_listing(site, name="Oude dienst", slug="oude-dienst")
    client = client_as(site, "editor")
    preview = _upload(client, f"{HEADER}\n{GOOD}\n", retire_missing="y")
    assert preview.status_code == 200
    assert "Nieuw: 1" in preview.text and "Inloop Deventer" in preview.text
    assert "Gestopt: 1" in preview.text and "Oude dienst" in preview.text
    assert _names(site) == ["Oude dienst"]  # nothing written yet
    confirm = client.post(
        "/beheer/kaart/import/confirm",
        data={"csrf_token": token(client), "digest": _digest(preview.text)},
        follow_redirects=True,
    )
    assert "Geïmporteerd: 1 nieuw, 0 gewijzigd, 1 gestopt, 0 ongewijzigd." in confirm.text
    assert _names(site) == ["Inloop Deventer", "Oude dienst"]
    with site.app_context():
        statuses = dict(db.session().execute(sa.select(Service.slug, Service.status)).all())
    assert statuses == {"inloop-deventer": "active", "oude-dienst": "retired"}
    again = client.post(
        "/beheer/kaart/import/confirm", data={"csrf_token": token(client), "digest": "x"}
    )
    assert again.status_code == 303  # the previewed file is used once only


def test_a_confirm_for_an_older_preview_imports_nothing(site):
    client = client_as(site, "editor")
    old = _upload(client, f"{HEADER}\n{GOOD}\n")
    _upload(client, f"{HEADER}\n{GOOD.replace('Inloop Deventer', 'Andere naam')}\n")
    stale = client.post(
        "/beheer/kaart/import/confirm",
        data={"csrf_token": token(client), "digest": _digest(old.text)},
        follow_redirects=True,
    )
    assert "niet meer het nieuwste" in stale.text
    assert _names(site) == []


def test_listings_changed_since_the_preview_show_a_new_preview(site):
    client = client_as(site, "editor")
    preview = _upload(client, f"{HEADER}\n{GOOD}\n")
    add_listing(site, name="Iets anders", slug="inloop-deventer")  # now the row is a change
    shown = client.post(
        "/beheer/kaart/import/confirm",
        data={"csrf_token": token(client), "digest": _digest(preview.text)},
    )
    assert "veranderd sinds je voorbeeld" in shown.text
    assert "Gewijzigd: 1" in shown.text
    assert _names(site) == ["Iets anders"]


def test_a_broken_file_shows_every_problem_and_writes_nothing(site):
    client = client_as(site, "editor", language="en")
    preview = _upload(client, f"{HEADER}\n{GOOD}\n{BROKEN}\n")
    assert "problems: nothing can be imported" in preview.text
    assert "Unknown term: kapper" in preview.text
    assert "<td>3</td><td>opening_hours</td>" in preview.text
    assert 'name="digest"' not in preview.text  # no import button
    assert _names(site) == []
    not_json = _upload(client, '{"services": [', filename="kaart.json")
    assert "This is not valid JSON" in not_json.text
    empty = _upload(client, "", filename="")
    assert "Choose a file, or paste its text." in empty.text
    assert _names(site) == []


def test_pasted_text_and_a_non_utf8_file(site):
    client = client_as(site, "editor", language="en")
    pasted = client.post(
        "/beheer/kaart/import",
        data={"csrf_token": token(client), "pasted": f"{HEADER}\n{GOOD}\n", "fmt": "auto"},
    )
    assert "New: 1" in pasted.text
    data = {
        "csrf_token": token(client),
        "upload": (
            io.BytesIO("naam;organisatie;bron\nCafé;X;https://x.nl\n".encode("cp1252")),
            "k.csv",
        ),
        "fmt": "csv",
    }
    latin = client.post("/beheer/kaart/import", data=data, content_type="multipart/form-data")
    assert "The file is not UTF-8 text." in latin.text
    assert _names(site) == []


def test_export_downloads_hsds_json_and_csv_that_import_unchanged(site):
    add_listing(site, name="Tactus Zwolle", slug="tactus-zwolle")
    client = client_as(site, "field_worker")
    hsds = client.get("/beheer/kaart/export.json")
    assert hsds.status_code == 200
    assert hsds.mimetype == "application/json"
    assert "attachment" in hsds.headers["Content-Disposition"]
    assert [s["name"] for s in json.loads(hsds.text)["services"]] == ["Tactus Zwolle"]
    table = client.get("/beheer/kaart/export.csv")
    assert table.mimetype == "text/csv"
    assert "Tactus Zwolle" in table.text
    editor = client_as(site, "editor")
    for text, name in ((hsds.text, "kaart.json"), (table.text, "kaart.csv")):
        preview = _upload(editor, text, filename=name)
        assert "Ongewijzigd: 1" in preview.text, name
