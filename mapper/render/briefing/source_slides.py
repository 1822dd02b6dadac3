"""The sources slides: reports grouped by outlet, each once, with its web address, date and claims.

The outlet is written on the first row of its group on each slide (with how many reports it has);
a report shows its first three claims and how many more there are (all are in the speaker notes
and the events table). Only http(s) addresses
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
from mapper.render.briefing.slidebase import DATA_CREDITS, GREY, set_notes, table_slides
from mapper.render.briefing.sources import OutletGroup, Report, outlet_groups
from mapper.render.briefing.tables import Column, Para
from mapper.render.briefing.wording import claim_line

__all__ = ["add_source_slides", "SOURCE_COLUMNS", "MAX_CLAIMS_SHOWN"]

#: Claims written under a report on the slide (all are in the speaker notes and the events table).
MAX_CLAIMS_SHOWN = 3
SOURCE_COLUMNS = [Column("Outlet", 150), Column("Report", 206), Column("Published", 84), Column("Claims", 424)]
_CLAIM_PT = 11


def _outlet_cell(group: OutletGroup, note: str = "") -> list[Para]:
    n = len(group.reports)
    return [Para(group.outlet, bold=True, max_lines=3, italic=not group.reports[0].outlet),
            Para(note or f"{n:,} report{'s' * (n != 1)}", size=9, colour=GREY, max_lines=1)]


def _report_cell(report: Report) -> list[Para]:
    return [Para(report.label, size=10, max_lines=3, link=report.url or "",
                 colour="1F1F1F" if report.url else GREY, italic=not report.url)]


def _claims_cell(report: Report) -> list[Para]:
    """The report's first claims (at most :data:`MAX_CLAIMS_SHOWN`), then how many more the notes list."""
    claims = report.claims
    cell = [Para(claim_line(ev), size=_CLAIM_PT, max_lines=3, space_before=3 if i else 0)
            for i, (_, ev) in enumerate(claims[:MAX_CLAIMS_SHOWN])]
    if len(claims) > MAX_CLAIMS_SHOWN:
        cell.append(Para(f"… and {len(claims) - MAX_CLAIMS_SHOWN:,} more claims (all in the speaker notes)",
                         size=_CLAIM_PT - 1, italic=True, colour=GREY, max_lines=1, space_before=3))
    return cell


def _rows(events: list[Event]):
    """Rows (the outlet cell always filled, for measuring), and per row its outlet group and report."""
    rows, meta = [], []
    for group in outlet_groups(events):
        for report in group.reports:
            published = [Para(report.published or "not dated", max_lines=1, italic=not report.published)]
            rows.append([_outlet_cell(group), _report_cell(report), published, _claims_cell(report)])
            meta.append((group, report, report is group.reports[0]))
    return rows, meta


def add_source_slides(prs, events: list[Event]) -> None:
    """Every report once, grouped by outlet, with its claims, continued over slides; quotes in the notes."""
    rows, meta = _rows(events)

    def shown(page: list[int]) -> list:
        out = []
        for n, i in enumerate(page):
            group, _, starts = meta[i]
            cells = list(rows[i])
            if n and meta[page[n - 1]][0] is group:
                cells[0] = []  # the outlet is named on the group's first row of the slide
            elif not starts:
                cells[0] = _outlet_cell(group, "(continued)")
            out.append(cells)
        return out

    for slide, page in table_slides(prs, "Sources", SOURCE_COLUMNS, rows, empty="No sources.", shown=shown):
        notes = []
        for i in page:
            group, report, _ = meta[i]
            notes.append(f"{group.outlet}: {report.label} ({report.published or 'not dated'})")
            if report.given_url and not report.url:
                notes.append(f"  address given, not a web link (not linked): {report.given_url}")
            for src, ev in report.claims:
                quote = " ".join(str(src.quote or ev.source_quote or "").split())
                notes.append(f"- {claim_line(ev)}" + (f"\n  “{quote}”" if quote else ""))
        set_notes(slide, "\n".join(notes) + f"\n\n{DATA_CREDITS}")
