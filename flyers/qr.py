"""QR codes for a point's short URL: the module matrix for the PDF, SVG and PNG downloads."""

import io

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_H

# Four modules of quiet zone is what the QR standard asks; level H restores up to 30%
# of the code, so a creased or stained flyer still scans.
QUIET_ZONE = 4
ERROR_CORRECTION = ERROR_CORRECT_H


def short_url(base_url: str, code: str) -> str:
    """Return the URL printed in a point's QR code: the public base URL plus /q/<code>."""
    return f"{base_url.rstrip('/')}/q/{code}"


def _code(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    return code


def qr_matrix(url: str) -> list[list[bool]]:
    """Return the QR modules for the URL, quiet zone included, top row first."""
    return _code(url).get_matrix()


def qr_svg(url: str) -> str:
    """Return the QR code for the URL as an SVG document (one path, scales to any size)."""
    image = _code(url).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def qr_png(url: str, box_size: int = 10) -> bytes:
    """Return the QR code for the URL as a PNG image, box_size pixels per module."""
    code = _code(url)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()
