"""Import and export: shipped data, broken rows, round trips, retired services, previews."""

import json
from datetime import date

import sqlalchemy as sa

from sociale_kaart import (
    Service,
    create_service,
    export_listings,
    import_listings,
    mark_checked,
    preview_import,
    to_data,
)
from sociale_kaart.cli import SHIPPED_DATA
from sociale_kaart.csv_format import COLUMNS
from tests.conftest import empty_all_tables
from tests.sociale_kaart.kaart_factories import rich_service_data, service_data


def count(session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(Service))


def shipped_text() -> str:
    return SHIPPED_DATA.read_text(encoding="utf-8-sig")


def csv_text(*rows: dict) -> str:
    lines = [";".join(COLUMNS)]
    for row in rows:
        lines.append(";".join(row.get(column, "") for column in COLUMNS))
    return "\n".join(lines) + "\n"


GOOD_ROW = {
    "slug": "goede-dienst",
    "naam": "Goede dienst",
    "organisatie": "Een organisatie",
    "categorieen": "verslavingszorg",
    "plaats": "Zwolle",
    "openingstijden": "ma-vr 9-17",
    "bron": "https://example.org",
}


def test_shipped_data_imports_unverified_with_a_source(session):
    result = import_listings(session, shipped_text(), "csv")
    assert result.ok, [str(p) for p in result.problems]
    services = session.scalars(sa.select(Service)).all()
    assert len(services) == len(result.new) >= 10
    for service in services:
        assert service.verified is False, service.slug
        assert service.assured_date is None, service.slug
        assert service.source_url.startswith("https://"), service.slug
        assert service.term_keys("category"), service.slug
    by_slug = {s.slug: s for s in services}
    assert [p.number for p in by_slug["112-alarmnummer"].phones] == ["112"]
    assert [p.number for p in by_slug["113-zelfmoordpreventie"].phones] == ["113", "0800-0113"]
    assert [p.number for p in by_slug["drugs-infolijn"].phones] == ["0900-1995"]
    # Nothing is guessed: no shipped address, postcode or coordinates.
    for service in services:
        for location in service.locations:
            assert location.address_1 is location.postal_code is location.latitude is None


def test_import_from_the_command_line_only_when_empty(runner, app):
    assert runner.invoke(args=["kaart", "import", "--if-empty"]).exit_code == 0
    again = runner.invoke(args=["kaart", "import", "--if-empty"])
    assert "nothing imported" in again.output


def test_broken_rows_write_nothing_and_say_which_row_and_field(session, tmp_path, runner):
    broken = csv_text(
        GOOD_ROW,
        {**GOOD_ROW, "slug": "uren", "naam": "Uren", "openingstijden": "op afspraak"},
        {**GOOD_ROW, "slug": "fout", "naam": "Fout", "categorieen": "kapper", "postcode": "80"},
        {**GOOD_ROW, "slug": "goede-dienst", "naam": "Dubbel"},
        {**GOOD_ROW, "slug": "ja-nee", "naam": "Ja nee", "gratis": "misschien"},
    )
    result = import_listings(session, broken, "csv")
    assert not result.written
    found = {(p.row, p.field) for p in result.problems}
    assert found == {
        (3, "opening_hours"),
        (4, "categories"),
        (4, "postal_code"),
        (5, "slug"),
        (6, "gratis"),
    }
    assert count(session) == 0
    path = tmp_path / "kapot.csv"
    path.write_text(broken, encoding="utf-8")
    output = runner.invoke(args=["kaart", "import", str(path)])
    assert output.exit_code == 1
    assert "row 3, opening_hours" in output.output
    assert count(session) == 0


def test_a_broken_file_leaves_existing_listings_as_they_were(session):
    import_listings(session, csv_text(GOOD_ROW), "csv")
    changed = {**GOOD_ROW, "beschrijving": "Nieuw"}
    result = import_listings(
        session, csv_text(changed, {**GOOD_ROW, "slug": "x", "bron": ""}), "csv"
    )
    assert not result.ok
    session.expire_all()
    assert session.scalar(sa.select(Service.description)) == ""


def test_broken_hsds_records_are_named_by_number_and_field(session):
    document = {"services": [{"name": "Zonder rest"}, {"name": 5}, "geen object"]}
    result = import_listings(session, json.dumps(document), "hsds")
    found = {(p.row, p.field) for p in result.problems}
    assert {(1, "source_url"), (1, "organization"), (2, "name"), (3, "service")} <= found
    assert count(session) == 0
    bad_json = import_listings(session, "{niet: json", "hsds")
    assert [p.field for p in bad_json.problems] == ["file"]


def test_hsds_round_trip_gives_the_same_data_back(session, database_url):
    rich = create_service(session, rich_service_data())
    mark_checked(session, rich.id, "veldwerker", on=date(2025, 3, 1))
    retired = create_service(session, service_data(status="retired", opening_hours="24/7"))
    assert retired.status == "retired"
    exported = export_listings(session, "hsds")
    before = [to_data(s) for s in session.scalars(sa.select(Service).order_by(Service.name))]
    session.close()
    empty_all_tables(database_url)
    result = import_listings(session, exported, "hsds")
    assert result.ok and len(result.new) == 2
    session.expire_all()
    after = [to_data(s) for s in session.scalars(sa.select(Service).order_by(Service.name))]
    assert after == before
    assert export_listings(session, "hsds") == exported
    assert import_listings(session, exported, "hsds").unchanged == ["Rijke dienst", "Testdienst"]


def test_hsds_export_has_the_hsds_shape(session):
    rich = create_service(session, rich_service_data())
    mark_checked(session, rich.id, "redacteur", on=date(2025, 3, 1))
    service = json.loads(export_listings(session, "hsds"))["services"][0]
    assert service["organization"]["name"] == "Rijke organisatie"
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["postal_code"], address["city"]) == ("8011 AB", "Zwolle")
    assert [p["type"] for p in service["phones"]] == ["voice", "text"]
    assert service["schedules"] == [
        {
            "freq": "WEEKLY",
            "byday": "FR,SA",
            "opens_at": "22:00",
            "closes_at": "04:00",
            "timezone": "Europe/Amsterdam",
        }
    ]
    assert service["opening_hours"] == "Fr-Sa 22:00-04:00; PH off"
    codes = [
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in service["attributes"]
    ]
    assert ("category", "drug-testing") in codes and ("target_group", "chemsex") in codes
    assert service["assured_date"] == "2025-03-01"


def test_hsds_from_another_source_with_schedule_rows_only(session):
    document = {
        "services": [
            {
                "name": "Andere bron",
                "organization": {"name": "Elders"},
                "source_url": "https://example.org",
                "status": "active",
                "attributes": [{"taxonomy_term": {"taxonomy": "category", "code": "crisis"}}],
                "service_at_locations": [{"location": {"addresses": [{"city": "Zwolle"}]}}],
                "schedules": [{"byday": "MO,TU,WE", "opens_at": "09:00", "closes_at": "17:00"}],
            }
        ]
    }
    result = import_listings(session, json.dumps(document), "hsds")
    assert result.ok, [str(p) for p in result.problems]
    service = session.scalar(sa.select(Service))
    assert service.opening_hours == "Mo-We 09:00-17:00; PH off"
    assert service.slug == "andere-bron"


def test_csv_round_trip_gives_the_same_data_back(session, database_url):
    rich = create_service(session, rich_service_data())
    mark_checked(session, rich.id, "veldwerker", on=date(2025, 3, 1))
    create_service(session, service_data(status="retired"))
    exported = export_listings(session, "csv")
    assert exported.startswith("\ufeffid;slug;naam;")
    before = [to_data(s) for s in session.scalars(sa.select(Service).order_by(Service.name))]
    session.close()
    empty_all_tables(database_url)
    assert import_listings(session, exported, "csv").ok
    session.expire_all()
    after = [to_data(s) for s in session.scalars(sa.select(Service).order_by(Service.name))]
    # CSV has no columns for phone notes or the organisation's description and e-mail.
    for data in before:
        data.organization.description, data.organization.email = "", None
        for phone in data.phones:
            phone.description = ""
    assert after == before


def test_a_spreadsheet_keeps_what_it_has_no_column_for(session):
    service = create_service(session, rich_service_data())
    exported = export_listings(session, "csv")
    result = import_listings(session, exported, "csv")
    assert result.unchanged == ["Rijke dienst"]
    assert service.phones[0].description == "Bel tijdens openingstijden"
    assert service.organization.email == "info@example.org"


def test_preview_names_new_changed_retired_and_unchanged_and_writes_nothing(session):
    import_listings(session, csv_text(GOOD_ROW, {**GOOD_ROW, "slug": "b", "naam": "B"}), "csv")
    text = csv_text(
        {**GOOD_ROW, "beschrijving": "Anders"},
        {**GOOD_ROW, "slug": "b", "naam": "B", "status": "gestopt"},
        {**GOOD_ROW, "slug": "c", "naam": "C"},
    )
    preview = preview_import(session, text, "csv")
    assert (preview.new, preview.changed, preview.retired, preview.unchanged) == (
        ["C"],
        ["Goede dienst"],
        ["B"],
        [],
    )
    assert count(session) == 2
    assert session.scalar(sa.select(Service.status).where(Service.slug == "b")) == "active"
    done = import_listings(session, text, "csv")
    assert done.written and count(session) == 3
    assert session.scalar(sa.select(Service.status).where(Service.slug == "b")) == "retired"


def test_retire_missing_retires_listings_the_file_does_not_name(session):
    import_listings(session, csv_text(GOOD_ROW, {**GOOD_ROW, "slug": "b", "naam": "B"}), "csv")
    preview = preview_import(session, csv_text(GOOD_ROW), "csv", retire_missing=True)
    assert (preview.unchanged, preview.retired) == (["Goede dienst"], ["B"])
    import_listings(session, csv_text(GOOD_ROW), "csv", retire_missing=True)
    assert session.scalar(sa.select(Service.status).where(Service.slug == "b")) == "retired"
    assert count(session) == 2  # retired, never deleted


def test_dry_run_from_the_command_line(runner, session, tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text(csv_text(GOOD_ROW), encoding="utf-8")
    output = runner.invoke(args=["kaart", "import", "--dry-run", str(path)])
    assert output.exit_code == 0 and "Would import: 1 new" in output.output
    assert count(session) == 0
