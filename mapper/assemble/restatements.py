"""One report telling the same claim twice: a headline or lead and the body that tells it again.

A report's headline ("Strike on Sumy: two killed, five wounded") and often its lead restate the
claim the body tells in detail; each sentence becomes an event, so the claim would be counted twice.
A figure of the headline or lead is folded into a later event of the same report that tells it
again: the same category and value, the same side, a date and places that agree (different days or
places far apart stay apart), and no word saying the later figure comes on top of one told before
("another", "ещё", "ще"). A headline's figure is also folded when it sums the body's figures of its
category ("two killed" over one killed in each of two villages). A headline or lead event left with
no figure of its own is dropped; one with figures not told again keeps those.

Further down a report a count is also told again in other forms (:func:`_updated`): the wounded
counted by their condition ("three of them are in intensive care"), a toll that rose ("the number of
injured has risen to five" replaces the three told before), the wounded who later died ("one of them
later died": one of the wounded counted dead instead), and a sentence opening with "in total" that
repeats the count just told. Each rule's words are the languages' (``mapper/extract/lang``)::

    >>> import datetime
    >>> from mapper.model.events import Event, EventLocation, Source
    >>> sumy = EventLocation("Sumy", "Sumy", 50.91, 34.80, "UA", "Sumy Oblast", "", "sumy", 1, True, "")
    >>> def ev(i, quote, **figures):
    ...     return Event(f"ev-{i}", "doc", event_date=datetime.date(2024, 5, 1), locations=(sumy,),
    ...                  sources=(Source("doc", quote=quote),), **figures)
    >>> text = "Strike on Sumy: two killed\\n\\nA drone hit Sumy on Wednesday. Two people were killed in Sumy."
    >>> [e.event_id for e in fold_restatements([ev(1, "Strike on Sumy: two killed", killed=2),
    ...                                         ev(2, "Two people were killed in Sumy.", killed=2)], text)]
    ['ev-2']
"""

from __future__ import annotations

import re
from dataclasses import replace

from gazetteer import haversine_km
from mapper._internal.anchored import AnchoredPattern
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.lang import LANGUAGES, alternation
from mapper.extract.casualties import find_figures
from mapper.extract.numbers import find_numbers
from mapper.extract.quantities import ADDITIVE
from mapper.model.events import CATEGORIES, Event, total_casualties

__all__ = ["fold_restatements", "opening_spans", "event_positions", "quote_of", "same_side_and_time", "own_places",
           "figures_of", "with_figures", "RECAP_RE"]

#: Places of two events this close (km) are one place (a town and its named outskirts).
NEAR_KM = 10.0
#: More events than this in the headline and lead: no headline (a one-line list of claims), nothing folded.
MAX_OPENING = 12
#: A figure told again in another form looks back this many events for the count it belongs to.
LOOK_BACK = 30
_ADDITIVE_RE = compile_with_first_chars(ADDITIVE, re.I)
#: What a sentence says of a count told before (:func:`_updated`): each looked for when first asked.
_TOLD_AGAIN = {
    "condition": AnchoredPattern(rf"(?<!\w)(?:{alternation(lang.casualties.condition for lang in LANGUAGES)})(?!\w)",
                                 re.I),
    "update": AnchoredPattern("|".join(rf"(?<!\w)(?:{lang.casualties.increase})\s+(?:{lang.casualties.to})(?!\w)"
                                       for lang in LANGUAGES if lang.casualties.increase and lang.casualties.to), re.I),
    "additive": AnchoredPattern(ADDITIVE, re.I)}
_OF_WOUNDED_RE = re.compile(rf"\s+(?:{alternation(lang.casualties.of_wounded for lang in LANGUAGES)})(?!\w)", re.I)
#: A sentence opening with "in total" ("всего", "загалом") sums up what was told before it.
RECAP_RE = re.compile(rf"\W*(?:{alternation(lang.kinds.weak_totals for lang in LANGUAGES)})(?!\w)", re.I)
#: A headline line ends without a full stop (a quote or bracket may close it).
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”»’)\]]*\s*$")
_MAX_HEADLINE = 250


def opening_spans(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """``(headline, lead)`` spans of a report: the headline is its first line when that line is a
    title (no full stop at its end, more text below it); the lead is the first line after it.

    >>> opening_spans("Two killed in Sumy\\n\\nA drone hit Sumy. Two died.\\nMore below.")
    ((0, 18), (20, 47))
    >>> opening_spans("KYIV, May 1 - Two people were killed.\\nMore below.")
    (None, (0, 37))
    """
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            lines.append((start, pos + len(line.rstrip())))
        pos += len(line) + 1
        if len(lines) == 2:
            break
    if not lines:
        return None, None
    first = lines[0]
    if len(lines) == 2 and first[1] - first[0] <= _MAX_HEADLINE and not _SENTENCE_END_RE.search(text, *first):
        return first, lines[1]
    return None, first


def fold_restatements(events: list[Event], text: str) -> list[Event]:
    """The events of one report (in the order it gives them) without the headline's and lead's
    figures that a later event tells again, nor figures told again in another form (:func:`_updated`)."""
    if len(events) < 2:
        return list(events)
    headline, lead = opening_spans(text)
    where = event_positions(events, text)
    role = ["headline" if _within(p, headline) else "lead" if _within(p, lead) else "body" for p in where]
    opening = [i for i, r in enumerate(role) if r != "body"]
    if not opening or len(opening) > MAX_OPENING or "headline" not in role and "body" not in role:
        return _updated(list(events), where)
    first = _first_tellers(events, where, role)
    out: list[Event | None] = list(events)
    for i in opening:
        ev = events[i]
        # a lead and a later sentence that both name no place may tell two incidents ("a man was killed")
        later = [j for j in range(len(events)) if where[j] > where[i] and role[j] != "headline" and out[j] is not None
                 and (role[j] == "body" or role[i] == "headline") and _agree(ev, events[j])
                 and (role[i] == "headline" or own_places(ev) or own_places(events[j]))]
        left, tellers = {}, {}
        for c in CATEGORIES:
            value = getattr(ev, c)
            if value is None:
                continue
            same = [j for j in later if getattr(out[j], c) == value and not _adds(events[j], j, first[c])]
            parts = [j for j in later if getattr(out[j], c) is not None]
            if same:
                tellers.setdefault(same[0], []).append(c)
            elif not (role[i] == "headline" and len(parts) > 1 and sum(getattr(out[j], c) for j in parts) == value):
                left[c] = value
        if len(left) == sum(getattr(ev, c) is not None for c in CATEGORIES):
            continue  # told nowhere again
        for j in tellers:
            out[j] = _told_again(out[j], ev)
        out[i] = with_figures(ev, left) if left else None
    kept = [i for i, ev in enumerate(out) if ev is not None]
    return _updated([out[i] for i in kept], [where[i] for i in kept])


def _first_tellers(events: list[Event], where: list[int], role: list[str]) -> dict[str, list[int]]:
    """Per category, the first two events out of the headline that give one (by position)."""
    first: dict[str, list[int]] = {c: [] for c in CATEGORIES}
    for j in sorted(range(len(events)), key=where.__getitem__):
        if role[j] != "headline":
            for c in CATEGORIES:
                if getattr(events[j], c) is not None and len(first[c]) < 2:
                    first[c].append(j)
    return first


def _adds(ev: Event, j: int, first: list[int]) -> bool:
    """Whether event ``j`` says its figure comes on top of one of its category told before it in the
    body or lead ("Another man was killed"); a headline is no figure the body adds to."""
    return bool(first) and first[0] != j and bool(_ADDITIVE_RE.search(quote_of(ev)))


def _updated(events: list[Event], where: list[int]) -> list[Event]:
    """Figures told again further down the report in another form: the wounded counted by where
    or how they are ("three of them are in intensive care"), part of a count told before; and an
    earlier figure that a later one updates ("the number of injured has risen to five")."""
    out: list[Event | None] = list(events)
    read: dict[int, dict] = {}  # sentence position -> what it says (a sentence of many claims is read once)
    told_update = False  # a toll that rose was told before: a figure "on top" may be in it
    for j, ev in enumerate(events):
        quote = quote_of(ev)
        said = read.setdefault(where[j], {"quote": quote})  # (read in the first quote told there)
        update, recap = _says(said, "update"), _says(said, "recap")
        condition = bool(ev.wounded) and _says(said, "condition")
        if ev.killed and _OF_WOUNDED_RE.search(quote) and _died_of_wounded(quote, ev.killed):
            if ev.wounded:  # "two were wounded, one of them later died": one killed, one wounded
                out[j] = _moved(out[j], ev, ev, own=True)
            elif j and (moved := _moved(out[j - 1], events[j - 1], ev)) is not out[j - 1]:
                out[j - 1], out[j] = moved, _without(out[j], "killed")
        told_update = told_update or update
        additive = told_update and not update and _says(said, "additive")  # more on top of a toll that rose
        if not (ev.wounded and condition) and not update and not recap and not additive:
            continue
        earlier = [k for k in range(max(0, j - LOOK_BACK), j) if where[k] < where[j] and out[k] is not None
                   and _agree(events[k], ev)]
        if ev.wounded and condition and not _says(said, "additive") and any(
                (events[k].wounded or 0) >= ev.wounded for k in earlier):
            out[j] = _without(out[j], "wounded")
        if recap and any(out[k] is not None and figures_of(out[k]) == figures_of(ev) for k in earlier):
            out[j] = None  # "In total: 1 killed, 4 injured" after the same count: the count told again
        if additive:  # "the toll rose to 15 ... the bodies of two more were recovered": in the 15
            for c in CATEGORIES:
                value = getattr(ev, c)
                if value and any(out[k] is not None and _says(read[where[k]], "update")
                                 and (getattr(events[k], c) or 0) > value for k in earlier):
                    out[j] = _without(out[j], c)
        if update:
            for c in CATEGORIES:
                value = getattr(ev, c)
                for k in earlier if value is not None else ():
                    if out[k] is not None and (getattr(out[k], c) or value) < value:
                        out[k] = _without(out[k], c)
    return [ev for ev in out if ev is not None]


def _says(said: dict, what: str) -> bool:
    """Whether the sentence ``said["quote"]`` says ``what`` (a :data:`_TOLD_AGAIN` word, or "recap": it
    opens with "in total"), looked for when first asked and kept in ``said``."""
    found = said.get(what)
    if found is None:
        quote = said["quote"]
        found = said[what] = (RECAP_RE.match(quote) if what == "recap" else _TOLD_AGAIN[what].search(quote)) is not None
    return found


def _died_of_wounded(quote: str, killed: int) -> bool:
    """Whether the sentence tells its dead as some of the wounded counted before ("one of them
    later died", "один из них скончался"): the number of the dead right before "of them", and their
    death word after it ("one of them with severe injuries" is none)."""
    return any(n.value == killed and _OF_WOUNDED_RE.match(quote, n.end) and any(
        f.category == "killed" and f.start == 0 and f.best == killed for f in find_figures(quote[n.start:]))
        for n in find_numbers(quote))


def _moved(before: Event | None, told: Event, died: Event, own: bool = False) -> Event | None:
    """The event told just before (or ``own``: the event itself), with the wounded who died among
    its dead (unchanged when it is not of the same side and day or counts fewer wounded)."""
    if before is None or not before.wounded or before.wounded < died.killed or not same_side_and_time(told, died):
        return before
    figures = {c: getattr(before, c) for c in CATEGORIES if getattr(before, c) is not None}
    figures["killed"] = (0 if own else before.killed or 0) + died.killed
    figures["wounded"] = before.wounded - died.killed or None
    return with_figures(before, {c: v for c, v in figures.items() if v is not None})


def figures_of(ev: Event) -> dict[str, int]:
    return {c: getattr(ev, c) for c in CATEGORIES if getattr(ev, c) is not None}


def _without(ev: Event | None, category: str) -> Event | None:
    """The event without one category's figure (None when it has no other)."""
    if ev is None:
        return None
    left = {c: getattr(ev, c) for c in CATEGORIES if c != category and getattr(ev, c) is not None}
    return with_figures(ev, left) if left else None


def quote_of(ev: Event) -> str:
    return (ev.sources[0].quote if ev.sources else ev.source_quote) or ""


def event_positions(events: list[Event], text: str) -> list[int]:
    """Where each event's sentence stands in the text (events come in the report's order, so each
    is looked for from the one before; its quote's start when its sentence is not found)."""
    out, at = [], 0
    for ev in events:
        quote = ev.sources[0].quote if ev.sources else None
        found = text.find(quote, at) if quote else -1
        if found < 0 and quote:
            found = text.find(quote)
        out.append(found if found >= 0 else (ev.quote_start or 0))
        at = max(at, out[-1])
    return out


def _within(pos: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= pos < span[1]


def _agree(a: Event, b: Event) -> bool:
    """Same side (or one unnamed), dates that overlap, and places that agree."""
    return same_side_and_time(a, b) and _places_agree(own_places(a), own_places(b))


def same_side_and_time(a: Event, b: Event) -> bool:
    """Same side (or one unnamed) and dates that overlap."""
    if a.actor and b.actor and a.actor != b.actor:
        return False
    return not (a.event_date and b.event_date) or (
        a.event_date <= (b.event_date_end or b.event_date) and b.event_date <= (a.event_date_end or a.event_date))


def own_places(ev: Event) -> tuple:
    """The places named in the event's own sentence: a place taken from a neighbouring sentence
    says nothing against another telling. Kept in the instance's ``__dict__`` (read once per event)."""
    try:
        return ev.__dict__["_own_places"]
    except KeyError:
        quote = quote_of(ev)
        own = ev.__dict__["_own_places"] = tuple(loc for loc in ev.locations if loc.mention and loc.mention in quote)
        return own


def _places_agree(a: tuple, b: tuple) -> bool:
    """No places on one side, a place in common, points within :data:`NEAR_KM`, or one side's
    region (or district) holding the other's places."""
    if not a or not b:
        return True
    ids_a = {loc.gazetteer_id or loc.mention.casefold() for loc in a}
    ids_b = {loc.gazetteer_id or loc.mention.casefold() for loc in b}
    if ids_a & ids_b:
        return True
    if any(x.has_point and y.has_point and haversine_km(x.latitude, x.longitude, y.latitude, y.longitude) <= NEAR_KM
           for x in a for y in b):
        return True
    return _holds(a, b) or _holds(b, a)


def _holds(regions: tuple, places: tuple) -> bool:
    """Every place of ``places`` lies in a region or district of ``regions``."""
    areas = {loc.name for loc in regions if loc.name and loc.name in (loc.admin1, loc.admin2)}
    return bool(areas) and all(loc.admin1 in areas or loc.admin2 in areas for loc in places)


def _told_again(body: Event, first: Event) -> Event:
    """The later telling, with what only the first telling says (its running-total flag, its
    qualifier, a place or claimant the later one lacks)."""
    return replace(
        body,
        cumulative=body.cumulative or first.cumulative,
        approximate=body.approximate or first.approximate,
        qualifier=body.qualifier or first.qualifier,
        claimed_by=body.claimed_by or first.claimed_by,
        claim_words=body.claim_words or first.claim_words,
        actor=body.actor or first.actor,
        **({} if body.locations else dict(locations=first.locations, geo_precision=first.geo_precision,
                                          location_note=first.location_note)),
    )


def with_figures(ev: Event, figures: dict[str, int]) -> Event:
    """The event keeping only ``figures`` (those no later event tells again)."""
    best = total_casualties(figures)
    return replace(ev, **{c: figures.get(c) for c in CATEGORIES},
                   casualties_low=best, casualties_best=best, casualties_high=best)
