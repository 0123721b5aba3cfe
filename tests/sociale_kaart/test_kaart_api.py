"""The JSON API: GeoJSON with the page's filters, the HSDS export, and the OpenAPI document."""

import json

import pytest

from tests.sociale_kaart.test_kaart_search import add_services


@pytest.fixture
def listed(kaart):
    add_services(kaart)
    return kaart


def test_links_come_from_the_configured_address_not_the_host_header(listed):
    listed.config["PUBLIC_BASE_URL"] = "https://poes.example"
    answer = listed.test_client().get("/api/services.geojson", headers={"Host": "evil.example"})
    urls = [f["properties"]["url"] for f in answer.get_json()["features"]]
    assert urls and all(url.startswith("https://poes.example/nl/hulp/") for url in urls)


def test_services_as_geojson(listed):
    answer = listed.test_client().get("/api/services.geojson?lang=en")
    assert answer.status_code == 200
    assert answer.mimetype == "application/geo+json"
    body = answer.get_json()
    assert body["type"] == "FeatureCollection"
    by_slug = {f["properties"]["url"].rsplit("/", 1)[1]: f for f in body["features"]}
    assert set(by_slug) == {
        "tactus-zwolle",
        "testservice-lichtenvoorde",
        "jongerenwerk-aalten",
        "infolijn",
    }
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}
        if feature["geometry"] is not None:
            lon, lat = feature["geometry"]["coordinates"]
            assert feature["geometry"]["type"] == "Point"
            assert 50 < lat < 54 and 3 < lon < 8  # GeoJSON puts longitude first
    assert by_slug["tactus-zwolle"]["geometry"]["coordinates"] == [6.0907, 52.5049]
    assert by_slug["tactus-zwolle"]["properties"]["description"] == "A service for the test."
    assert by_slug["jongerenwerk-aalten"]["properties"]["approximate"] is True
    assert by_slug["infolijn"]["geometry"] is None
    assert by_slug["infolijn"]["properties"]["national"] is True


@pytest.mark.parametrize(
    ("query", "count"),
    [("categorie=drugs-testen", 1), ("category=drug-testing", 1), ("free=yes", 2), ("", 4)],
)
def test_geojson_takes_the_same_filters(listed, query, count):
    body = listed.test_client().get(f"/api/services.geojson?{query}").get_json()
    assert len(body["features"]) == count


def test_hsds_export(listed):
    body = json.loads(listed.test_client().get("/api/hsds/services.json").text)
    assert len(body["services"]) == 4
    assert all("assurer" not in service for service in body["services"])


def test_openapi_lists_both_paths(listed):
    document = listed.test_client().get("/api/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {"/api/services.geojson", "/api/hsds/services.json"} <= set(document["paths"])
    names = {p["name"] for p in document["paths"]["/api/services.geojson"]["get"]["parameters"]}
    assert {"lang", "categorie", "category", "nu-open", "open-now"} <= names
