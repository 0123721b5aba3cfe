"""Small builders for sociale kaart test data."""

from datetime import date

from sociale_kaart import LocationData, OrganizationData, PhoneData, ServiceData


def service_data(**fields) -> ServiceData:
    """Return a valid listing; keyword arguments replace fields."""
    values = dict(
        name="Testdienst",
        slug="testdienst",
        organization=OrganizationData(name="Testorganisatie", website="https://example.org"),
        source_url="https://example.org/bron",
        description="Een dienst voor de test.",
        description_en="A service for the test.",
        categories=["addiction-care"],
        locations=[LocationData(city="Zwolle", region="Regio Zwolle")],
        opening_hours="Mo-Fr 09:00-17:00; PH off",
    )
    values.update(fields)
    return ServiceData(**values)


def rich_service_data(**fields) -> ServiceData:
    """Return a listing that uses every field, for round trips."""
    values = dict(
        name="Rijke dienst",
        slug="rijke-dienst",
        organization=OrganizationData(
            name="Rijke organisatie",
            description="Een organisatie.",
            website="https://example.org",
            email="info@example.org",
        ),
        source_url="https://example.org/bron",
        description="Nederlandse tekst.",
        description_en="English text.",
        eligibility_description="Voor jongeren tot 23.",
        eligibility_description_en="For young people up to 23.",
        url="https://example.org/dienst",
        email="dienst@example.org",
        chat_url="https://example.org/chat",
        free=True,
        anonymous=False,
        referral_required=None,
        walk_in=True,
        languages=["en", "nl"],
        service_area="Regio Zwolle",
        opening_hours="Fr-Sa 22:00-04:00; PH off",
        categories=["drug-testing", "info-lines"],
        target_groups=["chemsex", "young-people"],
        locations=[
            LocationData(
                name="Hoofdlocatie",
                address_1="Teststraat 1",
                postal_code="8011 AB",
                city="Zwolle",
                region="Regio Zwolle",
                latitude=52.5125,
                longitude=6.0944,
            )
        ],
        phones=[
            PhoneData("038-1234567", "voice", "Bel tijdens openingstijden"),
            PhoneData("06-12345678", "whatsapp", ""),
        ],
        assured_date=date(2025, 3, 1),
        assurer="redacteur",
        verified=True,
    )
    values.update(fields)
    return ServiceData(**values)
