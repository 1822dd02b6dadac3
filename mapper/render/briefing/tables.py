"""Slide tables whose text fits: each cell wrapped and shortened to its lines, rows sized to their text,
and long tables cut into pages that each fit the space under a slide title.

Row heights are computed from the wrapped text (DejaVu Sans metrics, wider than the
fonts the deck is shown with), so PowerPoint and LibreOffice never have to grow a row
past the bottom of the slide::

    >>> cols = [Column("Place", 120), Column("Figures", 120)]
    >>> rows = [[[Para("Plyokhovo, Martynovka")], [Para("30 killed or wounded")]]] * 30
    >>> pages = paginate([row_height(r, cols) for r in rows], available=300, header=row_height(HEADER, cols))
    >>> [len(p) for p in pages]
    [7, 7, 7, 7, 2]
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.util import Emu, Pt

from mapper.render.links import web_link
from mapper.render.briefing.safetext import clean_text
from mapper.render.briefing.template import DECK_FONT, Box
from mapper.render.briefing.textfit import east_asian_family, fit_lines, line_height

__all__ = ["Para", "Column", "fitted", "row_height", "paginate", "add_table", "add_paragraphs", "HEADER",
           "MARGIN_X_PT", "MARGIN_Y_PT", "set_run_font"]

#: PowerPoint's default cell insets (0.1 in and 0.05 in), left as they are: setting them per cell is slow.
MARGIN_X_PT = 7.2
MARGIN_Y_PT = 3.6
HEADER_FILL = RGBColor(0x2F, 0x3B, 0x4C)
BAND_FILL = RGBColor(0xF2, 0xF2, 0xF2)
NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
TEXT_COLOUR = "1F1F1F"


@dataclass(frozen=True)
class Para:
    """One paragraph of a cell or text box, at most ``max_lines`` lines."""

    text: str
    size: float = 11.0
    bold: bool = False
    colour: str = TEXT_COLOUR
    max_lines: int = 3
    link: str = ""
    italic: bool = False
    space_before: float = 0.0  # points

    def lines(self, width_pt: float) -> list[str]:
        return fit_lines(self.text, self.size, width_pt, max_lines=self.max_lines, bold=self.bold)

    def height(self, width_pt: float) -> float:
        return len(self.lines(width_pt)) * line_height(self.size) + self.space_before


@dataclass(frozen=True)
class Column:
    """A table column: its header, width and the header's font size."""

    header: str
    width_pt: float
    size: float = 11.0
    header_lines: int = 2

    def header_para(self, colour: str = TEXT_COLOUR) -> Para:
        return Para(self.header, size=self.size, bold=True, colour=colour, max_lines=self.header_lines)


#: Marker for the header row in :func:`row_height`.
HEADER = None


def fitted(para: Para, width_pt: float) -> str:
    """The paragraph's text as it will be written: whole, or cut to its lines with "…"."""
    lines = para.lines(width_pt)
    return para.text if not lines[-1].endswith("…") or para.text.endswith("…") else " ".join(lines)


def row_height(cells: list[list[Para]] | None, columns: list[Column]) -> float:
    """Height in points of a row (``HEADER`` for the header row)."""
    if cells is None:
        cells = [[c.header_para()] for c in columns]
    text = max(sum(p.height(col.width_pt - 2 * MARGIN_X_PT) for p in cell) for cell, col in zip(cells, columns))
    return text + 2 * MARGIN_Y_PT + 2.0


def paginate(heights: list[float], *, available: float, header: float) -> list[list[int]]:
    """Row indices per page, each page's rows (plus the header) fitting in ``available`` points."""
    pages: list[list[int]] = []
    current: list[int] = []
    used = header
    for i, h in enumerate(heights):
        if current and used + h > available:
            pages.append(current)
            current, used = [], header
        current.append(i)
        used += h
    if current or not pages:
        pages.append(current)
    return pages


def set_run_font(run, size: float) -> None:
    """The deck font at ``size`` pt on ``run``; East Asian text (CJK, fullwidth) also gets the installed
    font it was measured with as the run's East Asian font (``<a:ea>``), so the viewer draws it with the
    same glyphs (a viewer without that font picks its own)."""
    run.font.name, run.font.size = DECK_FONT, Pt(size)
    family = east_asian_family(run.text)
    if family:
        from lxml import etree

        rpr = run._r.get_or_add_rPr()
        for old in rpr.findall(f"{{{_A}}}ea"):
            rpr.remove(old)
        ea = etree.Element(f"{{{_A}}}ea")
        ea.set("typeface", family)
        rpr.find(f"{{{_A}}}latin").addnext(ea)  # schema order: latin, ea, cs, sym, hlinkClick


def _write(frame, paras: list[Para], width_pt: float) -> None:
    """Write ``paras`` into an empty text frame (font set explicitly on every run: tables do not
    inherit the master's text styles)."""
    frame.word_wrap = True
    for i, para in enumerate(paras):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if para.space_before:
            p.space_before = Pt(para.space_before)
        # Lines exactly as far apart as measured: a viewer's stand-in for Arial with taller lines (Noto
        # Sans: 1.36 em) would otherwise grow the rows past the slide's footer.
        p.line_spacing = Pt(line_height(para.size))
        run = p.add_run()
        run.text = clean_text(fitted(para, width_pt))
        set_run_font(run, para.size)
        font = run.font
        if para.bold:
            font.bold = True
        if para.italic:
            font.italic = True
        if para.colour != TEXT_COLOUR:
            font.color.rgb = RGBColor.from_string(para.colour)
        link = web_link(para.link) or ""
        if link:  # only http(s) links with a host are ever clickable, whoever built the paragraph
            run.hyperlink.address = link


def add_paragraphs(slide, box: Box, paras: list[Para]):
    """A text box holding ``paras`` (callers size ``box`` with :meth:`Para.height`)."""
    from pptx.enum.text import MSO_AUTO_SIZE

    shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    frame = shape.text_frame
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(MARGIN_X_PT)
    frame.margin_top = frame.margin_bottom = Pt(MARGIN_Y_PT)
    _write(frame, paras, box.width_pt - 2 * MARGIN_X_PT)
    return shape


def add_table(slide, box: Box, columns: list[Column], rows: list[list[list[Para]]]):
    """A table at the top of ``box``: a header row and ``rows`` (each a list of cells of paragraphs)."""
    header_h = row_height(HEADER, columns)
    heights = [header_h] + [row_height(r, columns) for r in rows]
    width = Emu(int(sum(c.width_pt for c in columns) * 12700))
    shape = slide.shapes.add_table(len(rows) + 1, len(columns), box.left, box.top, width,
                                   Emu(int(sum(heights) * 12700)))
    table = shape.table
    for col, spec in zip(table.columns, columns):
        col.width = Emu(int(spec.width_pt * 12700))
    for row, h in zip(table.rows, heights):
        row.height = Emu(int(h * 12700))
    # PowerPoint's built-in "No Style, No Grid" table style: the header and bands are filled here, so the
    # table looks the same in every viewer, and unfilled cells show the white slide.
    style = table._tbl.tblPr.find(f"{{{_A}}}tableStyleId")
    if style is not None:
        style.text = NO_STYLE_TABLE
    table.horz_banding = False
    header_cells = [[c.header_para("FFFFFF")] for c in columns]
    for r, cells in enumerate([header_cells] + rows):
        fill = HEADER_FILL if r == 0 else BAND_FILL if r % 2 == 0 else None
        for c, (paras, spec) in enumerate(zip(cells, columns)):
            cell = table.cell(r, c)
            if fill is not None:
                cell.fill.solid()
                cell.fill.fore_color.rgb = fill
            _write(cell.text_frame, paras, spec.width_pt - 2 * MARGIN_X_PT)
    return shape
