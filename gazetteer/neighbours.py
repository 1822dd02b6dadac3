"""The places around a name: confident neighbours pull a homonym to the namesake near them.

A name many places share ("Andriivka", "Семенівка", "Дружба") is read with the places the same
report puts on the map without doubt: first those of its sentence, then of its paragraph, then of
the whole document. Settlements (and hromadas, at their centre) count by distance, districts and
oblasts by membership. A namesake near them wins over a larger or theatre-favoured one farther
off; when every namesake lies more than :data:`FAR_KM` from all of them and outside their districts
and oblasts, the name stays unresolved, the reason naming the neighbours and the namesakes kept as
alternatives: a wrong place is worse than none. A district or oblast named beside the name itself
still outranks all this, and a city (capital, oblast centre, 100,000 people) is never refused.

A namesake clause ("not to be confused with Oleshnia in Okhtyrka Raion") speaks of another place:
its names lend nothing to the name before it; and a front direction named after a town ("the
Pokrovsk and Kursk directions") is a sector of the front, not that town::

    >>> text = "This Oleshnya is not to be confused with Oleshnia in Okhtyrka Raion."
    >>> a, b = clause_of(text, 0, len(text), 5)
    >>> text[a:b]
    'This Oleshnya is not to '
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
import re
from functools import lru_cache

from gazetteer import lang
from gazetteer.context import _INSTITUTION_AFTER, _INSTITUTION_BEFORE, Context, _is_actor, front_sector_spans, lowered
from gazetteer.normalize import name_key
from gazetteer.oblast_names import names_oblast
from gazetteer.place import MatchKind, Place, farther_than_km
from gazetteer.resolver import Candidate, Resolution

__all__ = ["FAR_KM", "Anchor", "Neighbourhood", "clause_of", "namesake_marker", "stands_for_government"]

#: A namesake farther than this from every confident neighbour is not the place meant.
FAR_KM = 60.0
#: Cities are named for themselves (datelines, governments): never refused, never a neighbour's pull.
_FAR_DEGREES = FAR_KM / 111.0
#: Anchors heard on each side of a name, in text order (a report has a few dozen; a list of
#: thousands of places must not cost a square).
_WINDOW = 40
_CITY_POPULATION = 100_000
_CITY_CODES = ("PPLC", "PPLA")
_TOWN_POPULATION = 10_000
#: Candidates closer than this are one place given twice (two sources), not namesakes.
_SAME_KM = 10.0
_LEVELS = ("sentence", "paragraph", "document")
_OBLAST_WORD = lang.admin_words(lang.Use.NAME, lang.Level.OBLAST)[0]
#: A report that names oblasts and no place near this far off is not about a village there.
ELSEWHERE_KM = 200.0
_ELSEWHERE_DEGREES = ELSEWHERE_KM / 111.0  # a degree of latitude is 111.2 km: a little more, to be sure
_NAMESAKE_WORDS = lang.words(lang.Role.NAMESAKE)
_NAMESAKE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in _NAMESAKE_WORDS) + r")(?!\w)")


@lru_cache(maxsize=4096)
def namesake_marker(sentence: str) -> int:
    """Offset of the words opening a namesake clause in ``sentence``, or -1.

    >>> namesake_marker("Ворожбу не следует путать с одноимённым городом")
    19
    >>> namesake_marker("Ворожба Сумского района")
    -1
    """
    low = lowered(sentence)
    if not any(w in low for w in _NAMESAKE_WORDS):  # substring scans in C first: the regex tries every position
        return -1
    m = _NAMESAKE.search(low)
    return m.start() if m else -1


def clause_of(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The part of the sentence ``text[start:end]`` holding ``pos``: the sentence, or its part before
    or from a namesake clause."""
    cut = namesake_marker(text[start:end])
    if cut < 0:
        return start, end
    return (start, start + cut) if pos < start + cut else (start + cut, end)


def stands_for_government(text: str, start: int, end: int) -> bool:
    """Does the name at ``text[start:end]`` stand for a government, as a country word may ("Moscow
    blamed Kyiv", "urged Washington", "Moscow's Defence Ministry"), rather than name a place?

    >>> stands_for_government("Moscow blamed Kyiv for it", 0, 6), stands_for_government("a blast in Moscow", 11, 17)
    (True, False)
    """
    after = lang.unify(text[end:end + 30].casefold()).split()
    before = lang.unify(text[max(0, start - 20):start].casefold()).split()
    if after and after[0] in ("'s", "’s"):
        after = after[1:]
    return bool(after and after[0].strip(",.;:") in _INSTITUTION_AFTER or before and before[-1] in _INSTITUTION_BEFORE
                or _is_actor(after, before))


class Anchor:
    """A place the report names without doubt: a settlement or hromada (``area`` false, counted by
    distance) or a district or oblast (``area`` true, counted by membership). A plain class with
    slots: a report makes dozens, and a frozen dataclass sets each field through ``object.__setattr__``.

    >>> a = Anchor(Place(id="x", name="Sudzha", latitude=51.2, longitude=35.3), 3, 1, 0, "sudzha", False)
    >>> a.index, a.key, a.area
    (3, 'sudzha', False)
    """

    __slots__ = ("place", "index", "sentence", "paragraph", "key", "area")

    def __init__(self, place: Place, index: int, sentence: int, paragraph: int, key: str, area: bool):
        self.place = place
        self.index = index
        self.sentence = sentence
        self.paragraph = paragraph
        self.key = key
        self.area = area

    def __repr__(self) -> str:
        return (f"Anchor(place={self.place.name!r}, index={self.index}, sentence={self.sentence}, "
                f"paragraph={self.paragraph}, key={self.key!r}, area={self.area})")


class Neighbourhood:
    """The confident places of one document, to settle its homonyms (see the module doc).

    ``mentions`` are the spotted names (``start``, ``text``, ``how``, ``query``), ``first`` their
    first-pass resolutions, ``lends`` whether each was placed with confidence, ``where`` their
    sentences (``index``, ``paragraph``, ``start``, ``end``) or None; ``sectors`` the spans of the
    text's front sectors (:func:`~gazetteer.context.front_sector_spans`) when the caller has them.
    """

    def __init__(self, gazetteer, text: str, mentions, first, lends, where,
                 sectors: list[tuple[int, int]] | None = None):
        self.gazetteer = gazetteer
        self.text = text
        self.spans = [(m.start, m.end) for m in mentions]
        self.where = [(s.index, s.paragraph) if s else (-1, -1) for s in where]
        self.keys = [name_key(m.query) for m in mentions]
        if sectors is None:
            sectors = front_sector_spans(text) if _has_direction(text) else []
        starts = [a for a, _ in sectors]
        self.sector = [bool(sectors) and (k := bisect.bisect_right(starts, m.start) - 1) >= 0
                       and m.start < sectors[k][1] for m in mentions]
        #: ``(start, end)`` of the clause holding each mention (its sentence, or a part cut at a
        #: namesake clause), None outside sentences; one marker search per sentence
        self.clauses: list[tuple[int, int] | None] = []
        cuts: dict[int, int] = {}
        for m, sent in zip(mentions, where):
            if sent is None:
                self.clauses.append(None)
                continue
            if sent.index not in cuts:
                cuts[sent.index] = namesake_marker(text[sent.start:sent.end])
            cut = sent.start + cuts[sent.index] if cuts[sent.index] >= 0 else sent.end
            self.clauses.append((sent.start, cut) if m.start < cut else (cut, sent.end))
        self.theatre = gazetteer.theatre
        self.anchors: list[Anchor] = []
        settled = []
        for j, (m, r, s) in enumerate(zip(mentions, first, where)):
            if r.resolved and m.how == "organisation" and (oblast := _office_oblast(gazetteer, m.query, r.place)):
                # "the Sumy Regional Military Administration": its reports are of places in its oblast
                self.anchors.append(Anchor(oblast, j, *self.where[j], self.keys[j], True))
                continue
            if not r.resolved or self.sector[j] or _is_city(r.place) or (s and self.clauses[j][0] > s.start):
                continue  # unplaced, a front sector, a city, or named in a namesake clause
            p = r.place
            if p.is_admin1 or p.is_admin2 or not p.is_settlement:
                self.anchors.append(Anchor(p, j, *self.where[j], self.keys[j], p.is_admin1 or p.is_admin2))
            elif lends[j] and not (s is not None and m.start == s.start and r.match is MatchKind.INFLECTED):
                settled.append((j, p))  # not an inflected word opening a sentence ("Украинские ресурсы")
        self._oblasts = [a.place for a in self.anchors if a.place.is_admin1]  # the oblasts the report names
        oblasts = {o.admin1_code for o in self._oblasts}
        # the anchors by latitude: only those within ELSEWHERE_KM of a place's parallel can be that
        # near it, so the test of each settled place does not read every anchor of a long list
        self._latitudes = sorted((a.place.latitude, k) for k, a in enumerate(self.anchors))
        for j, p in settled:
            if self._sure(mentions[j].query, p, oblasts):
                bisect.insort(self._latitudes, (p.latitude, len(self.anchors)))
                self.anchors.append(Anchor(p, j, *self.where[j], self.keys[j], False))
        self.anchors.sort(key=lambda a: a.index)
        self._order = [a.index for a in self.anchors]

    def _sure(self, query: str, place: Place, oblasts: set[str]) -> bool:
        """Is a confidently placed settlement sure enough to place others? In an oblast the document
        names, or (unless far from all of them, :func:`_elsewhere`) in the theatre or the only place of
        its name."""
        if place.admin1_code in oblasts:
            return True
        if oblasts and _elsewhere(place, self._oblasts, self._within_band(place)):
            return False  # far from every oblast the report names: not sure enough to place others
        if self.theatre is not None and self.theatre.contains(place):
            return True
        return _only_one(self.gazetteer, query, place)

    def _within_band(self, place: Place) -> list[Place]:
        """The anchors so far whose latitude is within :data:`ELSEWHERE_KM` of ``place``'s."""
        lo = bisect.bisect_left(self._latitudes, (place.latitude - _ELSEWHERE_DEGREES,))
        hi = bisect.bisect_right(self._latitudes, (place.latitude + _ELSEWHERE_DEGREES, len(self.anchors)))
        return [self.anchors[k].place for _, k in self._latitudes[lo:hi]]

    def reading(self, i: int, how: str, res) -> str:
        """How mention ``i`` reads: ``how``, or "organisation" for a capital standing for its government
        ("Moscow blamed Kyiv", "за версією Москви"), which is no place of events."""
        place = res.place
        if place is not None and place.feature_code == "PPLC" and stands_for_government(self.text, *self.spans[i]):
            return "organisation"
        return how

    def around(self, i: int) -> list[tuple[int, Anchor]]:
        """``(level, anchor)`` of the anchors of mention ``i`` (0 sentence, 1 paragraph, 2 document),
        leaving out the mention itself and other mentions of its name."""
        sentence, paragraph = self.where[i]
        k = bisect.bisect_left(self._order, i)  # the nearest anchors in the text: bounded work per name
        return [(0 if a.sentence == sentence >= 0 else 1 if a.paragraph == paragraph >= 0 else 2, a)
                for a in self.anchors[max(0, k - _WINDOW):k + _WINDOW] if a.index != i and a.key != self.keys[i]]

    def settle(self, i: int, query: str, res, ctx: Context):
        """The resolution of mention ``i`` once its neighbours are heard (``res`` when they agree)."""
        if self.sector[i] and not (res.place is not None and _is_town(res.place)):
            return Resolution(query, None, 0.0, f"{query!r} names a front direction (a sector of the front, "
                              "named after a town), not a village")
        place = res.place
        if place is None or not place.is_settlement or _is_city(place) or place.admin1_code in ctx.admin1_codes \
                or (ctx.admin2_keys and ctx.in_named_district(place)):
            return res  # nothing to settle, a city, or a district or oblast named beside it decides
        anchors = self.around(i)
        if not anchors:
            return res
        if _only_one(self.gazetteer, query, place) and (
                self.theatre is None or self.theatre.contains(place)
                or any(a.place.country_code == place.country_code for _, a in anchors)) and not _elsewhere(
                place, [a.place for _, a in anchors if a.area and a.place.is_admin1], (a.place for _, a in anchors)):
            return res  # the one place of that name, in the theatre or on its neighbours' side of the border
        chosen = _fit(place, anchors)
        if chosen is not None and chosen[0] == 0:
            return res
        cands = self.gazetteer.candidates(query)
        # only the namesakes near a neighbour are scored (the scoring is the costly part)
        near = _near_any(cands, anchors)
        fitting = [(f, c) for f, p, how, sim in near
                   if not (c := self.gazetteer.score(query, p, how, sim, ctx)).contradiction]
        if not fitting:
            own = Candidate(place, res.score, res.match, tuple(res.reason.split("; ")), similarity=res.similarity)
            return Resolution(query, None, 0.0, _refusal(query, anchors, cands),
                              alternatives=(own, *res.alternatives[:4]))
        (level, km, anchor), best = min(fitting, key=lambda fc: (fc[0][0], fc[0][1], -fc[1].score))
        if chosen is not None and chosen[0] <= level:
            return res
        how_near = f"in {anchor.place.name}" if anchor.area else f"{km:.0f} km from {anchor.place.name}"
        why = f"{how_near}, named in the same {_LEVELS[level]}"
        own = Candidate(place, res.score, res.match, tuple(res.reason.split("; ")), similarity=res.similarity)
        rest = tuple(c for c in (own, *res.alternatives) if c.place.id != best.place.id)[:5]
        return Resolution(query, best.place, best.score, "; ".join((*best.reasons, why)), best.match, rest,
                          best.similarity)


def _fit(place: Place, anchors: list[tuple[int, Anchor]]) -> tuple[int, float, Anchor] | None:
    """``(level, km, anchor)`` of the nearest-level anchor ``place`` lies near or in, or None."""
    best = None
    for level, a in anchors:
        if a.area:
            if a.place.is_admin1:
                inside = place.admin1_code == a.place.admin1_code
            else:
                inside = bool(place.admin2) and name_key(place.admin2.split(" (")[0]) == name_key(a.place.admin2)
            km = FAR_KM / (1 if a.place.is_admin1 else 2) if inside else None
        elif abs(place.latitude - a.place.latitude) > _FAR_DEGREES:
            km = None  # a degree of latitude is 111 km: too far, without the trigonometry
        else:
            km = place.distance_km(a.place)
            km = km if km <= FAR_KM else None
        if km is not None and (best is None or (level, km) < best[:2]):
            best = (level, km, a)
    return best


def _near_any(cands, anchors: list[tuple[int, Anchor]]) -> list[tuple]:
    """``(fit, place, how, sim)`` of the candidates that lie near or in an anchor (:func:`_fit`). Unless a
    district is among the anchors, a candidate outside their oblasts and farther in latitude than
    :data:`FAR_KM` from all of them (by a hair more, against rounding) is passed over without the test."""
    if any(a.area and not a.place.is_admin1 for _, a in anchors):
        return [(f, p, how, sim) for p, how, sim in cands if (f := _fit(p, anchors)) is not None]
    oblasts = {a.place.admin1_code for _, a in anchors if a.area}
    latitudes = [a.place.latitude for _, a in anchors if not a.area]
    south = min(latitudes, default=math.inf) - _FAR_DEGREES - 1e-6
    north = max(latitudes, default=-math.inf) + _FAR_DEGREES + 1e-6
    return [(f, p, how, sim) for p, how, sim in cands
            if (p.admin1_code in oblasts or south <= p.latitude <= north) and (f := _fit(p, anchors)) is not None]


def _elsewhere(place: Place, oblasts: list[Place], named: Iterable[Place]) -> bool:
    """Is the one place of a name in another part of the country than the report? The report names
    oblasts, the place lies in none of them and more than :data:`ELSEWHERE_KM` from each of them and
    from every place it names ("У Чернігові..." / "У Ягідному...": not the Ягідне of Kharkiv oblast). Only
    a village: the data lacks many villages (the one it has may be a namesake), not towns (Severomorsk).
    ``oblasts``: the oblasts the report names; ``named``: every place it names without doubt."""
    if _is_town(place) or not oblasts or place.admin1_code in {o.admin1_code for o in oblasts}:
        return False
    return all(farther_than_km(place, other, ELSEWHERE_KM) for other in named)


def _refusal(query: str, anchors: list[tuple[int, Anchor]], cands) -> str:
    named = list(dict.fromkeys(f"{a.place.name} ({a.place.admin1 or '?'}, {a.place.country_code})"
                               for _, a in sorted(anchors, key=lambda la: la[0])))
    where = sorted({f"{p.admin1 or '?'} ({p.country_code})" for p, _, _ in cands})
    return (f"named with {', '.join(named[:4])}; none of the {len(cands)} known places called {query!r} "
            f"lies within {FAR_KM:.0f} km of them or in their district or oblast (they are in {', '.join(where)})")


def _is_town(place: Place) -> bool:
    """A town a front direction may be named after ("the Kupiansk axis"); villages give no direction names."""
    return place.is_settlement and (place.feature_code.startswith("PPLA") or place.population >= _TOWN_POPULATION)


def _is_city(place: Place) -> bool:
    return place.feature_code in _CITY_CODES or place.population >= _CITY_POPULATION


_DIRECTION_WORDS = [w.lower() for w in lang.admin_words(lang.Use.TEXT, lang.Level.DIRECTION)]
#: The direction words none of the others is part of ("direction" finds "directions" too): a text
#: holds a direction word exactly when it holds one of these, found by plain substring scans in C
#: (a regex alternation of them is tried at every "a", "d" and "н" of a report).
_DIRECTION_CORES = tuple(sorted({w for w in _DIRECTION_WORDS if not any(v != w and v in w for v in _DIRECTION_WORDS)}))


def _has_direction(text: str) -> bool:
    """Does the text name a front direction (or axis) anywhere? A quick test before the phrase scan.

    >>> _has_direction("fighting on the Kursk axis"), _has_direction("Kursk was quiet")
    (True, False)
    """
    low = lowered(text)
    return any(core in low for core in _DIRECTION_CORES)


@lru_cache(maxsize=4096)
def _office_oblast(gazetteer, name: str, place: Place) -> Place | None:
    """The oblast of an office named after the oblast's centre ("Sumy" in "the Sumy Regional Military
    Administration", "Kursk governor"): the oblast of that name holding the place. None for a capital
    (it stands for a government) or a name no oblast bears ("the Pogar district hospital")."""
    if place.feature_code == "PPLC" or not place.is_settlement or not name.isascii() or not names_oblast(name):
        return None
    oblast = gazetteer.resolve(f"{name} {_OBLAST_WORD}", Context(theatre=gazetteer.theatre)).place
    return oblast if oblast is not None and oblast.is_admin1 and oblast.admin1_code == place.admin1_code else None


@lru_cache(maxsize=50_000)
def _only_one(gazetteer, query: str, place: Place) -> bool:
    """Is ``place`` the only place called ``query`` (other candidates are the same place twice)?"""
    return all(place.distance_km(p) <= _SAME_KM for p, _, _ in gazetteer.candidates(query))
