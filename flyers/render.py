"""Print-ready flyer PDFs: A6 flyers, business cards, A5/A4 posters, and A4 sheets of A6.

Plain Python: give it the flyers to make and the content folder, get PDF bytes back.
Everything is measured before it is drawn; a flyer that does not fit is refused whole.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from flyers.layout import BOLD, REGULAR, SHEET, Column, FlyerError, Layout, layout_for
from flyers.qr import qr_matrix
from flyers.sheet import SHEET_SIZE, crop_marks, slots
from flyers.texts import FlyerText, FlyerTextError, load_text

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Flyer:
    """One flyer to print: the point's name, its short URL, and the language."""

    name: str
    url: str
    lang: str


@dataclass
class Rendered:
    """A finished PDF and, per page, the boxes its text and codes fill (for checks)."""

    pdf: bytes
    page_size: tuple[float, float]
    boxes: list[list[Box]] = field(default_factory=list)


def check_name(name: str, layout: Layout) -> None:
    """Refuse a point name that would not fit on the layout, saying the limit."""
    if len(name) > layout.name_limit:
        raise FlyerError(
            f"The name {name!r} is too long for the {layout.label}: "
            f"at most {layout.name_limit} characters (it has {len(name)})."
        )


def _shown_url(url: str) -> str:
    return url.split("://", 1)[-1]


def _fail_if_overflowing(column: Column, text: FlyerText, side: str, layout: Layout) -> None:
    if column.overflow:
        lines = int(column.overflow // (layout.body_size * 1.25)) + 1
        raise FlyerError(
            f"The text in {text.source} is too long for the {side} of the {layout.label}: "
            f"shorten it by about {lines} line(s)."
        )


def _footer(canvas: Canvas, layout: Layout, text: str) -> Box:
    """Write small grey text at the bottom margin; return its box."""
    width = stringWidth(text, REGULAR, layout.small_size)
    x, y = (layout.width - width) / 2, layout.margin
    canvas.setFillGray(0.35)
    canvas.setFont(REGULAR, layout.small_size)
    canvas.drawString(x, y, text)
    canvas.setFillGray(0)
    return (x, y - layout.small_size * 0.25, x + width, y + layout.small_size)


def _column(canvas: Canvas, layout: Layout, width: float | None = None) -> Column:
    bottom = layout.margin + layout.small_size * 2
    inner = layout.width - 2 * layout.margin
    return Column(canvas, layout.margin, layout.height - layout.margin, width or inner, bottom)


def _check_url(url: str, layout: Layout, width: float) -> None:
    if stringWidth(_shown_url(url), BOLD, layout.small_size) > width:
        raise FlyerError(
            f"The short URL {_shown_url(url)} is too long for the {layout.label}; "
            "use a shorter PUBLIC_BASE_URL."
        )


def draw_front(canvas: Canvas, layout: Layout, text: FlyerText, flyer: Flyer) -> list[Box]:
    """Draw the side with the message and the QR code; return the boxes it fills."""
    if layout.key == "card":
        return _draw_card_front(canvas, layout, text, flyer)
    column = _column(canvas, layout)
    _check_url(flyer.url, layout, column.width)
    column.text(text.title, BOLD, layout.title_size, centred=True)
    column.space(layout.body_size * 0.5)
    for line in text.front:
        column.text(line, REGULAR, layout.body_size, centred=True)
    column.space(layout.body_size * 0.5)
    column.qr(qr_matrix(flyer.url), layout.qr_size)
    column.text(text.qr_caption, REGULAR, layout.small_size, centred=True)
    column.text(_shown_url(flyer.url), BOLD, layout.small_size, centred=True)
    if not layout.two_sided:  # a poster has one side: the safety points go below the code
        _draw_points(column, layout, text)
    _fail_if_overflowing(column, text, "front", layout)
    return [*column.boxes, _footer(canvas, layout, flyer.name)]


def _draw_card_front(canvas: Canvas, layout: Layout, text: FlyerText, flyer: Flyer) -> list[Box]:
    gap = 3 * mm
    qr_x = layout.width - layout.margin - layout.qr_size
    column = _column(canvas, layout, width=qr_x - gap - layout.margin)
    _check_url(flyer.url, layout, column.width)
    column.text(text.title, BOLD, layout.title_size)
    column.space(layout.body_size * 0.4)
    for line in text.front:
        column.text(line, REGULAR, layout.body_size)
    column.space(layout.body_size * 0.4)
    column.text(text.qr_caption, REGULAR, layout.small_size, grey=True)
    column.text(_shown_url(flyer.url), BOLD, layout.small_size)
    _fail_if_overflowing(column, text, "front", layout)
    qr_column = Column(canvas, qr_x, (layout.height + layout.qr_size) / 2, layout.qr_size, 0)
    qr_column.qr(qr_matrix(flyer.url), layout.qr_size)
    return [*column.boxes, *qr_column.boxes]


def _draw_points(column: Column, layout: Layout, text: FlyerText) -> None:
    if text.back_title:
        column.space(layout.body_size * 0.6)
        column.text(text.back_title, BOLD, layout.body_size * 1.15)
        column.space(layout.body_size * 0.3)
    for line in text.back:
        column.text(line, REGULAR, layout.body_size, bullet=True)
        column.space(layout.body_size * 0.2)
    if text.emergency:
        column.space(layout.body_size * 0.4)
        column.banner(text.emergency, layout.body_size * 1.1)


def draw_back(canvas: Canvas, layout: Layout, text: FlyerText, flyer: Flyer) -> list[Box]:
    """Draw the side with the safety points and 112; return the boxes it fills."""
    column = _column(canvas, layout)
    _draw_points(column, layout, text)
    _fail_if_overflowing(column, text, "back", layout)
    return [*column.boxes, _footer(canvas, layout, flyer.name)]


def _load_texts(content_dir: Path, flyers: list[Flyer], text_layout: str) -> dict:
    try:
        return {
            lang: load_text(content_dir, lang, text_layout) for lang in {f.lang for f in flyers}
        }
    except FlyerTextError as error:
        raise FlyerError(str(error)) from None


def render_pdf(
    flyers: list[Flyer],
    layout_name: str,
    content_dir: Path,
    progress: Callable[[int], None] | None = None,
) -> Rendered:
    """Make one PDF with every flyer in the layout; raise FlyerError before anything is kept.

    `progress` is called with the number of flyers just drawn (for a progress bar).
    """
    progress = progress or (lambda _done: None)
    layout = layout_for(layout_name)
    if not flyers:
        raise FlyerError("There are no points to make flyers for.")
    for flyer in flyers:
        check_name(flyer.name, layout)
    texts = _load_texts(content_dir, flyers, layout.key)
    if layout_name == SHEET:
        return _render_sheets(flyers, layout, texts, progress)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(layout.width, layout.height), pageCompression=1)
    canvas.setTitle(f"Flyers ({layout.label})")
    rendered = Rendered(b"", (layout.width, layout.height))
    for flyer in flyers:
        rendered.boxes.append(draw_front(canvas, layout, texts[flyer.lang], flyer))
        canvas.showPage()
        if layout.two_sided:
            rendered.boxes.append(draw_back(canvas, layout, texts[flyer.lang], flyer))
            canvas.showPage()
        progress(1)
    canvas.save()
    rendered.pdf = buffer.getvalue()
    return rendered


def _render_sheets(flyers: list[Flyer], layout: Layout, texts: dict, progress) -> Rendered:
    """Put four A6 flyers on each A4 page, then their backs mirrored on the next page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=SHEET_SIZE, pageCompression=1)
    canvas.setTitle("Flyers (A4 sheets of four A6 flyers)")
    rendered = Rendered(b"", SHEET_SIZE)
    for start in range(0, len(flyers), 4):
        group = flyers[start : start + 4]
        for side, draw in (("front", draw_front), ("back", draw_back)):
            page_boxes: list[Box] = []
            for flyer, (x, y) in zip(group, slots(side), strict=False):
                canvas.saveState()
                canvas.translate(x, y)
                boxes = draw(canvas, layout, texts[flyer.lang], flyer)
                canvas.restoreState()
                page_boxes += [(a + x, b + y, c + x, d + y) for a, b, c, d in boxes]
            crop_marks(canvas)
            rendered.boxes.append(page_boxes)
            canvas.showPage()
        progress(len(group))
    canvas.save()
    rendered.pdf = buffer.getvalue()
    return rendered
