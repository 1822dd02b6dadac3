"""What the text around a name says about where it is.

A :class:`Context` carries the theatre of operations, the countries and oblasts
named near the mention (which may *contradict* a candidate), those named
elsewhere in the document (which only *favour* one), and the places
co-mentioned with it::

    >>> words = find_country_words("near Plekhovo in Russia's Kursk region")
    >>> sorted(words)
    ['RU']
    >>> region_phrases("fighting in the Kursk border region and in Сумской области")
    ['Kursk region', 'Сумской области']

Building a full context from text needs the index; see
:meth:`gazetteer.resolver.Gazetteer.context_from_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from gazetteer import lang
from gazetteer.place import Place
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from gazetteer.admin_phrases import (_REGION_RE, admin_and_sector_spans, admin_phrase_spans, district_phrase_spans,
                                     front_sector_spans, is_word_char, lowered, region_phrase_spans, region_phrases, word_starts)
from gazetteer.automaton import word_automaton
from gazetteer.frozen import quick_init
from gazetteer.oblast_names import names_oblast
from gazetteer.normalize import is_cyrillic, name_key

__all__ = [
    "Theatre",
    "Context",
    "find_country_words",
    "country_word_spans",
    "country_words",
    "is_word_char",
    "is_speech_verb",
    "region_phrases",
    "region_phrase_spans",
    "district_phrase_spans",
    "admin_phrase_spans",
    "admin_and_sector_spans",
    "front_sector_spans",
    "names_oblast",
    "lowered",
    "word_starts",
    "without_admin_words",
    "COUNTRY_WORDS",
]


def __getattr__(name: str):
    """``KURSK_BORDER_THEATRE``: the default theatre (``gazetteer/data/theatres/kursk_border.toml``),
    read when first asked for, not when this module is imported."""
    if name == "KURSK_BORDER_THEATRE":
        return default_theatre()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@quick_init  # a context per mention: one dictionary update, not a setattr per field
@dataclass(frozen=True)
class Context:
    """Evidence for ranking the candidates of one mention.

    ``countries`` / ``admin1_codes``: named close to the mention ("Vorozhba in
    Sumy Oblast"); a candidate outside all of them is contradicted.
    ``doc_countries`` / ``doc_admin1_codes``: named elsewhere in the document;
    they only add weight. ``near``: places co-mentioned with this one. ``admin2_keys``: name keys of
    the districts (raions, okrugs) named in the same sentence or parenthesis ("Ивановка (Суджанский
    район)"); a candidate in one of them outranks the theatre default and population, and one
    outside is not contradicted.
    """

    theatre: Theatre | None = field(default_factory=default_theatre)
    countries: frozenset[str] = frozenset()
    admin1_codes: frozenset[str] = frozenset()
    doc_countries: frozenset[str] = frozenset()
    doc_admin1_codes: frozenset[str] = frozenset()
    near: tuple[Place, ...] = ()
    admin2_keys: frozenset[str] = frozenset()
    #: The text the evidence was read from; kept for reference, not part of equality, so
    #: resolutions cache across sentences that give the same evidence.
    text: str = field(default="", compare=False)
    admin1_names: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.countries or self.admin1_codes or self.near or self.admin2_keys)

    def in_named_district(self, place: Place) -> bool:
        """Is ``place`` in a district named near the mention?

        >>> from gazetteer.normalize import is_cyrillic, name_key
        >>> ctx = Context(admin2_keys=frozenset({name_key("Sudzhansky District")}))
        >>> ctx.in_named_district(Place(id="x", name="Ivanovka", latitude=51.2, longitude=35.2,
        ...                             admin2="Суджанский район"))
        True
        """
        return bool(self.admin2_keys) and place.is_settlement and bool(place.admin2) and name_key(place.admin2.split(" (")[0]) in self.admin2_keys

    def describe(self) -> str:
        """Short human wording of the local evidence: ``"Kursk Oblast (RU)"``."""
        parts = list(self.admin1_names)
        named_countries = {c for c in self.countries}
        if parts:
            return ", ".join(parts) + (f" ({', '.join(sorted(named_countries))})" if named_countries else "")
        if named_countries:
            return ", ".join(sorted(named_countries))
        if self.near:
            return "near " + ", ".join(p.name for p in self.near)
        return "no context"


#: Country names as reports write them (every language of :mod:`gazetteer.lang`, with case forms).
COUNTRY_WORDS: dict[str, tuple[str, ...]] = lang.country_names()
_COUNTRY_BY_WORD = {w: c for c, ws in COUNTRY_WORDS.items() for w in ws}
_POSSESSIVE_END = re.compile(r"(?:['’]s)?(?!\w)")



@lru_cache(maxsize=1)
def _country_automaton():
    return word_automaton((word, word) for word in _COUNTRY_BY_WORD)


def _country_matches(folded: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each country word of case-folded text that stands alone (no letter
    or digit before it; after it at most a possessive "'s", then no letter or digit); the longest
    word at a position wins and matches do not overlap. One Aho-Corasick pass.

    >>> _country_matches("russian federation's troops, ukraine, xrussia, россии")
    [(0, 20, 'russian federation'), (29, 36, 'ukraine'), (47, 53, 'россии')]
    """
    hits: dict[int, tuple[int, str]] = {}
    for last, word in _country_automaton().iter(folded):
        start = last - len(word) + 1
        if start and is_word_char(folded[start - 1]):
            continue
        tail = _POSSESSIVE_END.match(folded, last + 1)
        if tail and len(word) > len(hits.get(start, ("", ""))[1]):
            hits[start] = (tail.end(), word)
    out, done = [], 0
    for start in sorted(hits):
        if start >= done:
            end, word = hits[start]
            out.append((start, end, word))
            done = end
    return out

#: Words after "Ukraine's" / "Russia's" that make it the name of an institution, not a place
#: ("Ukraine's General Staff said"), and words before a country that do the same (Минобороны России).
_INSTITUTION_AFTER = frozenset(lang.words(lang.Role.INSTITUTION_AFTER))
_INSTITUTION_BEFORE = frozenset(lang.words(lang.Role.INSTITUTION_BEFORE))
#: Verbs after a country that make it the actor of the sentence ("Ukraine lost"), unless a
#: preposition puts the country as a place ("in Ukraine killed"); Cyrillic verbs are found by pymorphy3.
_ACTOR_AFTER = frozenset(lang.words(lang.Role.ACTOR_AFTER))
_PLACE_AFTER_POSSESSIVE = frozenset(lang.words(lang.Role.PLACE_AFTER_POSSESSIVE))
_PREPOSITIONS = frozenset(lang.words(lang.Role.PREPOSITION))
_SPEECH_VERBS = frozenset(lang.words(lang.Role.SPEECH_VERB))


@lru_cache(maxsize=20_000)
def is_speech_verb(word: str) -> bool:
    """A form of a Russian or Ukrainian verb of saying: "повідомляють", "заявили".

    >>> is_speech_verb("повідомляють"), is_speech_verb("заявили"), is_speech_verb("воюють")
    (True, True, False)
    """
    if not is_cyrillic(word):
        return False
    from gazetteer.morphology import analyzers

    return any(p.tag.POS in ("VERB", "INFN") and p.normal_form in _SPEECH_VERBS
               for analyzer in analyzers() for p in analyzer.parse(word)[:2])


@lru_cache(maxsize=20_000)
def _is_verb(word: str) -> bool:
    """A Russian or Ukrainian finite verb: "потеряла", "заявила".

    >>> _is_verb("потеряла"), _is_verb("области")
    (True, False)
    """
    if word in _ACTOR_AFTER:
        return True
    if not is_cyrillic(word):
        return False
    from gazetteer.morphology import analyzers

    for analyzer in analyzers():
        parses = analyzer.parse(word)
        if parses and parses[0].score > 0.3 and parses[0].tag.POS == "VERB":
            return True
    return False


def _is_actor(after: list[str], before: list[str]) -> bool:
    """Is a country with these words after and before it the one acting ("Ukraine lost") or acted
    on ("Moscow blamed Ukraine"), not a place? After a preposition, only when a verb of saying
    follows: "В Україні повідомляють" is Ukraine's report, not a place in Ukraine."""
    if before and before[-1] in _PREPOSITIONS:
        return bool(after) and is_speech_verb(after[0].strip(",.;:"))
    return bool(after) and _is_verb(after[0].strip(",.;:")) or bool(before) and _is_verb(before[-1].strip(",.;:"))


def country_words(text: str) -> tuple[set[str], list[tuple[int, int]] | None]:
    """``(codes, spans)`` from one pass: the ISO codes of the countries ``text`` names as places
    (see :func:`find_country_words`), and the spans of all its country words, places or not
    (None when case folding moves offsets, "ß" → "ss", so that spans would not point into ``text``).

    >>> country_words("Ukraine's General Staff said Russia's Kursk region")
    ({'RU'}, [(0, 9), (29, 37)])
    """
    # an ASCII text case-folds as it lowers (much faster) and holds no letter to unify
    folded = text.lower() if text.isascii() else lang.unify(text.casefold())
    matches = _country_matches(folded)
    codes = set()
    for start, end, word in matches:
        after = folded[end:end + 30].split()
        before = folded[max(0, start - 20):start].split()
        if (after and after[0].strip(",.;:") in _INSTITUTION_AFTER) or (
                before and before[-1] in _INSTITUTION_BEFORE) or _is_actor(after, before) or (
                _owner_of_no_place(text, folded, end, after)):
            continue
        codes.add(_COUNTRY_BY_WORD[word])
    return codes, ([(start, end) for start, end, _ in matches] if len(folded) == len(text) else None)


def _owner_of_no_place(text: str, folded: str, end: int, after: list[str]) -> bool:
    """A possessive country before a common noun that is no place: "Ukraine's prosecutor general
    said", "Russia's losses" (but "Russia's Kursk region", "Ukraine's north" name places)."""
    if not after or folded[end - 2:end] not in ("'s", "’s"):
        return False
    word = after[0].strip(",.;:")
    if word in _PLACE_AFTER_POSSESSIVE:
        return False
    first = text[end:end + 30].split()[:1] if len(folded) == len(text) else []
    return not (first and first[0][:1].isupper())  # a capitalised word may be a place's name


def country_word_spans(text: str) -> list[tuple[int, int]] | None:
    """Spans of the country words of ``text`` (as places or not), or None (see :func:`country_words`).

    >>> country_word_spans("Shelling in Russia's Kursk region")
    [(12, 20)]
    """
    return country_words(text)[1]


def find_country_words(text: str) -> set[str]:
    """ISO codes of the countries named in ``text`` as places (not "Ukraine's General Staff", not
    "Ukraine lost": the actor of the sentence is no place).

    >>> sorted(find_country_words("in Russia's Kursk region, Ukraine's General Staff said"))
    ['RU']
    >>> sorted(find_country_words("Украина потеряла позиции в Курской области, в России"))
    ['RU']
    """
    return country_words(text)[0]


def without_admin_words(text: str) -> str:
    """The text with oblast phrases and country names blanked (spans kept).

    >>> without_admin_words("Vorozhba in Sumy Oblast, Ukraine")
    'Vorozhba in            ,        '
    """
    text = _REGION_RE.sub(lambda m: " " * len(m.group(0)), text)
    folded = lang.unify(text.casefold())
    spans = [(start, end) for start, end, _ in _country_matches(folded)]
    for start, end in reversed(spans):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
