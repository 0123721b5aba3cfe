"""Editing a listing: every field, opening hours shown back first, validation, conflicts."""

import sqlalchemy as sa

from sociale_kaart import Organization, Service, create_organization, to_data
from sociale_kaart import OrganizationData as Org
from tests.editor.kaart_helpers import add_listing, client_as, form_fields
from website import db
from website.editor.models import AuditEntry


def _data(app, service_id):
    with app.test_request_context("/"):
        return to_data(db.session().get(Service, service_id))


def _count(app, model):
    with app.app_context():
        return db.session().scalar(sa.select(sa.func.count()).select_from(model))


def _organisation(app, name="GGD IJsselland"):
    with app.test_request_context("/"):
        return create_organization(db.session(), Org(name=name)).id


def _new_form(client, org_id):
    page = client.get(f"/beheer/kaart/services/new?organization={org_id}")
    assert page.status_code == 200
    fields = form_fields(page.text)
    fields.update(
        {
            "name": "Soa-poli Zwolle",
            "source_url": "https://ggdijsselland.nl/soa",
            "description": "Testen op soa, gratis voor jongeren.",
            "description_en": "STI tests, free for young people.",
            "eligibility_description": "Jongeren tot 25",
            "eligibility_description_en": "Young people up to 25",
            "free": "yes",
            "anonymous": "no",
            "walk_in": "",
            "languages": "nl, EN",
            "service_area": "Regio Zwolle",
            "opening_hours": "ma-vr 9-17, za 10-14",
            "url": "https://ggdijsselland.nl",
            "email": "soa@example.org",
            "chat_url": "https://example.org/chat",
            "locations-0-name": "GGD-gebouw",
            "locations-0-address_1": "Zeven Alleetjes 1",
            "locations-0-postal_code": "8011cv",
            "locations-0-city": "Zwolle",
            "locations-0-latitude": "52,5",
            "locations-0-longitude": "6.09",
            "phones-0-number": "038 428 1428",
            "phones-0-channel": "voice",
            "phones-1-number": "06 1234 5678",
            "phones-1-channel": "whatsapp",
        }
    )
    fields.setlist("categories", ["sexual-health", "youth-work"])
    fields.setlist("target_groups", ["young-people"])
    return fields


def test_new_listing_shows_the_hours_back_before_saving_then_saves_every_field(site):
    org_id = _organisation(site)
    client = client_as(site, "editor")
    fields = _new_form(client, org_id)
    first = client.post("/beheer/kaart/services/new", data=fields)
    assert first.status_code == 200
    assert _count(site, Service) == 0  # not saved: the hours are shown first
    assert "Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off" in first.text
    assert "ma t/m vr 09:00–17:00" in first.text  # the account's language
    assert "Gesloten op feestdagen" in first.text
    assert "Controleer de openingstijden hieronder" in first.text
    again = form_fields(first.text)
    assert again["confirmed_hours"] == "Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off"
    saved = client.post("/beheer/kaart/services/new", data=again)
    assert saved.status_code == 303
    with site.app_context():
        service_id = db.session().scalar(sa.select(Service.id))
    data = _data(site, service_id)
    assert data.organization.id == org_id
    assert data.slug == "soa-poli-zwolle"
    assert data.opening_hours == "Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off"
    assert (data.free, data.anonymous, data.walk_in) == (True, False, None)
    assert data.languages == ["nl", "en"]
    assert data.categories == ["sexual-health", "youth-work"]
    assert data.target_groups == ["young-people"]
    assert data.eligibility_description_en == "Young people up to 25"
    assert [(p.number, p.channel) for p in data.phones] == [
        ("038 428 1428", "voice"),
        ("06 1234 5678", "whatsapp"),
    ]
    (location,) = data.locations
    assert (location.postal_code, location.latitude, location.longitude) == ("8011 CV", 52.5, 6.09)
    assert data.verified is False
    with site.app_context():
        entry = db.session().scalar(sa.select(AuditEntry).order_by(AuditEntry.id.desc()))
        assert (entry.action, entry.target) == ("create listing", "Soa-poli Zwolle")


def test_show_hours_button_and_public_holidays_checkbox(site):
    client = client_as(site, "editor", language="en")
    fields = _new_form(client, _organisation(site))
    fields.update({"opening_hours": "Mo-Su 10:00-22:00", "open_on_public_holidays": "y"})
    fields["check_hours"] = "Show the opening hours"
    shown = client.post("/beheer/kaart/services/new", data=fields)
    assert "<code>Mo-Su 10:00-22:00</code>" in shown.text
    assert "Mon to Sun 10:00–22:00" in shown.text
    assert "Closed on public holidays" not in shown.text
    assert _count(site, Service) == 0  # showing the hours never saves


def test_invalid_hours_and_fields_are_refused_with_messages_and_nothing_saved(site):
    client = client_as(site, "editor", language="en")
    fields = _new_form(client, _organisation(site))
    fields.update(
        {
            "opening_hours": "ma-vr 9-17 op afspraak",
            "source_url": "ggd.nl",
            "email": "geen-adres",
            "locations-0-postal_code": "80111",
            "locations-0-latitude": "noord",
        }
    )
    fields.setlist("categories", [])
    page = client.post("/beheer/kaart/services/new", data=fields)
    assert page.status_code == 200
    assert "Some fields need attention" in page.text
    assert "afspraak" in page.text  # the library names the word it did not understand
    assert "This is not a web address" in page.text
    assert "This is not an e-mail address." in page.text
    assert "Write coordinates as numbers" in page.text
    assert 'aria-invalid="true" id="source_url"' in page.text
    assert _count(site, Service) == 0
    fields.update({"opening_hours": "", "confirmed_hours": "", "source_url": "https://ggd.nl"})
    fields.update({"email": "", "locations-0-latitude": "52.5"})
    library = client.post("/beheer/kaart/services/new", data=fields)
    assert "Choose at least one category." in library.text
    assert "A Dutch postcode looks like 8011 AB." in library.text
    assert _count(site, Service) == 0


def test_editing_keeps_stored_hours_without_asking_again(site):
    # Stored without a PH rule: open on holidays as on other days; the form must keep that.
    service_id = add_listing(site, opening_hours="Fr-Sa 22:00-04:00")
    client = client_as(site, "editor")
    page = client.get(f"/beheer/kaart/services/{service_id}/edit")
    fields = form_fields(page.text)
    assert fields["open_on_public_holidays"] == "y"
    fields["description"] = "Nieuwe beschrijving."
    saved = client.post(f"/beheer/kaart/services/{service_id}/edit", data=fields)
    assert saved.status_code == 303
    data = _data(site, service_id)
    assert (data.description, data.opening_hours) == ("Nieuwe beschrijving.", "Fr-Sa 22:00-04:00")
    assert [loc.city for loc in data.locations] == ["Zwolle"]


def test_a_stale_save_shows_both_versions_and_keeps_the_input(site):
    service_id = add_listing(site)
    first = client_as(site, "editor", "eerste")
    second = client_as(site, "editor", "tweede")
    mine = form_fields(first.get(f"/beheer/kaart/services/{service_id}/edit").text)
    theirs = form_fields(second.get(f"/beheer/kaart/services/{service_id}/edit").text)
    theirs["description"] = "Hun beschrijving."
    assert second.post(f"/beheer/kaart/services/{service_id}/edit", data=theirs).status_code == 303
    mine["description"] = "Mijn beschrijving."
    conflict = first.post(f"/beheer/kaart/services/{service_id}/edit", data=mine)
    assert conflict.status_code == 409
    assert "Hun beschrijving." in conflict.text and "Mijn beschrijving." in conflict.text
    assert _data(site, service_id).description == "Hun beschrijving."
    merged = form_fields(conflict.text)
    assert merged["version"] == "2"
    assert merged["description"] == "Mijn beschrijving."
    assert first.post(f"/beheer/kaart/services/{service_id}/edit", data=merged).status_code == 303
    assert _data(site, service_id).description == "Mijn beschrijving."


def test_organisations_add_edit_conflict_and_retire(site):
    client = client_as(site, "editor")
    form = form_fields(client.get("/beheer/kaart/organisations/new").text)
    form.update({"name": "Tactus", "website": "tactus.nl"})
    refused = client.post("/beheer/kaart/organisations/new", data=form)
    assert "Dit is geen webadres (https://...)." in refused.text
    assert _count(site, Organization) == 0
    form.update({"website": "https://www.tactus.nl"})
    assert client.post("/beheer/kaart/organisations/new", data=form).status_code == 303
    duplicate = client.post("/beheer/kaart/organisations/new", data=form)
    assert duplicate.status_code == 200 and _count(site, Organization) == 1
    with site.app_context():
        org_id = db.session().scalar(sa.select(Organization.id))
    service_id = add_listing(site, organization=Org(name="Tactus"))
    path = f"/beheer/kaart/organisations/{org_id}"
    stale = form_fields(client.get(path).text)
    fresh = form_fields(client.get(path).text)
    fresh["description"] = "Verslavingszorg in Overijssel."
    assert client.post(path, data=fresh).status_code == 303
    stale["description"] = "Mijn tekst."
    conflict = client.post(path, data=stale)
    assert conflict.status_code == 409
    assert "Verslavingszorg in Overijssel." in conflict.text and "Mijn tekst." in conflict.text
    retire = client.post(f"{path}/retire", data={"csrf_token": fresh["csrf_token"], "version": "2"})
    assert retire.status_code == 303
    assert _data(site, service_id).status == "retired"
