"""City districts: a raion of a city is placed at its city's point, or left unresolved with the reason.

The data holds no point for a city district (Kharkiv's Saltivskyi district, Sumy's Kovpakivskyi
district) and we never invent one: the theatre lists the districts of its cities
(:class:`~gazetteer.theatre.CityDistrict`, ``[[city_districts]]`` in the theatre TOML) and a district
is placed at its city's gazetteer point as an area (geo-precision 2). A district name that other
cities share ("Kyivskyi district") is placed only when the text names the city or its oblast; it is
never taken for a district of another oblast::

    >>> district_name_keys("Салтовском районе") >= {name_key("Saltovsky")}
    True
    >>> district_name_keys("Sumy")
    frozenset()
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from gazetteer import lang
from gazetteer.morphology import nominative_candidates
from gazetteer.normalize import QUALIFIERS, fold, is_cyrillic, name_key
from gazetteer.place import MatchKind, Place
from gazetteer.theatre import CityDistrict, Theatre

__all__ = ["city_district", "district_name_keys", "districts_named", "DistrictAnswer", "CITY_DISTRICT_CODE"]

#: Feature code of a city district placed at its city's point ("section of populated place").
CITY_DISTRICT_CODE = "PPLX"
_DISTRICT_WORDS = frozenset(w.casefold() for w in lang.admin_words(lang.Use.KEY | lang.Use.TEXT, lang.Level.DISTRICT))
_WORD = re.compile(r"[\w'’ʼ-]+")


class DistrictAnswer(NamedTuple):
    """What a city-district phrase resolves to: the district at its city's point, or no place and why
    (the resolver makes it a :class:`~gazetteer.resolver.Resolution`)."""

    place: Place | None
    score: float
    reason: str
    match: MatchKind | str = ""


@lru_cache(maxsize=4096)
def district_name_keys(phrase: str) -> frozenset[str]:
    """Name keys the adjective of a district phrase may have in the nominative ("Зарічному районі" →
    the key of "Зарічний"); empty when the phrase does not end with a district word."""
    words = phrase.split()
    if len(words) < 2 or words[-1].casefold() not in _DISTRICT_WORDS:
        return frozenset()
    words = words[:-1]
    while len(words) > 1 and fold(words[-1]).startswith(QUALIFIERS):
        words = words[:-1]
    name = " ".join(words)
    forms = nominative_candidates(name) if is_cyrillic(name) else (name,)
    return frozenset(name_key(f) for f in forms)


@lru_cache(maxsize=16)
def _by_key(theatre: Theatre) -> dict[str, tuple[CityDistrict, ...]]:
    table: dict[str, list[CityDistrict]] = {}
    for district in theatre.city_districts:
        for name in district.names:
            table.setdefault(name_key(name), []).append(district)
    return {key: tuple(dict.fromkeys(found)) for key, found in table.items()}


def districts_named(phrase: str, theatre: Theatre | None) -> tuple[CityDistrict, ...]:
    """The theatre's city districts a phrase names ("Saltivskyi district", "Салтовскому району")."""
    if " " not in phrase or theatre is None or not theatre.city_districts or \
            phrase.rsplit(None, 1)[-1].casefold() not in _DISTRICT_WORDS:
        return ()
    table = _by_key(theatre)
    found = [d for key in district_name_keys(phrase) for d in table.get(key, ())]
    return tuple(dict.fromkeys(found))


def _names_city(text: str, city: Place) -> bool:
    """Does ``text`` name the city, in any case form ("Харкові", "Kharkiv's")?"""
    keys = {name_key(n) for n in (city.name, *city.alternate_names)}
    for word in _WORD.findall(text):
        if not word[:1].isupper():
            continue
        word = re.sub(r"['’]s$", "", word)
        forms = nominative_candidates(word) if is_cyrillic(word) else (word,)
        if any(name_key(f) in keys for f in forms):
            return True
    return False


def city_district(index, phrase: str, context) -> DistrictAnswer | None:
    """What a city-district phrase resolves to, or None when the phrase names none of the theatre's
    city districts (then it is resolved as any other name).

    ``index``: a :class:`~gazetteer.index.PlaceIndex`; ``context``: a :class:`~gazetteer.context.Context`.
    """
    if " " not in phrase:  # the hot path: most names are one word
        return None
    districts = districts_named(phrase, context.theatre)
    if not districts:
        return None
    text = context.text or ""
    admin1 = context.admin1_codes | context.doc_admin1_codes
    cities = []
    for district in districts:
        city = index.get(district.city_id)
        if city is None:
            continue
        if not district.shared and len(districts) == 1:
            cities.append((district, city, ""))
        elif _names_city(text, city) or any(p.id == city.id for p in context.near):
            cities.append((district, city, f"; the text names {city.name}"))
        elif city.admin1_code and city.admin1_code in admin1:
            cities.append((district, city, f"; {city.admin1} is named"))
    named = ", ".join(dict.fromkeys(d.city for d in districts))
    if len({city.id for _, city, _ in cities}) != 1:
        why = (f"the text names neither {named} nor its oblast" if not cities else "the text names more than one city")
        return DistrictAnswer(None, 0.0,
                          f"{phrase!r} is a city district of {named}"
                          f"{' (other cities have one of that name)' if any(d.shared for d in districts) else ''}"
                          f"; {why}, and the data holds no point for a city district")
    district, city, evidence = cities[0]
    place = replace(city, id=f"city-district:{city.id}:{name_key(district.names[0])}",
                    name=f"{district.names[0]} district, {city.name}", feature_class="A",
                    feature_code=CITY_DISTRICT_CODE, admin2="", alternate_names=(phrase,), aliases=(city.id,),
                    source=f"{city.source}; city district ({district.source})" if city.source else district.source)
    how = MatchKind.INFLECTED if is_cyrillic(phrase) else MatchKind.VARIANT
    return DistrictAnswer(place, 0.9, f"city district of {city.name}; the city's point{evidence}", how)
