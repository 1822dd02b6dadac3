"""The places of a claim: its sentence's settlements, else a neighbouring sentence's, else the
district or region (:func:`claim_locations`); and one claim, one place.

The figures of a sentence that names places far apart go to their own places.

"Five people were killed in Kharkiv and 20 wounded in Odesa" is two claims, not one plotted halfway
between the cities. Each figure takes the places of its own part of the sentence: a place goes to
the figure whose words are nearest it (the earlier one on a tie), so a place before its figure ("In
Kharkiv, five people were killed, and in Odesa ...") and one after it both find their figure. The
sentence is split only when it must be: it has several figures, names places more than
:data:`SPLIT_KM` apart, and every part names a place; otherwise all its figures share all its places,
as before (villages named together are one area)::

    >>> from types import SimpleNamespace as Ns
    >>> kharkiv = Ns(start=25, end=32, resolution=Ns(resolved=True), place=Ns(latitude=49.99, longitude=36.23))
    >>> odesa = Ns(start=50, end=55, resolution=Ns(resolved=True), place=Ns(latitude=46.48, longitude=30.72))
    >>> killed, wounded = Ns(start=0, end=21), Ns(start=38, end=48)
    >>> [(len(f), [p.start for p in s]) for f, s in places_by_figure([killed, wounded], [kharkiv, odesa], 0)]
    [(1, [25]), (1, [50])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations
from typing import TypeVar

from gazetteer.matching import world_city
from gazetteer.normalize import name_key
from gazetteer.place import ADMIN2_CODE, haversine_km
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.geoparse import Mention
from mapper.extract.lang import LANGUAGES, alternation
from mapper.extract.sentences import Sentence
from mapper.model.events import EventLocation

__all__ = ["SPLIT_KM", "places_by_figure", "claim_locations", "event_sites", "named_sites"]

_PLACES = [lang.places for lang in LANGUAGES]
#: A sentence that says where casualties named elsewhere happened.
_ANAPHORA = compile_with_first_chars(rf"(?i)\b({alternation(p.anaphora for p in _PLACES)})\b")
#: A sentence saying nobody was hurt: its places had no casualties to lend a claim.
_UNHARMED = compile_with_first_chars(rf"(?i)(?<!\w)(?:{alternation(p.unharmed for p in _PLACES if p.unharmed)})(?!\w)")
#: Words before a place where the wounded were taken ("госпитализирован в Курск"): no place of the claim.
_DESTINATION = compile_with_first_chars(rf"(?i)(?<!\w)(?:{alternation(p.destination for p in _PLACES if p.destination)})$")
#: The later names of a list after such words ("в больницы Курска, Льгова и Большого Солдатского").
_DESTINATION_LIST = compile_with_first_chars(
    rf"(?i)(?<!\w)(?:{alternation(p.destination for p in _PLACES if p.destination)})"
    rf"(?:[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?(?:\s*,\s*|\s+(?:{alternation(j for p in _PLACES for j in p.list_joins)})\s+))+$")
#: A claim's words for places just named ("they lost 120 men here"): the sentences before it lend theirs.
_HERE = compile_with_first_chars(rf"(?i)(?<!\w)(?:{alternation(p.here for p in _PLACES if p.here)})(?!\w)")
_LIST_TAIL = re.compile(rf"(?i)(?:,|\s(?:{alternation(j for p in _PLACES for j in p.list_joins)}))\s*$")
_NEIGHBOUR_SENTENCES = 3
_WORD = re.compile(r"[^\W\d_]+")
_HEADING_WORDS = 5
#: Words right before a place that make a claim "near" it: ACLED geo-precision 2.
_NEAR = compile_with_first_chars(rf"(?i)(?:{alternation(p.near for p in _PLACES)})\s+"
                                 rf"(?:the\s+)?(?:{alternation(p.near_nouns for p in _PLACES)})?$")
#: A preposition meaning "by" before a genitive (Russian "у Мартыновки"), and the genitive's last letters.
_BY = re.compile(rf"(?i)(?:^|\s)(?:{alternation(re.escape(p.by_preposition) for p in _PLACES)})\s+$")
_GENITIVE_ENDINGS = "".join(p.genitive_endings for p in _PLACES)

#: Places farther apart than this are separate sites, not one area ("near Plekhovo and Martynovka").
SPLIT_KM = 25.0
_DISTRICT_CODES = (ADMIN2_CODE, "ADM3")  # districts and communities

F = TypeVar("F")
M = TypeVar("M")


def places_by_figure(figures: Sequence[F], sites: Sequence[M], offset: int) -> list[tuple[list[F], list[M]]]:
    """``(figures, their places)`` groups of one sentence's claim.

    ``figures`` have ``start``/``end`` relative to the sentence, which starts at ``offset`` in the
    report; ``sites`` are its place mentions (``start``/``end`` in the report, ``resolution``,
    ``place``). One group with everything unless the sentence must be split (see the module doc).
    """
    if len(figures) < 2 or len(sites) < 2 or not _far_apart(sites):
        return [(list(figures), list(sites))]
    ordered = sorted(range(len(figures)), key=lambda i: figures[i].start)
    own: dict[int, list[M]] = {i: [] for i in ordered}
    for site in sites:
        a, b = site.start - offset, site.end - offset
        nearest = min(ordered, key=lambda i: (_gap(figures[i], a, b), figures[i].start))
        own[nearest].append(site)
    if any(not places for places in own.values()):
        return [(list(figures), list(sites))]  # a figure whose part names no place: one claim, as written
    groups: dict[tuple[int, ...], tuple[list[F], list[M]]] = {}
    for i in ordered:  # figures of the same places stay one claim
        key = tuple(id(p) for p in own[i])
        groups.setdefault(key, ([], own[i]))[0].append(figures[i])
    return list(groups.values())


def _gap(figure, a: int, b: int) -> int:
    """Characters between a figure's words and a place at ``a:b`` (0 when they touch)."""
    return max(0, a - figure.end, figure.start - b)


def _far_apart(sites) -> bool:
    points = [(m.place.latitude, m.place.longitude) for m in sites if m.resolution.resolved and m.place is not None]
    return any(haversine_km(*p, *q) > SPLIT_KM for p, q in combinations(points, 2))


def _is_site(m: Mention) -> bool:
    """A settlement mention (resolved or not): a place where fighting happens. Oblasts and
    districts only qualify other names or stand in when no settlement is named; a place inside an
    organisation's, title's or vessel's name ("Kursk governor") is no place of events."""
    if m.how in ("region", "district", "organisation"):
        return False
    return not m.resolution.resolved or m.place.is_settlement


def named_sites(s: Sentence, report) -> list[Mention]:
    """The settlements a sentence names (no regions, districts, organisations), but those the wounded
    were taken to; found once per sentence when the report keeps them (its ``named`` dict)."""
    kept = getattr(report, "named", None)
    found = kept.get(s.index) if kept is not None else None
    if found is None:
        found = [m for m in report.by_sentence.get(s.index, []) if _is_site(m) and not _taken_to(report.text, m)]
        if len(found) > 1:  # "Kharkiv: one killed after a strike on Zolochiv": the line's heading is no site
            found = [m for m in found if not _line_heading(report.text, m)] or found
        if kept is not None:
            kept[s.index] = found
    return found


def _line_heading(text: str, m: Mention) -> bool:
    """The mention opens its line (after a bullet at most) and a colon follows it: "Kharkiv: ..."."""
    line = text.rfind("\n", 0, m.start) + 1
    return not text[line:m.start].strip(" \t-–—•*·") and text[m.end:m.end + 3].lstrip(" ").startswith(":")


def _taken_to(text: str, m: Mention) -> bool:
    """The place is where casualties were taken ("он госпитализирован в Курск", "taken to hospital in
    Sumy"), not where they were hurt."""
    return bool(_DESTINATION.search(text, max(0, m.start - 60), m.start)
                or bool(_LIST_TAIL.search(text, max(0, m.start - 6), m.start))
                and bool(_DESTINATION_LIST.search(text, max(0, m.start - 90), m.start)))


def event_sites(s: Sentence, report, named: list[Mention] | None = None) -> list[Mention]:
    """The places of events among the settlements a sentence names (``named``: a part of them): a
    far city, where claims are made, only when they hold nothing else."""
    in_sentence = report.by_sentence.get(s.index, [])
    sites = named_sites(s, report) if named is None else named
    if report.theatre is not None and sites:  # "said in Washington that ... in Russia's Kursk region"
        home = [m for m in sites if not _far_city(m, report.theatre)]
        regions = any(m.how == "region" and m.resolution.resolved for m in in_sentence)
        sites = home if home or regions else sites
    return sites


def claim_locations(s: Sentence, report, only: list[Mention] | None = None, summed: bool = False):
    """Places of a claim: ``(locations, geo_precision, note, sentences used)``; ``only``: the sentence's
    places that are this claim's (:func:`places_by_figure`), else all of them; ``summed``: the claim is a
    running total, which stays at the region its sentence names (it sums many places: a village told
    beside it is one of them at most).

    A neighbouring sentence lends its places when it speaks of fighting or casualties;
    when this sentence names an oblast, only places in that oblast, and only from a
    sentence without figures of its own (those places belong to that claim). A city named like that oblast
    ("Kursk" beside "the Kursk region") is the oblast's shorthand, not a place of its own. A capital or
    city of a million outside the theatre is where a claim was made, not its place, when the sentence
    names a place or region of the theatre too ("said in Washington that ... in the Kursk region").
    """
    text, by_sentence = report.text, report.by_sentence
    in_sentence = by_sentence.get(s.index, [])
    regions = [m for m in in_sentence if m.how == "region" and m.resolution.resolved]
    sites = event_sites(s, report) if only is None else only
    used: list[Sentence] = []
    note = ""
    if not sites:
        region_codes = {m.place.admin1_code for m in regions}
        namesakes = {name_key(m.query_words[0]) for m in regions if m.query_words}
        # a sentence naming its district or community ("Есманська громада: ... тракторист травмований")
        # is one item of a list: a neighbour naming another district is another item, not its place
        districts = _districts(in_sentence)
        lent: list[Mention] = []  # the districts of the nearest sentence about the same casualties
        here = not (regions or districts) and bool(_HERE.search(text, s.start, s.end))  # (else "here" is those)
        for other, apart in [] if summed and regions else _neighbours(s, report.sentences, text, here):
            if (regions or districts or apart and other.index > s.index) and other.index in report.with_figures:
                continue  # (a later item of a list has its own claim, and its places are that claim's)
            if apart and other.index > s.index and other.paragraph != s.paragraph and (
                    other.paragraph in report.figure_paragraphs()):
                continue  # a later paragraph telling its own casualties: its villages are its claim's
            theirs = by_sentence.get(other.index, [])
            if districts and (named := _districts(theirs)) and not named & districts:
                continue
            if not (here and other.index < s.index or _ANAPHORA.search(text, other.start, other.end)
                    or _heading(other, s, text)) \
                    or _UNHARMED.search(text, other.start, other.end):
                continue
            found = [m for m in theirs if _is_site(m) and not _seat(m, report.theatre) and not _taken_to(text, m)
                     and (not region_codes or not m.resolution.resolved or m.place.admin1_code in region_codes)
                     and not (m.resolution.resolved and name_key(m.place.name) in namesakes)]
            if found:
                sites, used = found, [other]
                note = "places from a neighbouring sentence about the same casualties"
                break
            if not lent and other.index not in report.with_figures:
                lent = [m for m in theirs if m.how == "district" and m.resolution.resolved and (
                    not region_codes or m.place.admin1_code in region_codes)]
                used = [other] if lent else []
        if not sites and lent and not districts and not regions and len(lent) <= 2:  # no list of communities
            lent = [m for m in lent if not m.place.is_admin2] or lent  # a community in its district: the community
            locs = _dedupe([_location(m) for m in lent])
            return locs, 2, "district from a neighbouring sentence about the same casualties", used
        if not sites:
            used = []
    if sites and any(m.resolution.resolved for m in sites):
        locs = _dedupe([_location(m) for m in sites])
        resolved = [loc for loc in locs if loc.has_point]
        precision = resolved[0].geo_precision if len(locs) == 1 else 2
        if precision == 1 and _is_near(text, sites[0]):
            precision, note = 2, note or f"near {resolved[0].name}"
        return locs, precision, note, used
    unresolved = _dedupe([_location(m) for m in sites])  # named, but not placed: fall back to the area
    lent_by = [m for x in used for m in by_sentence.get(x.index, [])]  # its districts (not a region it contrasts)
    districts = [m for m in in_sentence + lent_by if m.resolution.resolved and (m.how == "district" or (
        m.how not in ("region", "organisation") and m.place.feature_code in _DISTRICT_CODES))]  # "strikes against Novhorod-Siverskyi Raion"
    if districts:
        locs = _dedupe([_location(m) for m in districts])
        return unresolved + locs, 2, note or "district named, no settlement", used
    if not regions:
        regions = report.document_region(s)
        note = "region named elsewhere in the report" if regions else "no place named"
    locs = _dedupe([_location(m) for m in regions])
    if unresolved and locs:
        note = f"{', '.join(loc.mention for loc in unresolved)} not placed; region used"
    return unresolved + locs, (3 if locs else None), note, used


def _districts(mentions: list[Mention]) -> set[str]:
    """The gazetteer ids of the districts and communities resolved among ``mentions``."""
    return {m.place.id for m in mentions if m.how == "district" and m.resolution.resolved}


def _far_city(m: Mention, theatre) -> bool:
    """A capital or city of a million outside the theatre, where claims are made and people meet."""
    return (m.resolution.resolved and theatre is not None and world_city(m.place)
            and not theatre.contains(m.place))


def _seat(m: Mention, theatre) -> bool:
    """A place another sentence names that a claim does not borrow: a national capital, or a
    :func:`_far_city` ("Zelensky, speaking in Kyiv, ...", "met Putin in St Petersburg")."""
    return m.resolution.resolved and (m.place.feature_code == "PPLC" or _far_city(m, theatre))


def _is_near(text: str, mention: Mention) -> bool:
    """The claim is *near* the place ("near Sudzha", "під Суджею", Russian "у Мартыновки")."""
    before = text[max(0, mention.start - 40):mention.start]
    if _NEAR.search(before):
        return True
    # Russian "у" + genitive (у Мартыновки) means "by"; Ukrainian "у" + locative (у Ворожбі) means "in".
    return mention.text[-1:].lower() in _GENITIVE_ENDINGS and bool(_BY.search(before))


def _neighbours(s: Sentence, sentences: list[Sentence], text: str, here: bool = False) -> list[tuple[Sentence, bool]]:
    """``(sentence, apart)``: sentences after, then before, the given one (nearest first), at most a few
    away. Those of its paragraph and line come first; then, ``apart``, those before it (a story goes on
    from what it told: "Two more soldiers surrendered"), then those after it (the next paragraph or line
    is often the next incident of a list). ``here``: the claim points to places just named: those before first."""
    after = sentences[s.index + 1:s.index + 1 + _NEIGHBOUR_SENTENCES]  # indices are list positions
    before = sentences[max(0, s.index - _NEIGHBOUR_SENTENCES):s.index][::-1]

    tagged = [(x, x.paragraph != s.paragraph or "\n" in text[min(x.end, s.end):max(x.start, s.start)])
              for x in after + before]
    return sorted(tagged, key=lambda t: (here and t[0].index > s.index, t[1], t[1] and t[0].index > s.index))  # stable


def _heading(other: Sentence, s: Sentence, text: str) -> bool:
    """A short line or sentence before the claim that names where the next lines happen ("Trubchevsk,
    this morning.", "Update on Grayvoron.", "Kharkiv."): it lends its places without speaking of fighting."""
    return (other.index < s.index and other.end - other.start < 80
            and len(_WORD.findall(text, other.start, other.end)) <= _HEADING_WORDS)


def _location(m: Mention) -> EventLocation:
    p = m.place
    return EventLocation(
        mention=m.text, name=p.name if p else None, latitude=p.latitude if p else None,
        longitude=p.longitude if p else None, country_code=p.country_code if p else None,
        admin1=p.admin1 if p else None, admin2=p.admin2 if p else None, gazetteer_id=p.id if p else None,
        geo_precision=m.resolution.geo_precision if p else None, resolved=p is not None,
        reason=m.resolution.reason,
    )


def _dedupe(locs: list[EventLocation]) -> list[EventLocation]:
    seen: dict[str, EventLocation] = {}
    for loc in locs:
        seen.setdefault(loc.gazetteer_id or f"unresolved:{loc.mention.casefold()}", loc)
    return list(seen.values())
