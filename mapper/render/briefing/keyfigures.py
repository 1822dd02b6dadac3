"""The key-figures slides (one row per side and claimant) and the running-totals slides.

No figure on these slides adds claims of two claimants or of two sides: a defence ministry's
200 soldiers and a governor's 9 civilians are two rows. Missing and captured have their own
columns, apart from killed and wounded. Running totals ("since August, 62,000 personnel") are
listed on slides of their own and added to nothing::

    >>> from mapper.render.briefing.summary import summarise
    >>> from mapper.render.briefing.template import new_presentation
    >>> from mapper.model.events import Event
    >>> prs = new_presentation()
    >>> evs = [Event("a", "d", killed=200, casualties_best=200, actor="Ukrainian forces", claimed_by="MoD"),
    ...        Event("b", "d", killed=9, casualties_best=9, actor="Civilians", claimed_by="Governor")]
    >>> add_key_figures_slides(prs, summarise(evs))
    >>> table = next(sh.table for sh in prs.slides[0].shapes if sh.has_table)
    >>> [[cell.text for cell in row.cells][:3] for row in table.rows][1:]
    [['Ukrainian forces', 'MoD', '200'], ['Civilians', 'Governor', '9']]
"""

from __future__ import annotations

import datetime as dt

from mapper.model.events import Event
from mapper.render.briefing.slidebase import CAVEAT, GREY, set_notes, table_slides
from mapper.render.briefing.summary import CATEGORY_LABELS, UNKNOWN_CLAIMANT, BriefingSummary, side_name
from mapper.render.briefing.tables import Column, Para
from mapper.render.briefing.sources import report_text
from mapper.render.briefing.wording import figures_text, places_text
from mapper.render.briefing.summary import format_date
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre

__all__ = ["add_key_figures_slides", "figure_rows", "add_running_totals_slides", "KEY_FIGURE_COLUMNS", "period_of_total"]

_PT = 13
#: Side, claimant, the five categories (missing and captured last, apart), claims.
KEY_FIGURE_COLUMNS = ([Column("Side that suffered", 128, _PT), Column("Claimed by", 200, _PT)]
                      + [Column(CATEGORY_LABELS[c], w, _PT, header_lines=3)
                         for c, w in zip(("killed", "wounded", "killed_or_wounded", "missing", "captured"),
                                         (86, 92, 112, 86, 92))]
                      + [Column("Claims", 68, _PT)])
_ORDER = ("killed", "wounded", "killed_or_wounded", "missing", "captured")
_TOTAL_COLUMNS = [Column("Period", 170), Column("Figures", 196), Column("Side that suffered", 130),
                  Column("Claimed by", 190), Column("Reported by", 178)]


def figure_rows(summary: BriefingSummary) -> list:
    """The key-figures table's rows: side, claimant, the five categories, claims."""
    return [[[Para(r.side, size=_PT, max_lines=2)],
             [Para(r.claimant, size=_PT, max_lines=3, italic=r.claimant == UNKNOWN_CLAIMANT)]]
            + [[Para(r.text(c), size=_PT, bold=c in r.categories)] for c in _ORDER]
            + [[Para(f"{r.claims:,}", size=_PT)]] for r in summary.key_figures]


def add_key_figures_slides(prs, summary: BriefingSummary) -> None:
    """Key figures: one row per side and claimant (continued over slides when there are many)."""
    rows = figure_rows(summary)
    totals = summary.running_totals
    note = ("One row per side that suffered and claimant: figures of different claimants or of different sides "
            "are never added together, and missing and captured are kept apart from killed and wounded. Each "
            f"claim is counted once, however many places it names ({summary.multi_place:,} multi-place claim"
            f"{'s' * (summary.multi_place != 1)}); best estimate, with the low–high range where the reports give "
            "one." + (f" {totals:,} running total{'s' * (totals != 1)} (on {'their' if totals != 1 else 'its'} own "
                      "slide) not added." if totals else "") + f" {CAVEAT}")
    below = [Para(note, size=11, colour=GREY, max_lines=5)]
    for slide, page in table_slides(prs, "Key figures", KEY_FIGURE_COLUMNS, rows, empty="No claims in the input.",
                                    below=below):
        lines = [f"{r.side}, claimed by {r.claimant} ({r.claims:,} claim{'s' * (r.claims != 1)}): "
                 + "; ".join(f"{CATEGORY_LABELS[c].lower()} {r.text(c)}" for c in _ORDER if c in r.categories)
                 for r in (summary.key_figures[i] for i in page)]
        set_notes(slide, "\n".join(lines) + "\n\nCounting rules: one claim = one event record, whatever the "
                  "number of places; figures by category as reported; killed-or-wounded is its own category and "
                  "is not split; ranges are UCDP-style low–high sums within one side and one claimant.")


def period_of_total(ev: Event) -> str:
    """``since 6 Aug 2024 (to 14 Dec 2024)``: the period a running total covers, in words.

    >>> period_of_total(Event("t", "d", event_date=dt.date(2024, 8, 6), event_date_end=dt.date(2024, 12, 14)))
    'since 6 Aug 2024 (to 14 Dec 2024)'
    >>> period_of_total(Event("t", "d"))
    'period not stated'
    """
    end = ev.event_date_end or (ev.published if ev.published and ev.published != ev.event_date else None)
    if ev.event_date is None:
        return f"to {format_date(end)}" if end else "period not stated"
    return f"since {format_date(ev.event_date)}" + (f" (to {format_date(end)})" if end else "")


def add_running_totals_slides(prs, totals: list[Event], theatre: Theatre | None = None) -> None:
    """Running totals, each as reported, on slides of their own (nothing when there are none)."""
    if not totals:
        return
    theatre = theatre or default_theatre()
    def when(ev: Event) -> tuple[bool, dt.date]:
        day = ev.event_date_end or ev.event_date or ev.published
        return day is None, day or dt.date.min

    ordered = sorted(totals, key=lambda ev: (side_name(ev.actor, theatre), ev.claimed_by or "", when(ev), ev.event_id))
    rows = [[[Para(period_of_total(ev), max_lines=2)], [Para(figures_text(ev), bold=True, max_lines=3)],
             [Para(side_name(ev.actor, theatre), max_lines=2)],
             [Para(ev.claimed_by or UNKNOWN_CLAIMANT, max_lines=3, italic=not ev.claimed_by)],
             [Para(report_text(ev), max_lines=3)]] for ev in ordered]
    below = [Para("Each running total sums many incidents over a period, as its claimant reported it: it is not "
                  "mapped, not charted, and not added to the key figures nor to the other totals. " + CAVEAT,
                  size=11, colour=GREY, max_lines=3)]
    for slide, page in table_slides(prs, "Running totals", _TOTAL_COLUMNS, rows, empty="", below=below):
        set_notes(slide, "\n\n".join(
            f"{period_of_total(ev)}: {figures_text(ev)}, {ev.actor or 'side not stated'} (claimed by "
            f"{ev.claimed_by or 'not stated'}); {places_text(ev)}.\n“{' '.join(ev.source_quote.split())}”"
            for ev in (ordered[i] for i in page)))
