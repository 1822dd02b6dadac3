"""A town everyone writes about outranks a village of the same name that only the theatre favours.

War reporting names Kostiantynivka, Lyman, Nikopol or Oleshky meaning the towns; villages of the
same names lie in the theatre (Kharkiv Oblast has a Лиман, a Нікополь and an Олешки). The theatre
favours its own places, and that is right between places alike: two villages called Vorozhba are
told apart by the text. It is wrong when the theatre's place is a village the text gives no sign
of (no oblast or district named, no co-mentioned place nearby) and the other is a town many times
its size, in the same country or the theatre's, whose name is written as the text writes it::

    >>> from gazetteer.place import MatchKind, Place
    >>> village = Place(id="osm:1", name="Лиман", latitude=49.9, longitude=36.1, country_code="UA")
    >>> town = Place(id="geonames:2", name="Lyman", latitude=48.99, longitude=37.8, population=20_000, country_code="UA")
    >>> cands = [_C(village, MatchKind.TRANSLITERATION, ("transliteration name", "in the theatre")),
    ...          _C(town, MatchKind.EXACT, ("exact name",))]
    >>> known_town_over_village(cands[0], cands).place.name
    'Lyman'
    >>> cands[0] = _C(village, MatchKind.TRANSLITERATION, ("transliteration name", "12 km from Zmiiv"))
    >>> known_town_over_village(cands[0], cands) is None
    True
"""

from __future__ import annotations

from collections import namedtuple

from gazetteer.place import MatchKind

__all__ = ["known_town_over_village", "refusal", "TOWN_POPULATION", "VILLAGE_POPULATION"]

#: A settlement this populous is a town the news names without saying where it is...
TOWN_POPULATION = 15_000
#: ...and one below this a village it names only with its district, oblast or neighbours.
VILLAGE_POPULATION = 5_000
#: The town must be this many times the village.
_RATIO = 10
#: Words the resolver's reasons hold when the context supports a place.
_SUPPORT = (" named in ", " km from ")
_WRITTEN = (MatchKind.EXACT, MatchKind.VARIANT, MatchKind.INFLECTED)

_C = namedtuple("_C", "place match reasons")  # the fields of a resolver Candidate this reads (doctest)


def known_town_over_village(best, candidates, home=frozenset()):
    """The candidate to take instead of ``best`` (a theatre village the text gives no sign of), or None.

    ``candidates``: the ones no context contradicts, best first (the resolver's ranking); a town among
    the ones the match policy refused (outside the theatre, its country unnamed) is returned too: the
    name then stays unresolved, since neither place is a safe reading. ``home``: the theatre's countries,
    where a town may lie besides the village's own country."""
    village = best.place
    if not village.is_settlement or village.population >= VILLAGE_POPULATION or _supported(best):
        return None
    towns = [c for c in candidates if c is not best and c.match in _WRITTEN and c.place.is_settlement
             and (c.place.country_code == village.country_code or c.place.country_code in home)  # not Tychy (PL)
             and c.place.population >= max(TOWN_POPULATION, _RATIO * village.population)]
    return max(towns, key=lambda c: c.place.population) if towns else None


def refusal(village, town) -> str:
    """Why a name stays unresolved between a theatre village and a town outside the theatre."""
    return (f"{village.place.name} ({village.place.admin1 or '?'}) is a village the text gives no sign of; the "
            f"{town.place.name} most reports mean is a town of {town.place.population:,} in "
            f"{town.place.admin1 or '?'}, outside the theatre, and the text does not name its region")


def _supported(candidate) -> bool:
    return any(word in reason for reason in candidate.reasons for word in _SUPPORT)
