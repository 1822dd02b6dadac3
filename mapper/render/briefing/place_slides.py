"""A slide per place group, when several places carry claims: its figures by side and claimant, and its claims.

A place group is where a claim is, counted once: a claim naming Plyokhovo and Martynovka is
under "Plyokhovo + Martynovka" (see :func:`mapper.render.briefing.wording.place_group`). The
groups with the most claims get a slide each (at most :data:`MAX_PLACE_SLIDES`; the others are
named in the last one's notes and are in the events table). With one group or none, there are
no place slides: the key figures already say it all::

    >>> import datetime as dt
    >>> from mapper.render.briefing.template import new_presentation
    >>> from mapper.model.events import Event, EventLocation
    >>> def at(name, lat):
    ...     return (EventLocation(name, name, lat, 35.3, "RU", "Kursk Oblast", "", "t:" + name, 1, True, ""),)
    >>> evs = [Event("a", "d", killed=4, actor="Civilians", claimed_by="Governor", locations=at("Sudzha", 51.19)),
    ...        Event("b", "d", killed=2, actor="Civilians", claimed_by="Governor", locations=at("Rylsk", 51.57))]
    >>> prs = new_presentation()
    >>> add_place_slides(prs, evs)
    >>> [s.shapes.title.text_frame.text for s in prs.slides]
    ['Place: Sudzha', 'Place: Rylsk']
"""

from __future__ import annotations

from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.model.events import Event
from mapper.render.briefing.charts import place_groups
from mapper.render.briefing.keyfigures import KEY_FIGURE_COLUMNS, figure_rows
from mapper.render.briefing.slidebase import CAVEAT, GREY, body_box, new_slide, set_notes
from mapper.render.briefing.summary import format_period, side_name, summarise
from mapper.render.briefing.tables import Column, Para, add_paragraphs, add_table, paginate, row_height
from mapper.render.briefing.template import Box
from mapper.render.briefing.textfit import line_height
from mapper.render.briefing.wording import date_text, figures_text

__all__ = ["add_place_slides", "MAX_PLACE_SLIDES"]

#: Place groups with a slide of their own (those with the most claims).
MAX_PLACE_SLIDES = 12
_CLAIM_COLUMNS = [Column("Date", 110), Column("Figures", 250), Column("Side that suffered", 160),
                  Column("Claimed by", 344)]


def _where(events: list[Event]) -> str:
    """"Plyokhovo, Martynovka (Kursk Oblast) · 2 claims · 14–15 Dec 2024"."""
    names = list(dict.fromkeys(loc.name or loc.mention for ev in events for loc in ev.locations if loc.has_point))
    regions = list(dict.fromkeys(loc.admin1 for ev in events for loc in ev.locations if loc.has_point and loc.admin1))
    days = [ev.event_date for ev in events if ev.event_date]
    ends = [ev.event_date_end or ev.event_date for ev in events if ev.event_date]
    text = ", ".join(names) + (f" ({', '.join(regions)})" if regions else "")
    text += f" · {len(events):,} claim{'s' * (len(events) != 1)}"
    return text + (f" · {format_period(min(days), max(ends))}" if days else " · undated")


def _fitting(rows: list, columns: list[Column], available: float) -> int:
    """How many of ``rows`` (with the header) fit in ``available`` points."""
    page = paginate([row_height(r, columns) for r in rows], available=available, header=row_height(None, columns))
    return len(page[0])


def add_place_slides(prs, events: list[Event], theatre: Theatre | None = None) -> None:
    """One slide per place group (the largest :data:`MAX_PLACE_SLIDES`) when two or more carry claims."""
    theatre = theatre or default_theatre()
    groups = place_groups(events)
    if len(groups) < 2:
        return
    box = body_box(prs)
    shown = groups[:MAX_PLACE_SLIDES]
    for n, (name, group) in enumerate(shown, 1):
        slide = new_slide(prs, f"Place: {name}")
        head = Para(_where(group), size=13, colour=GREY, max_lines=2)
        head_h = head.height(box.width_pt - 15) + 8
        add_paragraphs(slide, Box(box.left, box.top, box.width, int(head_h * 12700)), [head])
        top = box.top + int(head_h * 12700) + int(4 * 12700)
        summary = summarise(group, theatre=theatre)
        rows = figure_rows(summary)
        rest_pt = box.height_pt - head_h - 4
        kept = _fitting(rows, KEY_FIGURE_COLUMNS, rest_pt * 0.5)
        table = add_table(slide, Box(box.left, top, box.width, 0), KEY_FIGURE_COLUMNS, rows[:kept])
        used = sum(r.height for r in table.table.rows) / 12700 + 10
        ordered = sorted(group, key=lambda ev: (ev.event_date is None, ev.event_date or 0, ev.event_id))
        claims = [[[Para(date_text(ev), max_lines=2)], [Para(figures_text(ev), bold=True, max_lines=2)],
                   [Para(side_name(ev.actor, theatre), max_lines=2)],
                   [Para(ev.claimed_by or "not stated", max_lines=2)]] for ev in ordered]
        left = [len(rows) - kept, 0]
        space = rest_pt - used - 2 * line_height(11) - 12  # room for a two-line note at the bottom
        fit = _fitting(claims, _CLAIM_COLUMNS, space) if space > row_height(None, _CLAIM_COLUMNS) * 2 else 0
        if fit:
            add_table(slide, Box(box.left, top + int(used * 12700), box.width, 0), _CLAIM_COLUMNS, claims[:fit])
        left[1] = len(claims) - fit
        words = [f"{left[0]:,} more side–claimant rows" if left[0] else "",
                 f"{left[1]:,} more claims (in the events table)" if left[1] else ""]
        note = "Not shown here: " + " and ".join(w for w in words if w) + ". " if any(words) else ""
        foot = Para(note + "Figures of different claimants or sides are never added together. " + CAVEAT,
                    size=11, colour=GREY, max_lines=2)
        foot_h = foot.height(box.width_pt - 15) + 8
        add_paragraphs(slide, Box(box.left, box.top + box.height - int(foot_h * 12700), box.width,
                                  int(foot_h * 12700)), [foot])
        lines = [_where(group)] + [f"{r.side}, claimed by {r.claimant}: {r.claims:,} claims" for r in summary.key_figures]
        lines += [f"- {date_text(ev)}: {figures_text(ev)}, {ev.actor or 'side not stated'} (claimed by "
                  f"{ev.claimed_by or 'not stated'})" for ev in ordered[:200]]
        if n == len(shown) and len(groups) > len(shown):
            others = ", ".join(g for g, _ in groups[len(shown):len(shown) + 50])
            lines.append(f"\n{len(groups) - len(shown):,} other places carry claims (in the events table): {others}"
                         + ("…" if len(groups) > len(shown) + 50 else ""))
        set_notes(slide, "\n".join(lines))
