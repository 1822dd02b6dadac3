"""Merge the same event reported by several documents.

Two events from different documents are one when they describe the same side's
losses with the same figures, at overlapping places, on dates within a few
days. The merged event keeps its distinct sources (copies of one report, the same text from the
same outlet and URL, count once: :mod:`mapper.assemble.dedupe`), counts them, and keeps
the most conservative figures: the lowest of each category any source gives,
and totals recomputed from them (low ≤ best ≤ high kept)::

    >>> merged = merge_events(events)        # doctest: +SKIP
    >>> merged[0].number_of_sources          # doctest: +SKIP
    2
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from gazetteer import haversine_km
from mapper.model.events import CATEGORIES, Event, total_casualties
from mapper.assemble.dedupe import distinct_sources, source_identity
from mapper.assemble.merge_candidates import candidate_pairs

__all__ = ["merge_events", "same_event", "DATE_TOLERANCE_DAYS", "PLACE_TOLERANCE_KM"]

DATE_TOLERANCE_DAYS = 3
PLACE_TOLERANCE_KM = 10.0


def _dates_close(a: Event, b: Event) -> bool:
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    tol = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    a_end, b_end = a.event_date_end or a.event_date, b.event_date_end or b.event_date
    return a.event_date - tol <= b_end and b.event_date - tol <= a_end


def _places_overlap(a: Event, b: Event) -> bool:
    ids_a = {loc.gazetteer_id or loc.mention.casefold() for loc in a.locations}
    ids_b = {loc.gazetteer_id or loc.mention.casefold() for loc in b.locations}
    if ids_a & ids_b:
        return True
    return any(haversine_km(la, lo, lb, lob) <= PLACE_TOLERANCE_KM
               for lo, la in a.points for lob, lb in b.points)


def _figures_match(a: Event, b: Event) -> bool:
    shared = [c for c in CATEGORIES if getattr(a, c) is not None and getattr(b, c) is not None]
    return bool(shared) and all(getattr(a, c) == getattr(b, c) for c in shared)


def same_event(a: Event, b: Event) -> bool:
    """True when two events from different documents report the same claim."""
    return (a.doc_id != b.doc_id and a.cumulative == b.cumulative  # a running total is never an incident
            and (a.actor == b.actor or not a.actor or not b.actor)
            and _figures_match(a, b) and _dates_close(a, b) and _places_overlap(a, b))


def merge_events(events: list[Event]) -> list[Event]:
    """Events with duplicates folded together, in the order each group first appears."""
    return _merged(events)


def _merged(events: list[Event]) -> list[Event]:
    if len({ev.doc_id for ev in events}) < 2:  # only events of different documents merge
        return list(events)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    compared = _fold_copies(events, parent, find)
    subset = [events[i] for i in compared]
    for a, b in candidate_pairs(subset, days=DATE_TOLERANCE_DAYS, km=PLACE_TOLERANCE_KM):
        i, j = compared[a], compared[b]
        if find(i) != find(j) and same_event(events[i], events[j]):
            parent[find(j)] = find(i)
    groups: dict[int, list[Event]] = {}
    for i, ev in enumerate(events):
        groups.setdefault(find(i), []).append(ev)
    return [group[0] if len(group) == 1 else _combine(group) for group in groups.values()]


def _fold_copies(events: list[Event], parent: list[int], find) -> list[int]:
    """Join copies of one report's claim (:func:`_copy_key`) to its first event, as pairing would;
    return the events left to pair (the first of each key and those of its own document)."""
    first: dict[tuple, list] = {}  # key -> [first event, first event of another document, same-document ones]
    compared: list[int] = []
    for i, ev in enumerate(events):
        entry = first.setdefault(_copy_key(ev), [i, None, []])
        head, foreign, own = entry
        if i != head and ev.doc_id != events[head].doc_id and same_event(events[head], ev):
            parent[i] = head
            if foreign is None:  # the first copy elsewhere also joins the first document's repeats
                entry[1] = i
                for k in own:
                    if same_event(ev, events[k]):
                        parent[find(k)] = find(head)
            continue
        if i != head and ev.doc_id == events[head].doc_id:
            if foreign is not None and same_event(events[foreign], ev):
                parent[i] = find(head)
                continue
            own.append(i)
        compared.append(i)
    return compared


def _copy_key(ev: Event) -> tuple:
    """What copies of one report's claim share: the first source's identity (quote, outlet, URL),
    figures, dates, side and places. Copies fold before pairing, so n copies cost n, not n² pairs."""
    return (source_identity(ev.sources[0]) if ev.sources else ("", ev.doc_id), ev.cumulative, ev.actor,
            ev.event_date, ev.event_date_end, tuple(getattr(ev, c) for c in CATEGORIES),
            tuple(loc.gazetteer_id or loc.mention.casefold() for loc in ev.locations))


def _min(values):
    values = [v for v in values if v is not None]
    return min(values) if values else None


def _combine(group: list[Event]) -> Event:
    first = min(group, key=lambda e: e.event_id)
    locations = {}
    for ev in group:
        for loc in ev.locations:
            locations.setdefault(loc.gazetteer_id or f"unresolved:{loc.mention.casefold()}", loc)
    sources = distinct_sources(s for ev in group for s in ev.sources)
    starts = [e.event_date for e in group if e.event_date]
    ends = [e.event_date_end or e.event_date for e in group if e.event_date]
    figures = {c: _min(getattr(e, c) for e in group) for c in CATEGORIES}
    best = total_casualties(figures)
    figures.update(
        casualties_best=best,
        casualties_low=min(_min(e.casualties_low for e in group) or best, best),
        casualties_high=max(_min(e.casualties_high for e in group) or best, best),
    )
    return replace(
        first,
        **figures,
        approximate=any(e.approximate for e in group),
        qualifier="; ".join(dict.fromkeys(e.qualifier for e in group if e.qualifier)),
        actor=next((e.actor for e in group if e.actor), ""),
        claimed_by="; ".join(dict.fromkeys(e.claimed_by for e in group if e.claimed_by)),
        locations=tuple(locations.values()),
        geo_precision=max((e.geo_precision for e in group if e.geo_precision), default=None)
        if len(locations) <= 1 else max(2, *(e.geo_precision or 2 for e in group)),
        event_date=min(starts) if starts else None,
        event_date_end=max(ends) if ends else None,
        date_precision=max((e.date_precision for e in group if e.date_precision), default=None),
        number_of_sources=len(sources) or len({ev.doc_id for ev in group}),
        sources=sources,
    )
