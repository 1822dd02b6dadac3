"""Ukrainian hromadas (territorial communities): resolved to their centre settlement.

A hromada is named with the adjective of its centre: "Білопільська громада" is governed from
Білопілля, "Велика Писарівська" from Велика Писарівка. The gazetteer holds no hromada areas, so a
hromada phrase becomes its centre's point, as an area (geo-precision 2)::

    >>> hromada_stems("Білопільської громади")
    ['білопіл']
    >>> hromada_stems("Bilopillia hromada")
    []
    >>> hromada_name("Bilopillia hromada")
    'Bilopillia'

A district or okrug the gazetteer has no area for ("Шебекинского городского округа", "Shebekinsky
district": Belgorod's districts are urban okrugs now) is placed at its centre the same way, and so is
a regional noun of the theatre ("Краснопільщині": the area around Краснопілля)::

    >>> region_noun_stem("Краснопільщині"), region_noun_stem("Краснопілля")
    ('краснопіль', '')

A Russian district written the Ukrainian way, with і for the Russian е or о ("Біловського району"
for Беловский район), is looked up with the vowel given back.

The centre is the Ukrainian settlement whose name key begins with the stem's key and goes on for at
most a few letters (Білопіль- → Білопілля, Юнаків- → Юнаківка).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from gazetteer import lang
from gazetteer.morphology import nominative_candidates
from gazetteer.normalize import QUALIFIERS, fold, is_cyrillic, name_key
from gazetteer.place import Place

__all__ = ["hromada_name", "hromada_stems", "hromada_centres", "region_noun_stem", "HROMADA_CODE"]

#: Feature code of a hromada resolved to its centre (an area: geo-precision 2).
HROMADA_CODE = "ADM3"
_WORDS = frozenset(fold(w) for w in lang.admin_words(lang.Use.KEY, lang.Level.HROMADA))
#: District words: a district or okrug the gazetteer has no area for ("Шебекинский городской округ") is
#: placed at its centre too, in either country of the border.
_DISTRICT_WORDS = frozenset(fold(w) for w in lang.admin_words(lang.Use.KEY | lang.Use.TEXT, lang.Level.DISTRICT))
_DISTRICT_COUNTRIES = ("RU", "UA")
_ENDINGS = tuple(sorted({e for la in lang.languages() for e in la.place_adjective_endings}, key=len, reverse=True))
_SUFFIXES = tuple(sorted({x for la in lang.languages() for x in la.place_adjective_suffixes}, key=len, reverse=True))
#: How a centre's name key may go on past the stem's: Білопіль- + "а", Юнаків- + "ка", Вовчан- + "ськ",
#: Зноб-Новгород- + "ське".
_TAIL = re.compile(r"(?:k?[aeiou]?|sk[aeiou]?)")
#: Name adjectives as the first half of a compound: "велико" + "писарів" is "велика писарів".
_COMPOUNDS = tuple(dict.fromkeys(pair for la in lang.languages() for pair in la.compound_prefixes))
#: A vowel that drops out of the centre's name: Липецька ← Липці.
_FLEETING = [re.compile(la.fleeting_vowel) for la in lang.languages() if la.fleeting_vowel]
_STEM_DROP = "".join(sorted({c for la in lang.languages() for c in la.place_adjective_stem_drop}))
_COUNTRY = "UA"
#: A regional noun's ending: "щин" / "чин" and a case ending ("Краснопільщині", "Белгородчина").
_REGION_NOUN = re.compile("(?:" + "|".join(re.escape(n.stem) + n.endings for la in lang.languages()
                                           for n in la.oblast_nouns) + ")$")
#: Ukrainian і for the Russian vowels it replaces in a Russian name (Біловський ← Беловский), from the
#: languages' vowel alternations.
_I_FOR = {alt.becomes: alt.vowels for la in lang.languages() for alt in la.alternations}
_SORTED: dict[tuple[int, int], list[str]] = {}


def hromada_name(phrase: str, words: frozenset[str] = _WORDS) -> str:
    """The name part of a hromada phrase, or "" when the phrase does not end with a hromada word
    (one of ``words``)."""
    parts = phrase.split()
    if len(parts) < 2 or fold(parts[-1]) not in words:
        return ""
    parts = parts[:-1]
    while len(parts) > 1 and fold(parts[-1]).startswith(QUALIFIERS):
        parts = parts[:-1]
    return " ".join(parts)


def hromada_stems(phrase: str, words: frozenset[str] = _WORDS) -> list[str]:
    """The stems of the centre's name that a hromada phrase's adjective gives (lower case)."""
    name = hromada_name(phrase, words)
    if not name:
        return []
    forms = nominative_candidates(name) if is_cyrillic(name) else (fold(name),)
    stems = []
    for form in forms:
        for ending in _ENDINGS:
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                stems.append(form[: -len(ending)].rstrip(_STEM_DROP))
                break
    return list(dict.fromkeys(stems))


def _stem_variants(stem: str) -> list[str]:
    """Other stems the centre's name may have: without a derivational suffix (Ворожбян- → Ворожб-),
    without a fleeting vowel (Липец- → Липц-), or a compound taken apart (Великописарів- → Велика Писарів-).

    >>> _stem_variants("великописарів")[-1]
    'велика писарів'
    """
    out = [stem[: -len(s)] for s in _SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 3]
    out += [f"{adjective} {stem[len(prefix):]}" for prefix, adjective in _COMPOUNDS
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3]
    out += [dropped for fleeting in _FLEETING if (dropped := fleeting.sub("", stem)) != stem]
    return out


def _sorted_keys(index) -> list[str]:
    key = (id(index), index.version)
    if key not in _SORTED:
        _SORTED.clear()
        _SORTED[key] = sorted(index.keys())
    return _SORTED[key]


def hromada_centres(index, phrase: str, theatre=None) -> list[Place]:
    """The possible centres of the hromada ``phrase`` names, each as a hromada Place at its point.

    ``index``: a :class:`~gazetteer.index.PlaceIndex`. Empty when the phrase names no hromada or no
    Ukrainian settlement fits. A district or okrug is placed at a centre only inside ``theatre``
    (a :class:`~gazetteer.theatre.Theatre`): a district name is too loose a clue for a whole country.
    """
    words, countries = _WORDS, (_COUNTRY,)
    name = hromada_name(phrase)
    region_stem = ""
    if not name:
        words, countries = _DISTRICT_WORDS, _DISTRICT_COUNTRIES
        name = hromada_name(phrase, words)
        if name and (respelled := _respelled_districts(index, name, phrase.split()[-1], theatre)):
            return respelled
    if not name:
        region_stem = region_noun_stem(phrase)
        if not region_stem:
            return []
        words = frozenset()  # placed like a district: inside the theatre only
    found: dict[str, Place] = {}
    stems = [region_stem.rstrip(_STEM_DROP)] if region_stem else hromada_stems(phrase, words)
    if not stems:
        for place in index.lookup(name_key(name)):
            if place.is_settlement and place.country_code in countries:
                found.setdefault(place.id, place)
    keys = _sorted_keys(index) if stems else []
    for stem in (*stems, *(v for s in stems for v in _stem_variants(s))):
        _add_centres(found, keys, index, name_key(stem), countries)
    if words is not _WORDS:
        found = {k: p for k, p in found.items() if theatre is not None and theatre.contains(p)}
    # A community is named after its largest place: drop homonyms far smaller than the largest of a name.
    largest: dict[str, int] = {}
    for place in found.values():
        largest[name_key(place.name)] = max(largest.get(name_key(place.name), 0), place.population)
    found = {k: p for k, p in found.items() if p.population * 10 >= largest[name_key(p.name)]}
    what = "hromada" if words is _WORDS else "area" if region_stem else "district"
    return [_as_area(place, phrase, what) for place in found.values()]


def region_noun_stem(word: str) -> str:
    """The adjective stem of a one-word regional noun ("Краснопільщині" → "краснопіль"), or ""."""
    word = word.strip()
    if " " in word or not is_cyrillic(word):
        return ""
    low = word.casefold()
    m = _REGION_NOUN.search(low)
    return low[: m.start()] if m and m.start() >= 4 else ""


def _respelled_districts(index, name: str, keyword: str, theatre) -> list[Place]:
    """Russian districts of the theatre that a Ukrainian spelling names: the і of "Біловський" put back
    to the е or о of "Беловский" (one letter at a time)."""
    if theatre is None or not is_cyrillic(name):
        return []
    found: dict[str, Place] = {}
    for form in nominative_candidates(name):
        for i, letter in enumerate(form):
            for vowel in _I_FOR.get(letter, ""):
                for place in index.lookup(name_key(f"{form[:i]}{vowel}{form[i + 1:]} {keyword}")):
                    if place.is_admin2 and place.country_code == "RU" and theatre.contains(place):
                        found.setdefault(place.id, place)
    return list(found.values())


def _add_centres(found: dict[str, Place], keys: list[str], index, prefix: str, countries) -> None:
    """Settlements of ``countries`` whose name key is ``prefix`` and a short tail (see _TAIL)."""
    if len(prefix) < 3 or " " in prefix[-3:]:
        return
    i = bisect.bisect_left(keys, prefix)
    while i < len(keys) and keys[i].startswith(prefix):
        if _TAIL.fullmatch(keys[i][len(prefix):]):
            for place in index.lookup(keys[i]):
                if place.is_settlement and place.country_code in countries:
                    found.setdefault(place.id, place)
        i += 1


def _as_area(centre: Place, phrase: str, what: str) -> Place:
    return replace(centre, id=f"{what}:{centre.id}", name=f"{centre.name} {what}", feature_class="A",
                   feature_code=HROMADA_CODE, source=f"{centre.source}; {what} centre" if centre.source else
                   f"{what} centre", alternate_names=(phrase,), aliases=(centre.id,))
