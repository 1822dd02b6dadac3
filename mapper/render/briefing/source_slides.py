"""The sources slides: reports grouped by outlet, each once, with its web address, date and claims.

The outlet is written on the first row of its group on each slide (with how many reports it has);
a report with more claims than one slide holds continues in further rows. Only http(s) addresses
are shown as links; an address that is not one is named in the speaker notes only::

    >>> from mapper.render.briefing.template import new_presentation
    >>> from mapper.model.events import Event
    >>> prs = new_presentation()
    >>> ev = Event("a", "d1", killed=2, sources=({"doc_id": "d1", "url": "https://kyiv.example/1",
    ...                                          "source_name": "Kyiv Wire", "published": "2024-12-14"},))
    >>> add_source_slides(prs, [ev, ev])
    >>> table = next(sh.table for sh in prs.slides[0].shapes if sh.has_table)
    >>> [[cell.text for cell in row.cells][:3] for row in table.rows][1:]
    [['Kyiv Wire\\n1 report', 'https://kyiv.example/1', '2024-12-14']]
"""

from __future__ import annotations

from mapper.model.events import Event
from mapper.render.briefing.slidebase import DATA_CREDITS, GREY, body_box, set_notes, table_slides
from mapper.render.briefing.sources import OutletGroup, Report, outlet_groups
from mapper.render.briefing.tables import Column, Para, row_height
from mapper.render.briefing.wording import claim_line

__all__ = ["add_source_slides", "SOURCE_COLUMNS"]

SOURCE_COLUMNS = [Column("Outlet", 150), Column("Report", 206), Column("Published", 84), Column("Claims", 424)]
_CLAIM_PT = 11


def _outlet_cell(group: OutletGroup, note: str = "") -> list[Para]:
    n = len(group.reports)
    return [Para(group.outlet, bold=True, max_lines=3, italic=not group.reports[0].outlet),
            Para(note or f"{n:,} report{'s' * (n != 1)}", size=9, colour=GREY, max_lines=1)]


def _report_cell(report: Report) -> list[Para]:
    return [Para(report.label, size=10, max_lines=3, link=report.url or "",
                 colour="1F1F1F" if report.url else GREY, italic=not report.url)]


def _rows(events: list[Event], available: float):
    """Rows (a list of cells, the outlet cell always filled for measuring), and per row: its outlet
    group, its report, its claims, and whether it starts its group."""
    cols = SOURCE_COLUMNS
    width = cols[3].width_pt - 10
    rows, meta = [], []
    for group in outlet_groups(events):
        for r, report in enumerate(group.reports):
            published = [Para(report.published or "not dated", max_lines=1, italic=not report.published)]
            base = row_height([_outlet_cell(group), _report_cell(report), published, []], cols)
            chunk, claims, used = [], [], 0.0
            for claim in report.claims:
                para = Para(claim_line(claim[1]), size=_CLAIM_PT, max_lines=4, space_before=3 if chunk else 0)
                if chunk and max(base, used + para.height(width) + 9.2) + row_height(None, cols) > available:
                    rows.append([_outlet_cell(group), _report_cell(report), published, chunk])
                    meta.append((group, report, claims, not any(m[1] is report for m in meta) and r == 0))
                    para = Para(para.text, size=_CLAIM_PT, max_lines=4)
                    chunk, claims, used = [], [], 0.0
                chunk.append(para)
                claims.append(claim)
                used += para.height(width)
            first_of_report = not any(m[1] is report for m in meta)
            rows.append([_outlet_cell(group), _report_cell(report), published, chunk])
            meta.append((group, report, claims, first_of_report and r == 0))
    return rows, meta


def add_source_slides(prs, events: list[Event]) -> None:
    """Every report once, grouped by outlet, with its claims, continued over slides; quotes in the notes."""
    rows, meta = _rows(events, body_box(prs).height_pt)

    def shown(page: list[int]) -> list:
        out = []
        for n, i in enumerate(page):
            group, report, _, starts = meta[i]
            cells = list(rows[i])
            previous = meta[page[n - 1]] if n else None
            if previous is not None and previous[0] is group:
                cells[0] = []  # the outlet is named on the group's first row of the slide
            elif not starts:
                cells[0] = _outlet_cell(group, "(continued)")
            if previous is not None and previous[1] is report:
                cells[1] = [Para("(continued)", size=10, italic=True, colour=GREY)]
            out.append(cells)
        return out

    for slide, page in table_slides(prs, "Sources", SOURCE_COLUMNS, rows, empty="No sources.", shown=shown):
        notes = []
        for i in page:
            group, report, claims, _ = meta[i]
            notes.append(f"{group.outlet}: {report.label} ({report.published or 'not dated'})")
            if report.given_url and not report.url:
                notes.append(f"  address given, not a web link (not linked): {report.given_url}")
            for src, ev in claims:
                quote = " ".join(str(src.quote or ev.source_quote or "").split())
                notes.append(f"- {claim_line(ev)}" + (f"\n  “{quote}”" if quote else ""))
        set_notes(slide, "\n".join(notes) + f"\n\n{DATA_CREDITS}")
