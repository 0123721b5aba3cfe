"""Flyer screens in the editor area: points, QR codes, previews, PDF downloads, roles, CSRF."""

import io

import pytest
import sqlalchemy as sa
import zxingcpp
from PIL import Image

import flyers
from tests.editor.conftest import csrf_token, log_in, make_account
from tests.flyers.conftest import pdf_pages
from website import db
from website.editor.models import AuditEntry

POINT = {"name": "Club De Kelder", "kind": "club", "municipality": "Zwolle", "language": "nl"}


def _point(site, **fields):
    with site.app_context():
        return flyers.create_point(**(POINT | fields)).id


def _post_point(client, path="/beheer/flyers/new", **fields):
    token = csrf_token(client.get(path).text)
    return client.post(path, data={"csrf_token": token, **POINT, **fields})


def _count_points(site) -> int:
    with site.app_context():
        return db.session().scalar(sa.select(sa.func.count(flyers.DistributionPoint.id)))


def test_field_worker_creates_changes_and_retires_a_point(field_worker, site):
    bad = _post_point(
        field_worker, name="", municipality="x" * 81, target_path="https://elders.example/"
    )
    assert bad.status_code == 400
    assert "Geef het punt een naam." in bad.text
    assert "hoogstens 80 tekens" in bad.text
    assert "/nl/3-mmc" in bad.text and 'aria-invalid="true"' in bad.text
    assert _count_points(site) == 0

    created = _post_point(field_worker, notes="Contact: de barmanager")
    assert created.status_code == 303
    point_page = field_worker.get(created.headers["Location"])
    assert "Club De Kelder" in point_page.text and "/q/" in point_page.text
    with site.app_context():
        point = flyers.list_points()[0]
        point_id, code = point.id, point.code
        assert point.target_path == "/nl/3-mmc"

    edit = f"/beheer/flyers/{point_id}/edit"
    changed = _post_point(field_worker, edit, name="Café Het Hoekje", kind="bar", status="active")
    assert changed.status_code == 303
    retire = field_worker.post(
        f"/beheer/flyers/{point_id}/retire", data={"csrf_token": csrf_token(point_page.text)}
    )
    assert retire.status_code == 303
    with site.app_context():
        point = flyers.find_point(code)
        assert (point.name, point.kind, point.status) == ("Café Het Hoekje", "bar", "retired")
        actions = db.session().scalars(
            sa.select(AuditEntry.action).where(AuditEntry.action != "login").order_by(AuditEntry.id)
        )
        assert list(actions) == ["create flyer point", "change flyer point", "retire flyer point"]
    listing = field_worker.get("/beheer/flyers?status=retired&municipality=zwolle&kind=bar")
    assert "Café Het Hoekje" in listing.text
    assert "Café Het Hoekje" not in field_worker.get("/beheer/flyers").text  # active only


def test_every_flyer_post_needs_the_csrf_token(field_worker, site):
    point_id = _point(site)
    for path in ("/beheer/flyers/new", f"/beheer/flyers/{point_id}/edit"):
        for token in (None, "vervalst"):
            data = POINT | {"name": "Zonder token"} | ({"csrf_token": token} if token else {})
            assert field_worker.post(path, data=data).status_code == 400
        assert field_worker.post(f"/beheer/flyers/{point_id}/retire").status_code == 400
    with site.app_context():
        assert [(p.name, p.status) for p in flyers.list_points()] == [("Club De Kelder", "active")]


def test_a_name_too_long_for_a_layout_is_refused_with_the_limit(field_worker, site):
    point_id = _point(site, name="Jongerencentrum De Grote Markt")  # 30 characters: fits all
    assert field_worker.get(f"/beheer/flyers/{point_id}/flyer.pdf?layout=card").status_code == 200
    long_name = "Jongerencentrum De Grote Markt 12"  # 33: too long for the card only
    renamed = _post_point(field_worker, f"/beheer/flyers/{point_id}/edit", name=long_name)
    assert renamed.status_code == 303
    refused = field_worker.get(f"/beheer/flyers/{point_id}/flyer.pdf?layout=card&lang=nl")
    assert refused.status_code == 400
    assert "te lang voor deze opmaak: hoogstens 30 tekens (het zijn er 33)" in refused.text
    screen = field_worker.get(f"/beheer/flyers/{point_id}")
    assert "hoogstens 30 tekens" in screen.text
    assert field_worker.get(f"/beheer/flyers/{point_id}/flyer.pdf?layout=a6").status_code == 200
    assert field_worker.get(f"/beheer/flyers/{point_id}/flyer.pdf?layout=a3").status_code == 404


@pytest.mark.parametrize(("layout", "lang", "pages"), [("a6", "nl", 2), ("card", "both", 4)])
def test_pdf_download_is_a_pdf_whose_qr_decodes_to_the_points_url(
    field_worker, site, layout, lang, pages
):
    point_id = _point(site)
    with site.app_context():
        url = flyers.point_url(db.session().get(flyers.DistributionPoint, point_id))
    response = field_worker.get(f"/beheer/flyers/{point_id}/flyer.pdf?layout={layout}&lang={lang}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert f"-{layout}-{lang}.pdf" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(b"%PDF")
    read = pdf_pages(response.data, dpi=300)
    assert len(read) == pages
    assert [p["codes"] for p in read if p["codes"]] == [[url]] * (pages // 2)


def test_qr_downloads_and_preview_decode_to_the_points_url(field_worker, site):
    point_id = _point(site)
    with site.app_context():
        url = flyers.point_url(db.session().get(flyers.DistributionPoint, point_id))
    screen = field_worker.get(f"/beheer/flyers/{point_id}")
    assert '<svg role="img" aria-label="QR-code voor ' + url in screen.text
    svg = field_worker.get(f"/beheer/flyers/{point_id}/qr.svg")
    assert svg.mimetype == "image/svg+xml" and svg.data.startswith(b"<svg")
    assert svg.headers["Content-Disposition"].startswith("attachment;")
    for path in ("qr.png", "preview.png"):
        image = field_worker.get(f"/beheer/flyers/{point_id}/{path}")
        assert image.status_code == 200 and image.mimetype == "image/png"
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)))
        assert [code.text for code in decoded] == [url]


def test_one_pdf_for_all_active_points_of_a_municipality(field_worker, site):
    ids = [_point(site, name=f"Punt {n}") for n in range(3)]
    _point(site, name="Elders", municipality="Deventer")
    with site.app_context():
        points = [db.session().get(flyers.DistributionPoint, i) for i in ids]
        flyers.retire_point(points[2])
        urls = {flyers.point_url(p) for p in points[:2]}
    response = field_worker.get("/beheer/flyers/batch.pdf?municipality=zwolle&layout=a6&lang=nl")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    read = pdf_pages(response.data, dpi=200)
    assert {code for page in read for code in page["codes"]} == urls
    nothing = field_worker.get("/beheer/flyers/batch.pdf?layout=a6")
    assert nothing.status_code == 400
    assert "Kies een gemeente, een soort plek of allebei." in nothing.text
    none_match = field_worker.get("/beheer/flyers/batch.pdf?municipality=Urk&layout=sheet")
    assert none_match.status_code == 400 and "Geen actieve punten" in none_match.text
    by_kind = field_worker.get("/beheer/flyers/batch.pdf?kind=club&layout=sheet&lang=both")
    assert by_kind.status_code == 200 and by_kind.data.startswith(b"%PDF")


def test_roles_on_the_flyer_screens(site):
    anonymous = site.test_client()
    assert anonymous.get("/beheer/flyers").status_code == 302
    assert anonymous.get("/beheer/flyers/stats.csv").status_code == 302
    make_account(site, "veldwerker", role="field_worker")
    make_account(site)
    worker, editor = site.test_client(), site.test_client()
    log_in(worker, "veldwerker")
    log_in(editor)
    menu = worker.get("/beheer/").text
    assert "Flyers" in menu and "Flyerstatistieken" in menu and "Combinaties" not in menu
    assert worker.get("/beheer/combinations").status_code == 403
    assert worker.get("/beheer/combinations/3-mmc/alcohol").status_code == 403
    assert worker.get("/beheer/pages").status_code == 403
    assert editor.get("/beheer/flyers").status_code == 200
    assert _post_point(editor).status_code == 303
    assert "Combinaties" in editor.get("/beheer/").text
