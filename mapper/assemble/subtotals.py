"""A total and its parts: one report's count for an area or a day, and the counts of its places.

A military administration's post gives the day's count and then the count of each village ("guided
bombs hit the community, killing two residents and injuring five ... In one village a woman died and
her son was wounded ... In another a man was killed and four neighbours were hurt"), or lists the
villages first and sums them up ("In total: 1 killed, 5 injured"). Each sentence becomes an event,
so every casualty would be counted twice. The total is the claim of record (ACLED's and the
development corpus's convention: the parts are sub-counts of it); its parts are folded into it and
named in its location note, so a map or a sum counts each casualty once.

A run of events is the parts of a total only when all of these hold:

* they come right after the total, the report's first claim (a lead), or right before it (a sentence
  opening with "in total", "всего", "загалом": a recap), each from another sentence than the total's;
* they have the total's side, claimant (or none), dates and no running total among them;
* each of their categories is one of the total's, and they are at least two;
* a lead's parts sum to it exactly in every category, and each names its own place, in the
  lead's district or within :data:`NEAR_KM` of it (two villages' dead that happen to add up to the toll of a city are
  not its parts); a recap's sum to at most it (a recap may count a village the report did not
  list) and lie in its oblast.

    >>> import datetime
    >>> from mapper.model.events import Event, EventLocation, Source
    >>> def at(name, lat, lon):
    ...     return EventLocation(name, name, lat, lon, "UA", "Sumy Oblast", "Sumy Raion", name, 1, True, "")
    >>> def ev(i, quote, place, **figures):
    ...     return Event(f"ev-{i}", "doc", event_date=datetime.date(2024, 5, 1), actor="Civilians",
    ...                  locations=(place,), sources=(Source("doc", quote=quote),), **figures)
    >>> a, b = at("Ambar", 50.70, 35.30), at("Bilka", 50.75, 35.20)
    >>> text = "Bombs hit Ambar, killing two. In Ambar a woman died. In Bilka a man was killed."
    >>> folded = fold_parts([ev(1, "Bombs hit Ambar, killing two.", a, killed=2),
    ...                      ev(2, "In Ambar a woman died.", a, killed=1),
    ...                      ev(3, "In Bilka a man was killed.", b, killed=1)], text)
    >>> [(e.event_id, e.killed, e.location_note) for e in folded]
    [('ev-1', 2, 'of which: Ambar 1 killed; Bilka 1 killed')]
"""

from __future__ import annotations

from dataclasses import replace

from gazetteer import haversine_km
from mapper.assemble.restatements import RECAP_RE, event_positions, figures_of, own_places, quote_of, same_side_and_time
from mapper.model.events import Event

__all__ = ["fold_parts", "NEAR_KM"]

#: A lead's part lies in the total's district or this close to its place (km).
NEAR_KM = 30.0
#: A total's parts are looked for among at most this many events beside it.
MAX_PARTS = 30


def fold_parts(events: list[Event], text: str) -> list[Event]:
    """The events of one report (in its order) with the parts of a total folded into the total."""
    if len(events) < 3:
        return list(events)
    where = event_positions(events, text)
    out: list[Event | None] = list(events)
    for i, total in enumerate(events):
        if out[i] is None or total.cumulative:
            continue
        recap = bool(RECAP_RE.match(quote_of(total)))
        if not recap and any(not ev.cumulative for ev in events[:i]):
            continue  # a lead's total is the report's first claim; a later count is one item of a list
        parts = _parts(events, out, where, i, recap)
        if parts:
            out[i] = _with_parts(out[i], [events[j] for j in parts])
            for j in parts:
                out[j] = None
    return [ev for ev in out if ev is not None]


def _parts(events: list[Event], out: list[Event | None], where: list[int], i: int, recap: bool) -> list[int]:
    """The indices of the events that are parts of event ``i``, or none."""
    total = events[i]
    figures = figures_of(total)
    step = -1 if recap else 1
    run, sums = [], dict.fromkeys(figures, 0)
    j = i + step
    while 0 <= j < len(events) and len(run) < MAX_PARTS:
        part = events[j]
        if out[j] is None or where[j] == where[i] or not _same_claim(total, part):
            break
        own = figures_of(part)
        if not own or any(c not in figures or v > figures[c] for c, v in own.items()):
            break
        if any(sums[c] + v > figures[c] for c, v in own.items()):
            break
        for c, v in own.items():
            sums[c] += v
        run.append(j)
        j += step
    if len(run) < 2:
        return []
    run.sort()
    if recap:
        return run if _in_oblast(total, [events[j] for j in run]) else []
    return run if sums == figures and _nearby(total, [events[j] for j in run]) else []


def _same_claim(total: Event, part: Event) -> bool:
    """The same side, days and claimant (or none named), and no running total."""
    return (not part.cumulative and same_side_and_time(total, part)
            and (not total.claimed_by or not part.claimed_by or total.claimed_by == part.claimed_by))


def _nearby(total: Event, parts: list[Event]) -> bool:
    """Every part's own place in the total's district or near its place; a total naming no place
    of its own holds parts of one oblast."""
    here = own_places(total)
    if not here:
        return _in_oblast(total, parts)
    for part in parts:
        mine = own_places(part)
        if not mine or not all(any(_near(x, loc) for x in here) for loc in mine):
            return False  # a part names its own place, in the total's district or near it
    return True


def _near(area, loc) -> bool:
    if area.admin2 and area.admin2 == loc.admin2 and area.admin1 == loc.admin1:
        return True
    return (area.has_point and loc.has_point
            and haversine_km(area.latitude, area.longitude, loc.latitude, loc.longitude) <= NEAR_KM)


def _in_oblast(total: Event, parts: list[Event]) -> bool:
    """All parts' places in one oblast, the total's when it names one."""
    oblasts = {loc.admin1 for part in parts for loc in part.locations if loc.resolved}
    mine = {loc.admin1 for loc in total.locations if loc.resolved}
    return len(oblasts) <= 1 and (not mine or not oblasts or oblasts <= mine)


def _with_parts(total: Event, parts: list[Event]) -> Event:
    """The total, its location note naming its parts' places and counts."""
    told = "; ".join(f"{_place(part)} {_counts(part)}" for part in parts)
    note = f"of which: {told}"
    return replace(total, location_note=f"{total.location_note}; {note}" if total.location_note else note)


def _place(ev: Event) -> str:
    names = [loc.name or loc.mention for loc in ev.locations]
    return ", ".join(dict.fromkeys(names)) or "place not named"


def _counts(ev: Event) -> str:
    return ", ".join(f"{v} {c.replace('_', ' ')}" for c, v in figures_of(ev).items())
