"""Flyer PDFs: every layout and language, real QR decoding, page sizes, text on the page."""

from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from flyers.layout import LAYOUTS, FlyerError, layout_for
from flyers.render import Flyer, render_pdf
from tests.conftest import SHIPPED_CONTENT
from tests.flyers.conftest import pdf_pages

URL = "https://www.poes-info.nl/q/abcd2345"
SIZES_MM = {
    "a6": (105.0, 148.0),
    "card": (85.0, 55.0),
    "a5": (148.0, 210.0),
    "a4": (210.0, 297.0),
    "sheet": (210.0, 297.0),
}
# Codes per page: a front has one code; a back none; a sheet front one per flyer on it.
FRONTS = {"a6": [1, 0], "card": [1, 0], "a5": [1], "a4": [1]}


def _flyers(lang: str, count: int = 1) -> list[Flyer]:
    langs = ("nl", "en") if lang == "both" else (lang,)
    return [Flyer(f"Club {n}", URL, one) for n in range(count) for one in langs]


def _inside(box, size, slack=0.5) -> bool:
    left, bottom, right, top = box
    return (
        left >= -slack and bottom >= -slack and right <= size[0] + slack and top <= size[1] + slack
    )


@pytest.mark.parametrize("layout", ["a6", "card", "a5", "a4"])
@pytest.mark.parametrize("lang", ["nl", "en", "both"])
def test_every_layout_and_language_decodes_to_the_url_and_stays_on_the_page(layout, lang):
    # 150 dpi is what a cheap office scanner or a phone a hand's width away sees.
    rendered = render_pdf(_flyers(lang), layout, SHIPPED_CONTENT)
    pages = pdf_pages(rendered.pdf, dpi=150)
    per_flyer = FRONTS[layout]
    assert len(pages) == len(per_flyer) * (2 if lang == "both" else 1)
    for number, page in enumerate(pages):
        assert page["size_mm"] == SIZES_MM[layout]
        expected = [URL] * per_flyer[number % len(per_flyer)]
        assert page["codes"] == expected, f"page {number + 1}"
        outside = [c for c, box in page["chars"] if not _inside(box, page["size"])]
        assert outside == [], f"text outside page {number + 1}"
    for boxes in rendered.boxes:
        assert all(_inside(box, rendered.page_size, slack=0) for box in boxes)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_flyer_says_112_and_the_card_front_names_no_drug(lang):
    pages = pdf_pages(render_pdf(_flyers(lang), "card", SHIPPED_CONTENT).pdf, dpi=72)
    # The site's own address is printed too; what the card itself says is the point here.
    front, back = (page["text"].replace(URL.split("://")[1], "").lower() for page in pages)
    assert not any(word in front for word in ("3-mmc", "poes", "3m ", "mmc", "drug"))
    assert "112" in back
    for layout in ("a6", "a5", "a4"):
        text = " ".join(
            p["text"]
            for p in pdf_pages(render_pdf(_flyers(lang), layout, SHIPPED_CONTENT).pdf, dpi=72)
        )
        assert "112" in text and "3-MMC" in text


def test_qr_code_is_at_least_2_cm_wide_without_its_quiet_zone():
    from flyers.qr import QUIET_ZONE, qr_matrix

    modules = len(qr_matrix(URL))
    for layout in LAYOUTS.values():
        code_width_mm = layout.qr_size * (modules - 2 * QUIET_ZONE) / modules / 72 * 25.4
        assert code_width_mm >= 20, layout.key


def test_business_card_decodes_at_a_low_scan_resolution():
    pages = pdf_pages(render_pdf(_flyers("nl"), "card", SHIPPED_CONTENT).pdf, dpi=100)
    assert pages[0]["codes"] == [URL]


def test_sheet_puts_four_flyers_on_a_page_with_backs_mirrored():
    flyers = [Flyer(f"Punt {n}", f"https://www.poes-info.nl/q/abcd234{n}", "nl") for n in range(5)]
    rendered = render_pdf(flyers, "sheet", SHIPPED_CONTENT)
    pages = pdf_pages(rendered.pdf, dpi=150)
    assert [p["size_mm"] for p in pages] == [SIZES_MM["sheet"]] * 4
    assert sorted(pages[0]["codes"]) == sorted(f.url for f in flyers[:4])
    assert pages[2]["codes"] == [flyers[4].url] and pages[1]["codes"] == pages[3]["codes"] == []

    def name_x(page, name):  # where a point's name starts on the page, in points from the left
        text = "".join(c for c, _ in page["chars"])
        return page["chars"][text.index(name)][1][0]

    half = pages[0]["size"][0] / 2
    for n, (front_left, back_left) in enumerate([(True, False), (False, True)] * 2):
        assert (name_x(pages[0], f"Punt {n}") < half) is front_left
        assert (name_x(pages[1], f"Punt {n}") < half) is back_left
    assert name_x(pages[3], "Punt 4") > half  # the fifth front is top left, its back top right
    for page in pages:
        assert all(_inside(box, page["size"]) for _, box in page["chars"])


@pytest.mark.parametrize("layout", ["a6", "card", "a5", "a4", "sheet"])
def test_a_name_at_the_limit_fits_and_one_longer_is_refused_with_the_limit(layout):
    spec = layout_for(layout)
    widest = "W" * spec.name_limit
    assert stringWidth(widest, "Helvetica", spec.small_size) <= spec.width - 2 * spec.margin
    render_pdf([Flyer(widest, URL, "nl")], layout, SHIPPED_CONTENT)
    with pytest.raises(FlyerError, match=f"at most {spec.name_limit} characters"):
        render_pdf([Flyer(widest + "W", URL, "nl")], layout, SHIPPED_CONTENT)


def test_unknown_layout_is_named():
    with pytest.raises(FlyerError, match="'a7'.*a6, card, a5, a4, sheet"):
        render_pdf(_flyers("nl"), "a7", SHIPPED_CONTENT)


def test_text_too_long_for_the_flyer_is_refused_naming_the_file(tmp_path: Path):
    folder = tmp_path / "flyers" / "nl"
    folder.mkdir(parents=True)
    text = (SHIPPED_CONTENT / "flyers" / "nl" / "card.md").read_text(encoding="utf-8")
    long_line = "- " + "Een zin die veel te lang is voor een klein kaartje. " * 15 + "\n"
    folder.joinpath("card.md").write_text(text.replace("back:\n", "back:\n" + long_line))
    with pytest.raises(FlyerError, match=r"content/flyers/nl/card.md is too long for the back"):
        render_pdf(_flyers("nl"), "card", tmp_path)


def test_missing_or_broken_text_file_is_reported(tmp_path: Path):
    with pytest.raises(FlyerError, match="content/flyers/en/a6.md is missing"):
        render_pdf(_flyers("en"), "a6", tmp_path)
    folder = tmp_path / "flyers" / "en"
    folder.mkdir(parents=True)
    folder.joinpath("a6.md").write_text("---\ntitle: [\n---\n")
    with pytest.raises(FlyerError, match="not valid YAML"):
        render_pdf(_flyers("en"), "a6", tmp_path)


def test_page_importer_ignores_flyer_texts(imported):
    from sqlalchemy import select

    from website import db
    from website.pages.importer import page_files
    from website.pages.models import Page

    assert not [p for p in page_files(SHIPPED_CONTENT) if "flyers" in p.parts]
    with imported.app_context():
        slugs = db.session().scalars(select(Page.slug)).all()
    assert slugs and not [s for s in slugs if s.startswith("flyers") or "a6" in s]
