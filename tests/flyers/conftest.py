"""Fixtures for the flyer room: make points, read a PDF's pages and QR codes."""

import pypdfium2
import pytest
import zxingcpp

import flyers


@pytest.fixture
def make_point(app):
    """Return a builder of distribution points (committed), with sensible defaults."""

    def make(**fields):
        values = {"name": "Club De Kelder", "kind": "club", "municipality": "Zwolle"}
        values.update(fields)
        with app.app_context():
            return flyers.create_point(**values)

    return make


def pdf_pages(pdf: bytes, dpi: int = 150) -> list[dict]:
    """Return per page: size in mm, decoded QR texts, and each character's box and the page's."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    try:
        for page in document:
            width, height = page.get_size()
            image = page.render(scale=dpi / 72).to_pil()
            text = page.get_textpage()
            chars = [
                (text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())
            ]
            pages.append(
                {
                    "size_mm": (round(width / 72 * 25.4, 1), round(height / 72 * 25.4, 1)),
                    "size": (width, height),
                    "codes": [r.text for r in zxingcpp.read_barcodes(image)],
                    "chars": chars,
                    "text": text.get_text_range(),
                }
            )
            text.close()
            page.close()
    finally:
        document.close()
    return pages
