"""How one claim reads on a slide: its date, places, figures and sources, in plain words.

    >>> from mapper.model.events import Event, EventLocation
    >>> loc = EventLocation("Plekhovo", "Plyokhovo", 51.1, 35.33, "RU", "Kursk Oblast", "", "curated:x", 1, True, "")
    >>> gone = EventLocation("Vorozhba", None, None, None, None, None, None, None, None, False, "ambiguous")
    >>> ev = Event("e", "d", killed_or_wounded=30, casualties_low=30, casualties_best=30, casualties_high=30,
    ...            approximate=True, qualifier="approximately", locations=(loc, gone), geo_precision=2)
    >>> figures_text(ev)
    'about 30 killed or wounded'
    >>> places_text(ev)
    'near Plyokhovo (Kursk Oblast); not placed: Vorozhba'
"""

from __future__ import annotations

from mapper.render.briefing.summary import format_period
from mapper.extract.lang import LANGUAGES
from mapper.model.events import CATEGORIES, Event

__all__ = ["date_text", "places_text", "place_group", "figures_text", "claim_line", "CATEGORY_WORDS"]

CATEGORY_WORDS = {"killed": "killed", "wounded": "wounded", "missing": "missing", "captured": "captured",
                  "killed_or_wounded": "killed or wounded"}
#: Report qualifiers (every language's, as :mod:`mapper.extract.casualties` records them) in slide words.
_QUALIFIER_WORDS = {q.phrase: q.sense.value for lang in LANGUAGES
                    for q in (*lang.casualties.qualifiers, *lang.casualties.post_qualifiers) if q.sense}
_RANGE_LEADS = tuple(word for lang in LANGUAGES for word in lang.casualties.range_leads)


def _qualifier_word(ev: Event) -> str:
    """The slide word for the claim's qualifier; "" for ranges (shown as such) and exact figures."""
    first = " ".join((ev.qualifier or "").split(";")[0].lower().split())
    if first.split(" ")[0] in _RANGE_LEADS:
        return ""
    return _QUALIFIER_WORDS.get(first, "approx." if ev.approximate else "")


def date_text(ev: Event) -> str:
    """``14–15 Dec 2024``; a month for month-precision dates; ``undated``."""
    if ev.event_date is None:
        return "undated"
    if ev.date_precision == 3:
        return f"{ev.event_date:%b %Y}"
    return format_period(ev.event_date, ev.event_date_end)


def _resolved_names(ev: Event) -> list[str]:
    return list(dict.fromkeys(loc.name or loc.mention for loc in ev.locations if loc.has_point))


def places_text(ev: Event) -> str:
    """Resolved places with their oblast, the precision in words, and names that could not be placed."""
    names = _resolved_names(ev)
    unplaced = list(dict.fromkeys(loc.mention for loc in ev.locations if not loc.has_point))
    text = ", ".join(names)
    if names:
        regions = list(dict.fromkeys(loc.admin1 for loc in ev.locations
                                     if loc.has_point and loc.admin1 and loc.admin1 not in names))
        if ev.geo_precision == 2:
            text = f"near {text}"
        if regions:
            text += f" ({', '.join(regions)})"
        if ev.geo_precision == 3 and not regions:
            text += " (region)"
    if unplaced:
        text += ("; " if text else "") + f"not placed: {', '.join(unplaced)}"
    return text or "no place named"


def place_group(ev: Event, *, limit: int = 3) -> str:
    """One name for where a claim is, counting the claim once: ``Plyokhovo + Martynovka``."""
    names = _resolved_names(ev)
    if not names:
        return "Not placed"
    shown = " + ".join(names[:limit]) + (f" + {len(names) - limit} more" if len(names) > limit else "")
    return f"{shown} (region)" if ev.geo_precision == 3 and len(names) == 1 else shown


def figures_text(ev: Event) -> str:
    """``35 killed, 50 wounded``; qualified (``approx. 30 …``) and with the range when it is one."""
    parts = [f"{getattr(ev, c):,} {CATEGORY_WORDS[c]}" for c in CATEGORIES if getattr(ev, c) is not None]
    if not parts:
        best = ev.casualties_best
        parts = [f"{best:,} casualties" if best is not None else "no figure"]
    text = ", ".join(parts)
    qualifier = _qualifier_word(ev)
    if qualifier:
        text = f"{qualifier} {text}"
    low, high = ev.casualties_low, ev.casualties_high
    if low is not None and high is not None and low != high:
        text += f" (range {low:,}–{high:,})"
    return text


def claim_line(ev: Event) -> str:
    """A one-line summary of a claim for the sources slide."""
    side = ev.actor or "side not stated"
    who = f"; claimed by {ev.claimed_by}" if ev.claimed_by else ""
    return f"{date_text(ev)}: {figures_text(ev)}, {side}, {places_text(ev)}{who}"
