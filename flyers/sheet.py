"""Imposition for a copy shop: four A6 flyers on an A4 page, cut twice along the marks.

Four A6 flyers fill an A4 page exactly, so the only cuts are the two centre lines; the crop
marks sit on the page edges at those lines, inside the flyers' blank margins. The backs go
on the next page in mirrored order (left and right swapped), so that after double-sided
printing, flipped on the long edge, each back lies behind its own front.
"""

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

SHEET_SIZE = A4
MARK_LENGTH = 5 * mm
_HALF_W, _HALF_H = A4[0] / 2, A4[1] / 2

# Front slots in reading order: top left, top right, bottom left, bottom right (x, y of
# each flyer's lower left corner). A6 is 148 mm high and half A4 148.5 mm: the extra
# half millimetre goes to the outer edges, so each flyer touches a cut line.
_FRONT = [(0, _HALF_H), (_HALF_W, _HALF_H), (0, _HALF_H - 148 * mm), (_HALF_W, _HALF_H - 148 * mm)]
_BACK = [_FRONT[1], _FRONT[0], _FRONT[3], _FRONT[2]]


def slots(side: str) -> list[tuple[float, float]]:
    """Return where the 1st to 4th flyer of a page go, on the front or the mirrored back."""
    return _FRONT if side == "front" else _BACK


def crop_marks(canvas: Canvas) -> None:
    """Draw hairline marks on the page edges where the two cuts go."""
    width, height = SHEET_SIZE
    canvas.setLineWidth(0.25)
    canvas.setStrokeGray(0)
    for y in (0, height - MARK_LENGTH):
        canvas.line(_HALF_W, y, _HALF_W, y + MARK_LENGTH)
    for x in (0, width - MARK_LENGTH):
        canvas.line(x, _HALF_H, x + MARK_LENGTH, _HALF_H)
