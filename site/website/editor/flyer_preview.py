"""A flyer preview for the editor screens: the first page of the real PDF as a PNG image."""

import io

import pypdfium2

PREVIEW_WIDTH = 600


def first_page_png(pdf: bytes, width: int = PREVIEW_WIDTH) -> bytes:
    """Return the PDF's first page rasterised to a PNG about width pixels wide."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale).to_pil()
        page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
