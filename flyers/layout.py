"""Flyer layouts: their sizes, and a column that places wrapped text and QR codes in a box.

The column measures every line with ReportLab's font metrics before anything is drawn, and
records each box it fills, so the tests can check that nothing leaves the page.
"""

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

REGULAR, BOLD = "Helvetica", "Helvetica-Bold"


class FlyerError(ValueError):
    """A flyer cannot be made as asked: the message says why and what to change."""


@dataclass(frozen=True)
class Layout:
    """The size and type scale of one layout, in points (1/72 inch)."""

    key: str
    label: str
    width: float
    height: float
    margin: float
    title_size: float
    body_size: float
    small_size: float
    qr_size: float  # the whole code, quiet zone included
    name_limit: int  # characters of the point's name that always fit
    two_sided: bool


LAYOUTS = {
    "a6": Layout("a6", "A6 flyer", 105 * mm, 148 * mm, 8 * mm, 15, 9.5, 7, 50 * mm, 36, True),
    "card": Layout("card", "business card", 85 * mm, 55 * mm, 4 * mm, 9, 7, 5.5, 28 * mm, 30, True),
    "a5": Layout("a5", "A5 poster", 148 * mm, 210 * mm, 12 * mm, 22, 11, 9, 64 * mm, 40, False),
    "a4": Layout("a4", "A4 poster", 210 * mm, 297 * mm, 15 * mm, 34, 16, 11, 90 * mm, 48, False),
}
SHEET = "sheet"
LAYOUT_NAMES = (*LAYOUTS, SHEET)


def layout_for(name: str) -> Layout:
    """Return a layout by name (the sheet uses the A6 layout); raise FlyerError if unknown."""
    if name == SHEET:
        return LAYOUTS["a6"]
    if name not in LAYOUTS:
        raise FlyerError(f"Unknown layout {name!r}; choose one of: {', '.join(LAYOUT_NAMES)}.")
    return LAYOUTS[name]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than width; a single over-long word is an error."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if stringWidth(word, font, size) > width:
            raise FlyerError(f"The word {word!r} is too wide for its line; shorten or split it.")
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


class Column:
    """A box filled from the top down; `fits` is False once something did not fit."""

    def __init__(self, canvas: Canvas, x: float, top: float, width: float, bottom: float):
        self.canvas, self.x, self.y, self.width, self.bottom = canvas, x, top, width, bottom
        self.boxes: list[tuple[float, float, float, float]] = []
        self.overflow = 0.0

    def _take(self, height: float) -> float:
        self.y -= height
        if self.y < self.bottom - 0.01:
            self.overflow = max(self.overflow, self.bottom - self.y)
        return self.y

    def space(self, height: float) -> None:
        """Leave a gap."""
        self._take(height)

    def text(
        self,
        text: str,
        font: str = REGULAR,
        size: float = 9,
        centred: bool = False,
        bullet: bool = False,
        grey: bool = False,
    ) -> None:
        """Write wrapped text; a bullet hangs in front of the first line."""
        indent = size * 1.1 if bullet else 0
        leading = size * 1.25
        self.canvas.setFillGray(0.35 if grey else 0)
        for number, line in enumerate(wrap(text, font, size, self.width - indent)):
            baseline = self._take(leading) + leading - size
            line_width = stringWidth(line, font, size)
            x = self.x + indent + ((self.width - indent - line_width) / 2 if centred else 0)
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, baseline, line)
            if bullet and number == 0:
                self.canvas.drawString(self.x, baseline, "•")
            self.boxes.append((x, baseline - size * 0.25, x + line_width, baseline + size))
        self.canvas.setFillGray(0)

    def banner(self, text: str, size: float) -> None:
        """Write bold white text on a black band: the emergency line."""
        lines = wrap(text, BOLD, size, self.width - size)
        height = len(lines) * size * 1.25 + size * 0.6
        top = self.y
        self._take(height)
        self.canvas.rect(self.x, self.y, self.width, height, stroke=0, fill=1)
        self.canvas.setFillGray(1)
        self.canvas.setFont(BOLD, size)
        for number, line in enumerate(lines):
            baseline = top - size * 0.3 - (number + 1) * size * 1.25 + size * 0.25
            self.canvas.drawCentredString(self.x + self.width / 2, baseline, line)
        self.canvas.setFillGray(0)
        self.boxes.append((self.x, self.y, self.x + self.width, top))

    def qr(self, matrix: list[list[bool]], size: float, x: float | None = None) -> None:
        """Draw the QR code as vector squares, size wide, centred unless x is given."""
        x = self.x + (self.width - size) / 2 if x is None else x
        y = self._take(size)
        draw_qr(self.canvas, matrix, x, y, size)
        self.boxes.append((x, y, x + size, y + size))


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw the modules as filled rectangles, one per horizontal run, on a white square."""
    module = size / len(matrix)
    canvas.setFillGray(1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillGray(0)
    for row_number, row in enumerate(matrix):
        row_y = y + size - (row_number + 1) * module
        start = None
        for column, dark in enumerate([*row, False]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                canvas.rect(
                    x + start * module, row_y, (column - start) * module, module, stroke=0, fill=1
                )
                start = None
