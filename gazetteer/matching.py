"""The match policy: how a name matched a place, how alike they are, and when that is too loose.

Every candidate carries a :class:`~gazetteer.place.MatchKind` and a similarity in [0, 1]:

* ``exact`` / ``variant``: the name, or one of its alternate names, as written (similarity 1);
* ``transliteration``: another romanisation of one of its names (the name keys are equal; a Ukrainian
  ``ьо`` is a Russian ``ё``), or an English spelling of its Cyrillic letters that the language
  resources list (``j`` and ``dj`` for ``дж``: Suja and Sudja are Суджа, see :func:`key_candidates`);
* ``inflected``: an oblique Russian/Ukrainian case of one of its names;
* ``fuzzy``: a different spelling whose name key is at least :data:`FUZZY_CANDIDATE` alike.

A fuzzy candidate is placed only when it is at least :data:`FUZZY_MIN` alike, or when the two keys
differ only in their last letter (:data:`ENDING_LETTERS`) (a Ukrainian against a Russian ending,
Shebekyne / Shebekino); below that it is a *near miss*: the name stays unresolved and the near miss
is listed as an alternative. A transliteration that needs a ``g`` (Latin g, Cyrillic г) to stand for
``х`` or ``kh`` (Olgovka for Ольховка, Бологовка for Bolokhovka) is a near miss too: no romanisation
writes х as g, nor г as kh. So is a Cyrillic name that only a Latin name links to a place whose
Cyrillic names are spelled otherwise (Брянський and Брянка, whose old Latin name was "Bryanskiy").

Outside the theatre's box (:func:`policy_refusal`) a settlement is placed only when the text names
its oblast, or it lies within :data:`THEATRE_MARGIN_DEG` of the box in a theatre country, or it is
a national capital, a city of a million (:func:`world_city`) or an oblast centre written exactly (any
capital, a theatre country's oblast centre), or its name is written exactly and the text names its
country (an oblast named names its country). A country the sentence names rules a candidate out
(:func:`country_veto`) unless the sentence names its oblast too, or it is a world city written as it is.
Areas of a theatre country are always its own. Anything else stays unresolved with that reason.

    >>> similarity("Kurilovka", "Kirilovka") < FUZZY_MIN
    True
    >>> ending_variant("Shebekyne", "Shebekino"), ending_variant("Alexander", "Alexandria")
    (True, False)
    >>> g_for_kh("Olgovka", "Ольховка"), g_for_kh("Glushkovo", "Глушково")
    (True, False)
    >>> g_for_kh("Бологовка", "Bolokhovka"), g_for_kh("Глухів", "Hlukhiv")
    (True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from gazetteer import lang
from gazetteer.context import Context
from gazetteer.normalize import fold, is_cyrillic, name_key, respelled_keys, sister_keys, transliterate
from gazetteer.place import MatchKind, Place

__all__ = ["FUZZY_CANDIDATE", "FUZZY_MIN", "FUZZY_MIN_AREA", "THEATRE_MARGIN_DEG", "ENDING_LETTERS", "similarity", "ending_variant", "g_for_kh",
           "fuzzy_accepted",
           "spelling_similarity", "world_city", "country_veto", "WORLD_CITY_POPULATION", "key_match", "key_candidates", "policy_refusal",
           "sister_candidates"]

#: Keys at least this alike (rapidfuzz ratio / 100) are fuzzy candidates at all.
FUZZY_CANDIDATE = 0.85
#: A fuzzy candidate at least this alike may be placed (never at geo-precision 1).
FUZZY_MIN = 0.95
#: Keys that agree but for this many final letters are an ending variant, placed like FUZZY_MIN.
ENDING_LETTERS = 1
#: A fuzzy candidate that is an administrative area of a theatre country needs only this (an area
#: is placed at precision 2 or 3 anyway; "Chuguev district" is Chuhuiv Raion).
FUZZY_MIN_AREA = 0.85
#: Degrees around the theatre's box where a settlement of a theatre country still counts as the
#: theatre's (the box is drawn tight; neighbouring oblasts are reported with it).
THEATRE_MARGIN_DEG = 2.0
#: A settlement this populous, named as written, is placed outside the theatre like a capital.
WORLD_CITY_POPULATION = 1_000_000
#: Shortest common stem for an ending variant.
_MIN_STEM = 5
_G, _KH = "\u01e5", "\ua741"  # stand-ins that no folding rule touches: Latin g, and kh / х


@lru_cache(maxsize=100_000)
def similarity(a: str, b: str) -> float:
    """Edit similarity of two names' keys, 0..1."""
    return round(fuzz.ratio(name_key(a), name_key(b)) / 100, 3)


def _alternating_vowels() -> tuple[str, str]:
    """The Latin vowels that alternate in a closed syllable (Russian о/е, Ukrainian і), from the languages."""
    before = {transliterate(v) for language in lang.languages() for alt in language.alternations
              for v in alt.vowels}
    after = {transliterate(alt.becomes) for language in lang.languages() for alt in language.alternations}
    return "".join(sorted(before)), "".join(sorted(after))


_ALT_FROM, _ALT_TO = _alternating_vowels()


def _word_variant(ka: str, kb: str) -> bool:
    if ka == kb:
        return True
    if len(ka) == len(kb) and _ALT_TO:
        diff = [(x, y) for x, y in zip(ka, kb) if x != y]
        if len(diff) == 1 and {*diff[0]} <= {*_ALT_FROM, *_ALT_TO} and {*diff[0]} & {*_ALT_TO}:
            return True  # Синьковка / Синьківка: the Ukrainian vowel alternation
    stem = 0
    while stem < min(len(ka), len(kb)) and ka[stem] == kb[stem]:
        stem += 1
    return stem >= _MIN_STEM and len(ka) - stem <= ENDING_LETTERS and len(kb) - stem <= ENDING_LETTERS


@lru_cache(maxsize=100_000)
def ending_variant(a: str, b: str) -> bool:
    """True when the keys differ, word by word, only in the last letter of a 5+ letter stem
    (Shebekyne / Shebekino) or in one vowel the languages alternate (Sinkovka / Synkivka)."""
    ka, kb = name_key(a).split(" "), name_key(b).split(" ")
    return ka != kb and len(ka) == len(kb) and all(_word_variant(x, y) for x, y in zip(ka, kb))


@lru_cache(maxsize=100_000)
def spelling_similarity(a: str, b: str) -> float:
    """Edit similarity of two names as spelled (folded, in Latin letters), 0..1."""
    return round(fuzz.ratio(transliterate(fold(a)), transliterate(fold(b))) / 100, 3)


#: Cyrillic letters the languages romanise as "kh" (х)
_KH_LETTERS = re.compile("kh|" + "|".join(re.escape(c) for c, latin in lang.transliteration().items()
                                          if latin == "kh" and c == c.lower()))
#: Latin g and the Cyrillic letters romanised as g (г, ґ): a g or an h, never a kh
_G_LETTERS = re.compile("g|" + "|".join(re.escape(c) for c, latin in lang.transliteration().items()
                                        if latin == "g" and c == c.lower()))


def _marked_key(name: str) -> str:
    return name_key(_G_LETTERS.sub(_G, _KH_LETTERS.sub(_KH, fold(name))))


@lru_cache(maxsize=100_000)
def g_for_kh(query: str, name: str) -> bool:
    """True when equal keys come from a g (Latin g, Cyrillic г) in one name where the other has kh or х:
    Бологовка is not Bolokhovka, as Olgovka is not Ольховка."""
    a, b = _marked_key(query), _marked_key(name)
    return len(a) == len(b) and any({x, y} == {_G, _KH} for x, y in zip(a, b))


def fuzzy_accepted(query: str, place: Place, score: float, home: frozenset[str] = frozenset()) -> bool:
    """Whether a fuzzy candidate of this similarity may be placed (see the module docstring)."""
    if not place.is_settlement and place.country_code in home and score >= FUZZY_MIN_AREA:
        return True
    if g_for_kh(query, place.name):
        return False  # a г is never a kh, however alike the rest: Бологовый is no Bolokhovo
    return score >= FUZZY_MIN or ending_variant(query, place.name)


def key_match(name: str, folded: str, place: Place) -> tuple[Place, MatchKind, float]:
    """How a place found under the name's key matched: its name, an alternate name, or a romanisation."""
    if fold(place.name) == folded:
        return place, MatchKind.EXACT, 1.0
    if any(fold(n) == folded for n in place.alternate_names):
        return place, MatchKind.VARIANT, 1.0
    names = (place.name, *place.alternate_names)
    if all(g_for_kh(name, n) for n in names if name_key(n) == name_key(name)):
        return place, MatchKind.FUZZY, spelling_similarity(name, place.name)  # Olgovka is not Ol'khovka
    if is_cyrillic(name) and (through_latin := _latin_only(name, names)) is not None:
        return place, MatchKind.FUZZY, through_latin  # Брянський is not Брянка, though once "Bryanskiy"
    return place, MatchKind.TRANSLITERATION, 1.0


_UPGRADABLE = (MatchKind.TRANSLITERATION, MatchKind.FUZZY)


def inflected_candidates(lookup, forms, found: dict) -> dict[str, tuple[Place, MatchKind, float]]:
    """Places under the keys of a name's nominative forms ("Сумах": Суми), as inflected matches; a place
    ``found`` already, other than as a transliteration or a fuzzy spelling, is left alone ("Києві" is
    a fuzzy spelling of Kyiv's "Kievi" before it is the locative of Київ). A form that matches a place only
    the way :func:`key_match` calls fuzzy ("брянський" and Brianka's old Latin "Bryanskiy") gives a
    fuzzy candidate, not an inflected one."""
    out: dict[str, tuple[Place, MatchKind, float]] = {}
    for form in forms:
        for place in lookup(name_key(form)):
            if (place.id in out and out[place.id][1] is not MatchKind.FUZZY) or (
                    place.id in found and found[place.id][1] not in _UPGRADABLE):
                continue  # a later form may still read a fuzzy one right: Києві is "києв" (Kiev) before Київ
            _, how, sim = key_match(form, fold(form), place)
            out[place.id] = (place, MatchKind.FUZZY, sim) if how is MatchKind.FUZZY else (place, MatchKind.INFLECTED, 1.0)
    return out


def sister_candidates(lookup, name: str, forms, found: dict) -> dict[str, tuple[Place, MatchKind, float]]:
    """Places under the keys of the name (a transliteration) and of its nominative ``forms`` (inflected)
    read with a sister language's endings (:func:`~gazetteer.normalize.sister_keys`): a Ukrainian
    report's Любимівкою is the Kursk village Любимовка. The resolver asks for them only when the name as
    written gives no place in the theatre (a Ukrainian Борисівка next door is not the Russian Борисовка);
    a place ``found`` already other than fuzzily is left alone."""
    out: dict[str, tuple[Place, MatchKind, float]] = {}
    for spelled, how in ((name, MatchKind.TRANSLITERATION), *((f, MatchKind.INFLECTED) for f in forms)):
        for key in sister_keys(spelled):
            for place in lookup(key):
                if place.id not in out and (place.id not in found or found[place.id][1] is MatchKind.FUZZY):
                    out[place.id] = (place, how, 1.0)
    return out


def _latin_only(name: str, names: tuple[str, ...]) -> float | None:
    """A Cyrillic name that shares its key only with a Latin name of a place that has Cyrillic names is
    a transliteration when it is spelled like one of them (Харків, Харьков: the vowel alternation), else a
    fuzzy match as alike as the nearest of them; None when a Cyrillic name shares the key."""
    key = name_key(name)
    cyrillic = [n for n in names if is_cyrillic(n)]
    if not cyrillic or any(name_key(n) == key for n in cyrillic):
        return None
    nearest = max(cyrillic, key=lambda n: similarity(name, n))
    if similarity(name, nearest) >= FUZZY_MIN or ending_variant(name, nearest):
        return None
    return similarity(name, nearest)


def key_candidates(lookup, name: str, folded: str) -> dict[str, tuple[Place, MatchKind, float]]:
    """Places under the name's key, each with how it matched (:func:`key_match`), then the places under
    the keys of its other romanisations (:func:`~gazetteer.normalize.respelled_keys`: Suja for Суджа),
    which are transliterations. ``lookup``: key -> places (``PlaceIndex.lookup``)."""
    found: dict[str, tuple[Place, MatchKind, float]] = {}
    for place in lookup(name_key(name)):
        found.setdefault(place.id, key_match(name, folded, place))
    for key in respelled_keys(name):
        for place in lookup(key):
            found.setdefault(place.id, (place, MatchKind.TRANSLITERATION, 1.0))
    return found


def world_city(place: Place) -> bool:
    """A national capital or a city of :data:`WORLD_CITY_POPULATION`: its name, written as it is, means it
    wherever the text is set (talks in Istanbul, a statement in Washington).

    >>> world_city(Place(id="t", name="Bigtown", latitude=0, longitude=0, population=2_000_000))
    True
    """
    return place.is_settlement and (place.feature_code == "PPLC" or place.population >= WORLD_CITY_POPULATION)


def country_veto(place: Place, how: MatchKind, ctx: Context) -> bool:
    """Whether the countries the sentence names rule this candidate out. Not when the sentence names its
    oblast too (an oblast names its country: "shelling Chernihiv while pulling back towards Belarus"),
    nor for a :func:`world_city` written as it is (not a fuzzy spelling): "talks in Istanbul" in a sentence
    about Ukraine and Russia."""
    if place.country_code in ctx.countries or place.admin1_code in ctx.admin1_codes:
        return False
    return how is MatchKind.FUZZY or not world_city(place)


def policy_refusal(query: str, place: Place, how: MatchKind, sim: float, ctx: Context, *,
                   bare: bool = False) -> str:
    """Why the match policy refuses this candidate ("" when it does not).

    ``bare``: the query came with no text at all (``geocode Paris``); a name written as the place
    writes it (exact or variant) outside the theatre is then taken as asked. An inflected form is
    not: "Сумської" read as the nominative of Shumskiy (Irkutsk) is a guess, kept for a capital or
    an oblast centre only."""
    theatre = ctx.theatre
    home = theatre.countries if theatre is not None else frozenset()
    if how is MatchKind.FUZZY and not fuzzy_accepted(query, place, sim, home):
        return (f"no place called {query!r}; the nearest spelling, {place.name} ({place.admin1 or '?'}, "
                f"{place.country_code}), is only {sim:.2f} alike (a near miss, not a match)")
    if how is MatchKind.FUZZY and place.country_code not in ctx.countries | ctx.doc_countries and (
            theatre is None or place.country_code not in theatre.countries):
        return (f"the nearest spelling of {query!r}, {place.name}, is in {place.country_code}, "
                "a country the text does not name")
    if theatre is None or theatre.contains(place):
        return ""
    named_countries = ctx.countries | ctx.doc_countries
    loose = how is MatchKind.FUZZY or how is MatchKind.TRANSLITERATION
    region_named = bool(place.admin1_code) and place.admin1_code in (ctx.admin1_codes | ctx.doc_admin1_codes)
    in_home = place.country_code in home
    if region_named or (in_home and (not place.is_settlement or theatre.contains(place, margin=THEATRE_MARGIN_DEG))):
        return ""  # its oblast is named, it is an area of a theatre country, or it lies just off the box
    centre = (place.feature_code in ("PPLC", "PPLA") and (in_home or place.feature_code == "PPLC")
              or world_city(place))
    written = how is MatchKind.EXACT or how is MatchKind.VARIANT
    # an oblast named anywhere names its country too ("in the Kursk region": Russia)
    implied = {code.split(".")[0] for code in ctx.admin1_codes | ctx.doc_admin1_codes}
    if (written and bare) or (not loose and centre) or written and place.country_code in named_countries | implied:
        return ""
    return (f"{place.name} ({place.admin1 or '?'}, {place.country_code}) is outside the {theatre.name} theatre "
            f"and the text does not name its country or region")
