"""What frames the map: the title block, the legend and the running-totals panel.

Report text in them (actor names, claimants, places) is escaped with :func:`html.escape` and
carried by :func:`~mapper.render.web.web_values.raw_element`, which is never compiled as a
template::

    >>> period_words([dt.date(2024, 12, 14), dt.date(2024, 12, 15)])
    '2024-12-14 to 2024-12-15'
    >>> as_of([], [dt.date(2024, 12, 15)], today=dt.date(2025, 1, 1))
    '2024-12-15'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from gazetteer.theatre import Theatre
from mapper.model.events import CATEGORIES, Event
from mapper.render.web.bulk_table import QUOTE_LIMIT, radius
from mapper.render.web.popups import actor_colour, escape_text
from mapper.render.web.web_values import raw_element

__all__ = ["add_title", "add_side_panels", "period_words", "as_of", "STYLE"]

#: Positions keep the pieces apart: title top centre, legend and totals bottom left, the time slider
#: (shown only while its layer is on) bottom right beside them.
STYLE = """<style>
.cm-title {position:absolute; top:10px; left:50%; transform:translateX(-50%); z-index:1000; text-align:center;
  background:rgba(255,255,255,.92); padding:6px 14px; border-radius:4px; box-shadow:0 1px 4px rgba(0,0,0,.3);
  font:13px/1.35 sans-serif; max-width:calc(100% - 520px); min-width:240px}
.cm-title h1 {font-size:16px; margin:0}
.cm-side {position:absolute; bottom:48px; left:10px; z-index:1000; width:280px; display:flex; flex-direction:column;
  gap:6px; max-height:calc(100% - 200px)}
.cm-legend, .cm-totals {background:rgba(255,255,255,.92); padding:8px 10px; font:12px/1.4 sans-serif;
  border-radius:4px; box-shadow:0 1px 4px rgba(0,0,0,.3); overflow:auto}
.cm-totals ul {margin:2px 0 0; padding-left:16px}
.cm-swatch {display:inline-block; width:12px; height:12px; border-radius:50%; margin-right:6px; vertical-align:middle}
.cm-size {display:inline-block; border:1px solid #555; border-radius:50%; margin:0 3px; vertical-align:middle}
.cm-label div, .cm-oblast-label {font:11px sans-serif; color:#555; white-space:nowrap; text-shadow:0 0 3px #fff}
.cm-quote {margin:4px 0; padding-left:6px; border-left:3px solid #ccc; font-style:italic}
.cm-popup table th {text-align:left; padding-right:8px}
.leaflet-interactive:focus {outline:none}
.leaflet-control-layers-expanded:not(.leaflet-timeline-control) {max-width:250px; max-height:calc(100vh - 140px);
  overflow-y:auto}
.leaflet-control-layers label {white-space:normal; overflow-wrap:anywhere}
.leaflet-bottom.leaflet-right .leaflet-timeline-control {width:calc(100vw - 330px); max-width:900px; margin:0 10px 24px 0}
</style>"""


def period_words(dates: Iterable[dt.date]) -> str:
    """The span of ``dates`` ("" when there is none)."""
    dates = sorted(set(dates))
    if not dates:
        return ""
    return dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"


def as_of(published: Iterable[dt.date], dates: Iterable[dt.date], today: dt.date | None = None) -> str:
    """The date the map's information stands at: the latest report published, else the latest event date,
    else ``today``."""
    latest = max(published, default=None) or max(dates, default=None) or today or dt.date.today()
    return latest.isoformat()


def _published(events: list[Event]) -> list[dt.date]:
    out = [ev.published for ev in events if ev.published]
    for ev in events:
        for source in ev.sources or ():
            try:
                out.append(dt.date.fromisoformat(str(source.published)[:10]))
            except ValueError:
                continue
    return out


def add_title(m, title: str, theatre: Theatre, events: list[Event]) -> None:
    """The title block: the title, the theatre, the period of the events and "as of" a date."""
    dates = [d for ev in events for d in (ev.event_date, ev.event_date_end) if d]
    period = period_words(dates)
    lines = [f"<h1>{escape_text(title)}</h1>", f"<div>{escape_text(theatre.name)}</div>",
             f"<div>{'Events ' + escape_text(period) + ' · ' if period else ''}"
             f"<b>as of {escape_text(as_of(_published(events), dates))}</b></div>"]
    m.get_root().html.add_child(raw_element(f'<div class="cm-title" id="cm-title">{"".join(lines)}</div>'))


def _figures(ev: Event) -> str:
    words = [f"{getattr(ev, c)} {c.replace('_', ' ')}" for c in CATEGORIES if getattr(ev, c) is not None]
    return ", ".join(words) or "no figure"


def _total_line(ev: Event) -> str:
    period = period_words(d for d in (ev.event_date, ev.event_date_end) if d) or "undated"
    places = ", ".join(loc.name or loc.mention for loc in ev.locations) or "no place"
    return (f"<li><b>{escape_text(ev.actor or 'Unknown side')}</b>: {escape_text(_figures(ev))} "
            f"({escape_text(period)}; {escape_text(places)}), claimed by {escape_text(ev.claimed_by or 'not stated')}"
            "</li>")


def add_side_panels(m, title: str, actors: list[str], dropped: list[str], *, totals: list[Event],
                    shortened: bool = False, offline: bool = False, theatre: Theatre | None = None) -> None:
    """The legend and, when there are any, the running totals in a panel of their own (never a point)."""
    items = "".join(f'<div><span class="cm-swatch" style="background:{actor_colour(a, theatre)}"></span>'
                    f"{escape_text(a or 'Unknown side')}</div>" for a in actors)
    sizes = "".join(f'<span class="cm-size" style="width:{2 * radius(n):.0f}px;height:{2 * radius(n):.0f}px">'
                    f"</span>{n}" for n in (1, 10, 30))
    note = (f"<div class='cm-dropped'>Left out offline (assets not installed): {escape_text(', '.join(dropped))}</div>"
            if dropped else "")
    if offline:
        note += "<div>Offline: no web tiles, and no minimap (it shows web tiles).</div>"
    if shortened:
        note += (f"<div>Popup quotes over {QUOTE_LIMIT} characters are shortened; the full quotes are in the "
                 "events file.</div>")
    panel = ""
    if totals:
        from mapper.render.totals import running_totals_note

        panel = (f'<div class="cm-totals" id="cm-totals"><b>Running totals</b> '
                 f"({escape_text(running_totals_note(len(totals)))}: each sums many incidents over a period)"
                 f"<ul>{''.join(_total_line(ev) for ev in totals[:50])}</ul>"
                 + (f"<div>… and {len(totals) - 50} more in the events files.</div>" if len(totals) > 50 else "")
                 + "</div>")
    html = f"""{STYLE}
<div class="cm-side">{panel}<div class="cm-legend" id="cm-legend"><b>{escape_text(title)}</b>{items}
<div style="display:flex;align-items:center;gap:2px;margin:4px 0">Area ∝ casualties: {sizes}</div>
<div>Dashed rings: near a place (6 km) or somewhere in a region (40 km)</div>{note}</div></div>"""
    m.get_root().html.add_child(raw_element(html))  # report text in it, escaped: never compiled as a template
    # (the data credits are in the attribution line)
