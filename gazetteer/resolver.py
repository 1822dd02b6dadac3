"""Resolve a place name to one sourced Place, with a score, a reason and the runners-up.

    >>> gaz = Gazetteer.default()                                        # doctest: +SKIP
    >>> r = gaz.resolve("Vorozhba", "a strike on Vorozhba in Sumy Oblast") # doctest: +SKIP
    >>> r.place.label, r.geo_precision                                   # doctest: +SKIP
    ('Vorozhba, Sumy Oblast, UA', 1)
    >>> r = gaz.resolve("Vorozhba", "near Plekhovo, Vorozhba and Martynovka in Russia's Kursk region")  # doctest: +SKIP
    >>> r.resolved, r.reason                                             # doctest: +SKIP
    (False, "context names Kursk Oblast (RU); the 2 known places called 'Vorozhba' are in Sumy Oblast (UA)")

Candidates come from the name key, then from the nominative forms of an
inflected Russian/Ukrainian name, then from a fuzzy match; each says how it matched
(:class:`~gazetteer.place.MatchKind`) and how alike it is (:mod:`gazetteer.matching` has the
policy: a loose fuzzy match is a near miss, never a place). They are ranked by
name quality, prominence (population, capital, curated source), the theatre,
the countries and oblasts named in the context, and the distance to the
co-mentioned places. When the local context contradicts every candidate the
name stays unresolved: we do not put a Kursk village in Sumy oblast. A place outside the
theatre's box needs the text to name its country or oblast (the rules are in
:mod:`gazetteer.matching`); otherwise the name stays unresolved with that reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from gazetteer import lang
from gazetteer.context import Context, Theatre, admin_phrase_spans, find_country_words, without_admin_words
from gazetteer.city_districts import city_district
from gazetteer.exc import QueryError
from gazetteer.frozen import quick_init
from gazetteer.hromada import hromada_centres
from gazetteer.index import PlaceIndex
from gazetteer.known_towns import known_town_over_village, refusal
from gazetteer.matching import (FUZZY_CANDIDATE, country_veto, inflected_candidates, key_candidates, sister_candidates,
                                policy_refusal)
from gazetteer.morphology import nominative_candidates, strip_preposition
from gazetteer.prominence import standing
from gazetteer.normalize import fold, is_cyrillic, name_key
from gazetteer.place import KM_PER_DEGREE, MatchKind, Place, farther_than_km, haversine_km, within_km
from gazetteer.theatres import default_theatre

__all__ = ["Gazetteer", "Resolution", "Candidate", "MatchKind", "MAX_QUERY_LENGTH"]

MAX_QUERY_LENGTH = 200
#: ``theatre`` left out: the default theatre, read then (None means no theatre at all)
_DEFAULT: Theatre = object()  # type: ignore[assignment]
#: Contradictions that come from the local context (the others are the match policy's own).
_CONTEXT_CONTRADICTIONS = ("country", "oblast", "far from co-mentioned places")
_SUPPORT_KM = 30.0
_WORD_CHAR = re.compile(r"\w")
#: A district named beside the mention outranks the theatre (0.4) and population (0.25) together.
_DISTRICT_BONUS = 0.7
#: Co-mentioned places this close together form a cluster ("the villages of X, Y and Z")...
_CLUSTER_KM = 40.0
#: ...and a candidate this far from every one of them is not the place meant.
_FAR_FROM_CLUSTER_KM = 60.0
#: A co-mentioned place farther than this counts against a candidate, whatever the distance.
_BEYOND_KM, _BEYOND_DEGREES = 300.0, 300.0 / KM_PER_DEGREE
_CITY_POPULATION = 100_000  # a city is named beside villages as a landmark: the cluster rule spares it
_CAPITAL = lang.letter_class(lang.languages(reads_text=True), case="upper", extra="A-Z")
_CAPITALISED = re.compile(r"(?<![\w'’])(" + _CAPITAL + r"[\w'’ʼ-]+(?:\s+" + _CAPITAL + r"[\w'’ʼ-]+)*)")


@quick_init  # made per candidate scored: one dictionary update, not a setattr per field
@dataclass(frozen=True)
class Candidate:
    """One place a name may mean, with its score and why."""

    place: Place
    score: float
    match: MatchKind
    reasons: tuple[str, ...] = ()
    contradiction: str = ""
    similarity: float = 1.0

    def to_dict(self) -> dict:
        p = self.place
        return {"name": p.name, "latitude": p.latitude, "longitude": p.longitude,
                "country_code": p.country_code, "admin1": p.admin1, "gazetteer_id": p.id,
                "score": self.score, "match": str(self.match), "similarity": self.similarity,
                "rejected": self.contradiction or None}


@quick_init
@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one name: a place, or ``None`` with a reason."""

    query: str
    place: Place | None
    score: float
    reason: str
    #: how the name matched the place (a :class:`MatchKind`; "" when unresolved)
    match: MatchKind | str = ""
    alternatives: tuple[Candidate, ...] = field(default=())
    #: how alike the name and the place's name are, 0..1 (1 for an exact or variant match)
    similarity: float = 1.0

    @property
    def resolved(self) -> bool:
        return self.place is not None

    @property
    def geo_precision(self) -> int | None:
        """The place's ACLED geo-precision; a fuzzy match is never precision 1."""
        if self.place is None:
            return None
        precision = self.place.geo_precision
        if precision == 1 and isinstance(self.match, MatchKind) and not self.match.placeable_at_point:
            return 2
        return precision

    def to_dict(self) -> dict:
        """The JSON shape of ``conflictmap geocode --format json``."""
        p = self.place
        return {
            "query": self.query, "resolved": self.resolved,
            "name": p.name if p else None, "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None, "country_code": p.country_code if p else None,
            "admin1": p.admin1 if p else None, "admin2": p.admin2 if p else None,
            "feature": f"{p.feature_class}.{p.feature_code}" if p else None,
            "gazetteer_id": p.id if p else None, "geo_precision": self.geo_precision,
            "score": self.score, "reason": self.reason, "match": str(self.match),
            "similarity": self.similarity,
            "source": p.source if p else None, "source_url": (p.source_url or None) if p else None,
            "alternatives": [c.to_dict() for c in self.alternatives],
        }


class Gazetteer:
    """The offline gazetteer: candidates and context-aware resolution over a PlaceIndex.

    Uses the bundled GeoNames, curated and OSM data plus whatever the user
    imported. ``Gazetteer.default()`` opens (and the first time builds) the
    index in the user's cache directory.
    """

    _default: "Gazetteer | None" = None

    def __init__(self, index: PlaceIndex, *, theatre: Theatre | None = _DEFAULT,
                 online=None):
        """``online``: an opt-in :class:`~gazetteer.online.OnlineGeocoder` asked only for
        names the offline data does not know."""
        self.index = index
        self.theatre = default_theatre() if theatre is _DEFAULT else theatre  # None: no theatre at all
        self.online = online
        self._fuzzy_buckets: dict[str, list[str]] | None = None
        self._fuzzy_version = -1
        self.candidates = lru_cache(maxsize=100_000)(self._candidates)
        self.context_from_text = lru_cache(maxsize=10_000)(self._context_from_text)
        self._ranked = lru_cache(maxsize=100_000)(self._rank_name)  # keyed by name: its candidates are cached

    @classmethod
    def default(cls, *, rebuild: bool = False) -> "Gazetteer":
        if cls._default is None or rebuild:
            cls._default = cls(PlaceIndex.open_default(rebuild=rebuild))
        return cls._default

    # -- candidates ---------------------------------------------------------
    def _candidates(self, name: str) -> tuple[tuple[Place, MatchKind, float], ...]:
        """Places a name may mean, each with how it matched and how alike (see :mod:`gazetteer.matching`)."""
        name = strip_preposition(name.strip())
        folded = fold(name)
        found = key_candidates(self.index.lookup, name, folded)
        if is_cyrillic(name) and all(how is not MatchKind.EXACT and how is not MatchKind.VARIANT
                                     for _, how, _ in found.values()):
            # "Сумах" is the locative of Суми before it is a romanisation of Sumag
            found.update(inflected_candidates(self.index.lookup, nominative_candidates(name)[1:], found))
        if is_cyrillic(name) and self.theatre and not any(self.theatre.contains(p) for p, _, _ in found.values()):
            found.update(sister_candidates(self.index.lookup, name, nominative_candidates(name)[1:], found))
        if not found:  # a hromada: its centre settlement
            how = MatchKind.INFLECTED if is_cyrillic(name) else MatchKind.VARIANT
            found = {p.id: (p, how, 1.0) for p in hromada_centres(self.index, name, self.theatre)}
        if not found:
            found = self._fuzzy(name)
        return tuple(found.values())

    def _fuzzy(self, name: str) -> dict[str, tuple[Place, MatchKind, float]]:
        from rapidfuzz import fuzz, process

        key = name_key(name)
        if len(key) < 5:
            return {}
        if self._fuzzy_buckets is None or self._fuzzy_version != self.index.version:
            # Spelling variants keep their first letter (after the key's folding), so a
            # bucket per first letter holds every plausible match at a fraction of the cost.
            self._fuzzy_buckets, self._fuzzy_version = {}, self.index.version
            for other in self.index.keys():
                self._fuzzy_buckets.setdefault(other[:1], []).append(other)
        found: dict[str, tuple[Place, MatchKind, float]] = {}
        for other, score, _ in process.extract(key, self._fuzzy_buckets.get(key[:1], []), scorer=fuzz.ratio,
                                               limit=5, score_cutoff=100 * FUZZY_CANDIDATE):
            for place in self.index.lookup(other):
                found.setdefault(place.id, (place, MatchKind.FUZZY, round(score / 100, 3)))
        return found

    def nearest(self, lat: float, lon: float, *, max_km: float = 25.0, limit: int = 1) -> list[tuple[Place, float]]:
        """Settlements nearest to a point, with their distance in km (reverse geocoding)."""
        dlat = max_km / 111.0
        dlon = max_km / (111.0 * max(0.05, math.cos(math.radians(lat))))
        probe = Place(id="", name="", latitude=lat, longitude=lon)
        found = [(p, probe.distance_km(p)) for p in self.index.within(lat - dlat, lon - dlon, lat + dlat, lon + dlon)]
        return sorted((f for f in found if f[1] <= max_km), key=lambda f: f[1])[:limit]

    # -- context -------------------------------------------------------------
    def _context_from_text(self, text: str, *, exclude: str = "", local: bool = True) -> Context:
        """Read countries, oblasts and co-mentioned places from text around a name.

        With ``local=False`` the countries and oblasts only favour candidates
        (document-wide evidence) instead of contradicting them.
        """
        countries = frozenset(find_country_words(text))
        admin1: dict[str, str] = {}
        regions, districts = admin_phrase_spans(text)
        for _, _, phrase in regions:
            for place, _, _ in self.candidates(phrase):
                if place.is_admin1:
                    admin1[place.admin1_code] = place.name
        admin2 = frozenset(name_key(p.admin2) for _, _, phrase in districts for p, _, _ in self.candidates(phrase)
                           if p.is_admin2 and p.admin2)
        near = self._co_mentions(text, exclude, countries, frozenset(admin1))
        base = dict(theatre=self.theatre, near=near, text=text, admin2_keys=admin2)
        if local:
            return Context(countries=countries, admin1_codes=frozenset(admin1),
                           admin1_names=tuple(admin1.values()), **base)
        return Context(doc_countries=countries, doc_admin1_codes=frozenset(admin1), **base)

    def _co_mentions(self, text: str, exclude: str, countries, admin1) -> tuple[Place, ...]:
        skip = name_key(exclude) if exclude else None
        probe = Context(theatre=self.theatre, countries=countries, admin1_codes=admin1)
        near: dict[str, Place] = {}
        for m in _CAPITALISED.finditer(without_admin_words(text)):
            phrase = m.group(1)
            if skip and name_key(phrase) == skip:
                continue
            for sub in (phrase, *phrase.split()):
                if skip and name_key(sub) == skip:
                    continue
                cands = self.candidates(sub)
                if not cands or all(not p.is_settlement for p, _, _ in cands):
                    continue
                res = self._rank(sub, cands, probe)
                if res.resolved and res.place.is_settlement:
                    near[res.place.id] = res.place
                    break
        return tuple(near.values())

    # -- resolution ------------------------------------------------------------
    def resolve(self, name: str, context: Context | str | None = None, *,
                country_codes: list[str] | None = None) -> Resolution:
        """Resolve ``name``; ``context`` is a Context or the text around the name.

        A comma in the query ("Vorozhba, Sumy Oblast") makes the rest local context.
        Raises :class:`QueryError` for an empty or over-long query.
        """
        query = name.strip()
        if not query or not _WORD_CHAR.search(query):
            raise QueryError(repr(name), "empty place name")
        if len(query) > MAX_QUERY_LENGTH:
            raise QueryError(query[:40] + "…", f"place name longer than {MAX_QUERY_LENGTH} characters")
        head, _, tail = query.partition(",")
        bare = context is None and not tail and not country_codes
        if isinstance(context, str) or tail:
            text = " ".join(t for t in (tail, context if isinstance(context, str) else "") if t)
            context = self.context_from_text(text, exclude=head)
        context = context or Context(theatre=self.theatre)
        if country_codes:
            context = replace(context, countries=frozenset(c.upper() for c in country_codes))
        if (district := city_district(self.index, head, context)) is not None:  # at its city's point or nowhere
            return Resolution(query, *district)
        cands = self.candidates(head)
        if not cands:
            if self.online is not None:
                return self._resolve_online(query, head, country_codes)
            return Resolution(query, None, 0.0, f"no place called {head!r} in the gazetteer")
        res = self._ranked(head, context, bare)
        return res if res.query == query else replace(res, query=query)

    def _resolve_online(self, query: str, head: str, country_codes: list[str] | None) -> Resolution:
        """Ask the opt-in online geocoder; its failures become an unresolved reason, not an error."""
        from gazetteer.exc import OnlineGeocoderError

        offline = f"no place called {head!r} in the offline gazetteer"
        try:
            hit = self.online.geocode(head, country_codes=country_codes)
        except OnlineGeocoderError as exc:
            return Resolution(query, None, 0.0, f"{offline}; online lookup failed: {exc.reason}")
        if hit is None:
            return Resolution(query, None, 0.0, f"{offline}; none online either (Nominatim)")
        is_area = hit.raw.get("class") == "boundary"
        place = Place(
            id=f"nominatim:{hit.osm_type}/{hit.osm_id}", name=hit.name.split(",")[0].strip(),
            latitude=hit.latitude, longitude=hit.longitude,
            feature_class="A" if is_area else "P", feature_code="ADMD" if is_area else "PPL",
            country_code=hit.country_code or "", source="OpenStreetMap via Nominatim (ODbL), online lookup",
        )
        cached = " (from the local cache)" if hit.from_cache else ""
        return Resolution(query, place, 0.5, f"not in the offline gazetteer; found online by Nominatim{cached}",
                          MatchKind.ONLINE)

    def _rank_name(self, query: str, context: Context, bare: bool) -> Resolution:
        return self._rank(query, self.candidates(query), context, bare)

    def _rank(self, query: str, cands, context: Context, bare: bool = False) -> Resolution:
        """``bare``: the query is all there is (``geocode Paris``), so no text fails to name a country."""
        scored = sorted((self.score(query, p, how, sim, context, bare) for p, how, sim in cands),
                        key=lambda c: -c.score)
        cluster = _cluster([p for p in context.near if p.name != query])
        if cluster:
            scored = [_check_cluster(c, cluster) for c in scored]
        ok = [c for c in scored if not c.contradiction]
        if not ok:
            policy = [c for c in scored if c.contradiction not in _CONTEXT_CONTRADICTIONS]
            if policy:
                return Resolution(query, None, 0.0, policy[0].contradiction, alternatives=tuple(scored[:5]))
            where = sorted({f"{c.place.admin1 or '?'} ({c.place.country_code})" for c in scored})
            n = len(scored)
            what = (f"context names {context.describe()}" if context.countries or context.admin1_codes
                    else f"named with {', '.join(p.name for p in cluster)}, within {_CLUSTER_KM:.0f} km of "
                    "each other")
            reason = (f"{what}; the {n} known place{'s' if n > 1 else ''} "
                      f"called {query!r} {'are' if n > 1 else 'is'} in {', '.join(where)}")
            return Resolution(query, None, 0.0, reason, alternatives=tuple(scored[:5]))
        best = ok[0]
        refused = [c for c in scored if c.contradiction and c.contradiction not in _CONTEXT_CONTRADICTIONS]
        town = known_town_over_village(best, ok + refused,  # the policy's refusals: fuzzy, or outside the theatre
                                       context.theatre.countries if context.theatre is not None else frozenset())
        if town is not None and town.contradiction:  # a town outside the theatre: neither is safe
            return Resolution(query, None, 0.0, refusal(best, town), alternatives=tuple(scored[:5]))
        if town is not None:
            best = replace(town, reasons=(*town.reasons, f"a town of {town.place.population:,}; nothing in the text "
                                          f"points to the village {best.place.name} ({best.place.admin1 or '?'})"))
        rest = tuple(c for c in scored if c.place is not best.place)[:5]
        return Resolution(query, best.place, best.score, "; ".join(best.reasons), best.match, rest,
                          best.similarity)

    def score(self, query: str, place: Place, how: MatchKind, sim: float, ctx: Context,
               bare: bool = False) -> Candidate:
        """One candidate weighed in a context: score, reasons, contradiction or policy refusal (what
        :meth:`resolve` ranks by; :mod:`gazetteer.neighbours` scores the namesakes near a neighbour)."""
        total, reasons = standing(place, how, sim, ctx.theatre)  # match, prominence, theatre (a tuple)
        contradiction = ""
        if ctx.countries:
            if place.country_code in ctx.countries:
                total += 0.2
            elif country_veto(place, how, ctx):
                contradiction = "country"
        near_km = nearest = None  # the nearest co-mentioned place (the first of equals), measured once
        for other in ctx.near:
            if other.id != place.id:  # farther in latitude alone than _BEYOND_KM: "beyond" is all that counts
                km = math.inf if abs(other.latitude - place.latitude) > _BEYOND_DEGREES else haversine_km(
                    place.latitude, place.longitude, other.latitude, other.longitude)  # place.distance_km(other)
                if near_km is None or km < near_km:
                    near_km, nearest = km, other.name
        supported = near_km is not None and near_km <= _SUPPORT_KM
        if ctx.admin1_codes:
            if place.admin1_code in ctx.admin1_codes:
                total += 0.3
                reasons += (f"in {place.admin1} named in context",)
            elif not supported and not (place.population >= 500_000 and place.is_settlement):
                contradiction = contradiction or "oblast"
        if ctx.admin2_keys and ctx.in_named_district(place):
            total += _DISTRICT_BONUS
            reasons += (f"in {place.admin2} named in context",)
        if place.country_code in ctx.doc_countries:
            total += 0.05
        if place.admin1_code in ctx.doc_admin1_codes:
            total += 0.1
            reasons += (f"in {place.admin1} named in the document",)
        if near_km is not None:
            if near_km <= 25:
                total += 0.35
            elif near_km <= 60:
                total += 0.2
            elif near_km <= 150:
                total += 0.05
            elif near_km > _BEYOND_KM:
                total -= 0.1
            if near_km <= 150:
                reasons += (f"{near_km:.0f} km from {nearest}",)
        score = total / 3.0  # round(max(0.0, min(1.0, total / 3.0)), 3), without two calls
        score = round(score if 0.0 < score < 1.0 else 1.0 if score >= 1.0 else 0.0, 3)
        theatre = ctx.theatre  # the policy refuses only a fuzzy match or a place outside the theatre
        if not contradiction and (how is MatchKind.FUZZY or theatre is not None and not theatre.contains(place)):
            contradiction = policy_refusal(query, place, how, sim, ctx, bare=bare)
        return Candidate(place, score, how, reasons, contradiction, sim)


def _cluster(near: list[Place]) -> list[Place]:
    """Co-mentioned settlements that lie together (two or more, pairwise within _CLUSTER_KM)."""
    settlements = [p for p in near if p.is_settlement]
    if len(settlements) < 2:
        return []
    if all(within_km(a, b, _CLUSTER_KM) for i, a in enumerate(settlements) for b in settlements[i + 1:]):
        return settlements
    return []


def _check_cluster(cand: Candidate, cluster: list[Place]) -> Candidate:
    if cand.contradiction or cand.place.population >= _CITY_POPULATION or any(p.id == cand.place.id
                                                                              for p in cluster):
        return cand
    if all(farther_than_km(cand.place, p, _FAR_FROM_CLUSTER_KM) for p in cluster):
        return Candidate(cand.place, cand.score, cand.match, cand.reasons, "far from co-mentioned places")
    return cand
