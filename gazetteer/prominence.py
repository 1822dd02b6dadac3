"""What a candidate is worth before its context is heard: how well the name matched, how populous
and important the place is, whether the data is curated, whether it lies in the theatre.

:meth:`gazetteer.resolver.Gazetteer.score` starts from this and adds what the context says; it is the
same for every context, so it is worked out once per place, match and theatre (a name is scored in
many contexts, one per mention)::

    >>> from gazetteer.place import Place
    >>> p = Place(id="curated:x", name="X", latitude=51.2, longitude=35.3, population=6000)
    >>> total, reasons = standing(p, MatchKind.EXACT, 1.0, None)
    >>> round(total, 3), reasons
    (1.235, ('exact name', 'curated source'))
"""

from __future__ import annotations

import math

from gazetteer.place import MatchKind, Place

__all__ = ["NAME_QUALITY", "standing"]

NAME_QUALITY = {MatchKind.EXACT: 1.0, MatchKind.VARIANT: 1.0, MatchKind.TRANSLITERATION: 0.9,
                MatchKind.INFLECTED: 0.85}


#: ``(id(place), id(how), sim, id(theatre))`` -> ``(place, theatre, standing)``: keyed by identity (a
#: place equals any place of its id, whatever its data), the objects kept so that no id is reused.
_KNOWN: dict[tuple[int, int, float, int], tuple[Place, object, tuple[float, tuple[str, ...]]]] = {}
_KNOWN_SIZE = 100_000


def standing(place: Place, how: MatchKind, sim: float, theatre) -> tuple[float, tuple[str, ...]]:
    """``(score so far, reasons so far)`` of ``place`` matched ``how`` (``sim`` alike), in ``theatre``
    (None: no theatre); the score is summed in the order the resolver always summed it."""
    key = (id(place), id(how), sim, id(theatre))
    known = _KNOWN.get(key)
    if known is not None and known[0] is place and known[1] is theatre:
        return known[2]
    if len(_KNOWN) >= _KNOWN_SIZE:
        _KNOWN.clear()
    found = _KNOWN[key] = (place, theatre, _standing(place, how, sim, theatre))
    return found[2]


def _standing(place: Place, how: MatchKind, sim: float, theatre) -> tuple[float, tuple[str, ...]]:
    reasons: list[str] = []
    if how is MatchKind.FUZZY:
        quality = 0.75 * sim
        reasons.append(f"fuzzy name ({sim:.2f} alike)")
    else:
        quality = NAME_QUALITY[how]
        reasons.append(f"{'exact' if how is MatchKind.VARIANT else how.value} name")
    total = quality + 0.25 * min(1.0, math.log10(place.population + 1) / 7)
    if place.feature_code == "PPLC":
        total += 0.1
    elif place.feature_code.startswith("PPLA"):
        total += 0.05
    if not place.is_settlement:
        total -= 0.05
    if place.id.startswith("curated:"):
        total += 0.1
        reasons.append("curated source")
    if theatre is not None and theatre.contains(place):
        total += 0.3 + (0.1 if place.admin1_code in theatre.admin1_codes else 0.0)
        reasons.append(f"in the {theatre.name} theatre")
    return total, tuple(reasons)
