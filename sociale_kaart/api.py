"""The open-data API: services as GeoJSON, the HSDS export, and their OpenAPI document."""

import json
from datetime import datetime

from flask import current_app, jsonify, request, url_for

from sociale_kaart import taxonomy
from sociale_kaart.finding import Filters, find_help
from sociale_kaart.hours import AMSTERDAM
from sociale_kaart.importer import export_listings
from sociale_kaart.views import PARAMS, bp, read_filters
from website import db
from website.i18n import LANGUAGES


def _filters() -> Filters:
    """Read filters given with Dutch or English parameter names."""
    lang = "en" if any(name in request.args for name in PARAMS["en"].values()) else "nl"
    return read_filters(request.args, lang)[0]


def _feature(result, lang: str, national: bool) -> dict:
    service = result.service
    geometry = None
    if result.latitude is not None:
        geometry = {"type": "Point", "coordinates": [result.longitude, result.latitude]}
    description = (service.description_en if lang == "en" else "") or service.description
    return {
        "type": "Feature",
        "id": service.id,
        "geometry": geometry,
        "properties": {
            "name": service.name,
            "organization": service.organization.name,
            "description": description,
            # From the configured address, never from the request's Host header: this answer
            # is public and may be kept by a cache, so it must not echo what a client sent.
            "url": current_app.config["PUBLIC_BASE_URL"]
            + url_for(f"sociale_kaart.service_{lang}", slug=service.slug),
            "categories": service.term_keys(taxonomy.CATEGORY),
            "target_groups": service.term_keys(taxonomy.TARGET_GROUP),
            "national": national,
            "approximate": result.approximate,
            "open_now": result.open_now,
            "next_change": result.next_change.isoformat() if result.next_change else None,
            "opening_hours": service.opening_hours,
            "phones": [{"number": p.number, "channel": p.channel} for p in service.phones],
            "free": service.free,
            "anonymous": service.anonymous,
            "referral_required": service.referral_required,
            "last_checked": service.assured_date.isoformat() if service.assured_date else None,
        },
    }


@bp.get("/api/services.geojson")
def services_geojson():
    """Active services as a GeoJSON FeatureCollection, with the search page's filters."""
    lang = request.args.get("lang", "nl")
    lang = lang if lang in LANGUAGES else "nl"
    results = find_help(db.session(), _filters(), at=datetime.now(AMSTERDAM))
    features = [_feature(r, lang, False) for r in results.local + results.unplaced]
    features += [_feature(r, lang, True) for r in results.national]
    body = {"type": "FeatureCollection", "features": features}
    response = jsonify(body)
    response.mimetype = "application/geo+json"
    return response


@bp.get("/api/hsds/services.json")
def hsds_services():
    """Every listing as Open Referral HSDS 3.0 JSON, as `flask kaart export`, minus accounts."""
    document = json.loads(export_listings(db.session(), "hsds"))
    for service in document["services"]:
        # Which editor account checked a listing is for the editors, not for the world.
        service.pop("assurer", None)
    return jsonify(document)


@bp.get("/api/openapi.json")
def openapi():
    """The OpenAPI 3 document describing the two endpoints."""
    return jsonify(openapi_document())


def _query_parameters() -> list[dict]:
    params = [
        {
            "name": "lang",
            "in": "query",
            "schema": {"type": "string", "enum": list(LANGUAGES), "default": "nl"},
            "description": "Language of descriptions and service page URLs.",
        }
    ]
    for field, kind in (("category", taxonomy.CATEGORY), ("target_group", taxonomy.TARGET_GROUP)):
        slugs = sorted(
            {t.slug_nl for t in taxonomy.terms(kind)} | {t.slug_en for t in taxonomy.terms(kind)}
        )
        for lang in LANGUAGES:
            params.append(
                {
                    "name": PARAMS[lang][field],
                    "in": "query",
                    "schema": {"type": "string", "enum": slugs},
                    "description": f"Only services with this {field.replace('_', ' ')} "
                    f"({'Dutch' if lang == 'nl' else 'English'} name).",
                }
            )
    for flag in ("open_now", "free", "anonymous", "no_referral"):
        for lang in LANGUAGES:
            params.append(
                {
                    "name": PARAMS[lang][flag],
                    "in": "query",
                    "schema": {"type": "string", "enum": ["ja", "yes", "1"]},
                    "description": f"Only services that are {flag.replace('_', ' ')}.",
                }
            )
    return params


def openapi_document() -> dict:
    """Return the OpenAPI 3.0 description of the sociale kaart API."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Sociale kaart API",
            "version": "1.0",
            "description": "Help services for people who use drugs, their parents and "
            "professionals, in the Achterhoek, the Zwolle region and nationally.",
        },
        "paths": {
            "/api/services.geojson": {
                "get": {
                    "summary": "Active services as GeoJSON (national services have no geometry)",
                    "parameters": _query_parameters(),
                    "responses": {
                        "200": {
                            "description": "A GeoJSON FeatureCollection (RFC 7946).",
                            "content": {
                                "application/geo+json": {
                                    "schema": {"$ref": "#/components/schemas/FeatureCollection"}
                                }
                            },
                        }
                    },
                }
            },
            "/api/hsds/services.json": {
                "get": {
                    "summary": "Every listing as Open Referral HSDS 3.0 JSON",
                    "responses": {
                        "200": {
                            "description": "HSDS 3.0 services with organization, locations, "
                            "phones, schedules and taxonomy terms.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "FeatureCollection": {
                    "type": "object",
                    "required": ["type", "features"],
                    "properties": {
                        "type": {"type": "string", "enum": ["FeatureCollection"]},
                        "features": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["type", "geometry", "properties"],
                                "properties": {
                                    "type": {"type": "string", "enum": ["Feature"]},
                                    "geometry": {"type": "object", "nullable": True},
                                    "properties": {"type": "object"},
                                },
                            },
                        },
                    },
                }
            }
        },
    }
