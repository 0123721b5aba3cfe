"""Demo data for the guide's screenshots: clearly made up, so no real service or place shows.

Every name says "demo" or "Voorbeeld", every address is Voorbeeldstraat in Voorbeeldstad,
every web address is on example.org, and there are no phone numbers at all: a made-up Dutch
number may well belong to someone.
"""

import random
from datetime import date, timedelta

import flyers
import sociale_kaart as kaart
from flyers.models import ScanCount
from website import db

ORGANISATION = kaart.OrganizationData(
    name="Stichting Voorbeeldhulp (demo)", website="https://www.example.org"
)
SOURCE = "https://www.example.org/hulp"

# A CSV as an editor would paste it: one new listing, and new opening hours for one we have.
IMPORT_CSV = """slug;naam;organisatie;bron;categorieen;adres;postcode;plaats;openingstijden
ouderspreekuur-demo;Ouderspreekuur (demo);Stichting Voorbeeldhulp (demo);\
https://www.example.org/ouders;verslavingszorg;Voorbeeldstraat 3;1234 AB;Voorbeeldstad;wo 19-21
drugs-testen-demo;Drugs testen (demo);Stichting Voorbeeldhulp (demo);\
https://www.example.org/testen;drugs-testen;Voorbeeldstraat 1;1234 AB;Voorbeeldstad;di 16-18
"""


def _location(number: int) -> kaart.LocationData:
    return kaart.LocationData(
        address_1=f"Voorbeeldstraat {number}",
        postal_code="1234 AB",
        city="Voorbeeldstad",
        region="Regio Voorbeeld",
    )


def _listing(name: str, slug: str, **fields) -> kaart.ServiceData:
    values = dict(
        name=name,
        slug=slug,
        organization=kaart.OrganizationData(**vars(ORGANISATION)),
        source_url=SOURCE,
        url=f"https://www.example.org/{slug}",
        locations=[_location(1)],
    )
    values.update(fields)
    return kaart.ServiceData(**values)


def add_listings(checker: str) -> dict[str, str]:
    """Add four demo listings (two due for a check) and one visitor report; return their ids."""
    session = db.session()
    today = date.today()
    listings = {
        "inloop": _listing(
            "Inloopspreekuur drugs (demo)",
            "inloopspreekuur-demo",
            description="Vragen over drugs? Loop binnen, zonder afspraak. (Voorbeeldtekst.)",
            description_en="Questions about drugs? Walk in, no appointment. (Example text.)",
            categories=["addiction-care"],
            target_groups=["young-people"],
            opening_hours="Mo-Fr 13:00-17:00; PH off",
            free=True,
            walk_in=True,
            languages=["nl", "en"],
        ),
        "testen": _listing(
            "Drugs testen (demo)",
            "drugs-testen-demo",
            description="Laat anoniem je drugs testen. (Voorbeeldtekst.)",
            categories=["drug-testing"],
            opening_hours="Tu 16:00-18:00; PH off",
            anonymous=True,
            locations=[_location(2)],
        ),
        "chemsex": _listing(
            "Chemsex-spreekuur (demo)",
            "chemsex-spreekuur-demo",
            description="Praten over chemsex, zonder oordeel. (Voorbeeldtekst.)",
            categories=["sexual-health"],
            target_groups=["chemsex"],
            opening_hours="Th 19:00-21:00; PH off",
        ),
        "lijn": _listing(
            "Voorbeeldlijn voor jongeren (demo)",
            "voorbeeldlijn-demo",
            description="Chat met een hulpverlener. (Voorbeeldtekst.)",
            categories=["info-lines"],
            chat_url="https://www.example.org/chat",
            service_area=kaart.NATIONAL_AREA,
            locations=[],
        ),
    }
    ids = {key: kaart.create_service(session, data).id for key, data in listings.items()}
    # Checked recently, checked eight months ago (due), never checked (due).
    kaart.mark_checked(session, ids["inloop"], checker, today - timedelta(days=20))
    kaart.mark_checked(session, ids["lijn"], checker, today - timedelta(days=60))
    kaart.mark_checked(session, ids["chemsex"], checker, today - timedelta(days=240))
    kaart.add_report(
        session,
        ids["inloop"],
        "Op de website staat dat het spreekuur op vrijdag niet meer is. (Voorbeeldmelding.)",
    )
    return ids


def add_flyer_points() -> list[flyers.DistributionPoint]:
    """Add four demo distribution points in Voorbeeldstad, with twelve weeks of scans."""
    places = [
        ("Club Voorbeeld (demo)", "club", "Flyers bij de garderobe. (Voorbeeld.)"),
        ("Café De Voorbeeldkroeg (demo)", "bar", ""),
        ("Festival Voorbeeldpop (demo)", "festival", ""),
        ("Jongerenwerk Voorbeeld (demo)", "youth-work", ""),
    ]
    points = [
        flyers.create_point(name=name, kind=kind, municipality="Voorbeeldstad", notes=notes)
        for name, kind, notes in places
    ]
    chance = random.Random(3)  # the same made-up counts on every run
    today = date.today()
    session = db.session()
    for number, point in enumerate(points):
        for days_ago in range(1, 84):
            if chance.random() < 0.5 - number * 0.1:
                day = today - timedelta(days=days_ago)
                session.add(ScanCount(point_id=point.id, day=day, count=chance.randint(1, 6)))
    session.commit()
    return points
