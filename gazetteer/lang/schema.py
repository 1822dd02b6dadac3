"""The typed entries of a language resource (see :mod:`gazetteer.lang`).

A resource is one :class:`Language` (a dataclass; its entries are typed named tuples, cheap to
create at import): its alphabet and transliteration, the words that
play a role around place names (prepositions, the words of administrative names,
country names), and the case endings that lead from an inflected form back to the
nominative::

    >>> rule = CaseRule(Part.NOUN, "ою", ("а",))
    >>> rule.part.value, rule.nominatives
    ('noun', ('а',))
    >>> AdminWord("район", Level.DISTRICT).use == Use.KEY | Use.TEXT
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, Flag, auto
from typing import NamedTuple

__all__ = ["Role", "Part", "Level", "Use", "CaseRule", "AdminWord", "Country", "Alternation",
           "OblastNoun", "Language"]


class Role(Enum):
    """What a single word does next to a place name."""

    #: precedes a place name and is dropped before lookup: "під Суджею", "near Sudzha"
    PREPOSITION = "preposition"
    #: before a country name, makes it an institution, not a place: "Минобороны России"
    INSTITUTION_BEFORE = "institution before a country"
    #: after "Ukraine's" / "Russia's", the same: "Ukraine's General Staff"
    INSTITUTION_AFTER = "institution after a country"
    #: after a possessive country, keeps it a place: "Russia's Kursk region", "Ukraine's north"; after
    #: "Ukraine's" any other common noun is its owner's ("Ukraine's prosecutor general"), no place
    PLACE_AFTER_POSSESSIVE = "place noun after a possessive country"
    #: after a country, makes it the actor of the sentence, not a place: "Ukraine lost ..."
    ACTOR_AFTER = "verb after a country"
    #: joins the names of a list of admin units: "Глушковского, Кореневского и Суджанского районов"
    LIST_JOIN = "list join"
    #: start of a word between an admin name and its admin word: "Грайворонского городского округа"
    ADMIN_QUALIFIER = "admin qualifier stem"
    #: adjectives that open multi-word names and are no name alone: "Нижней" of "в Нижней Мордовке"
    NAME_ADJECTIVE = "name adjective"
    #: opens a clause about another place of the same name: "not to be confused with ... in Sumy Oblast"
    NAMESAKE = "namesake clause"
    #: the dictionary form of a verb of saying: a country after a preposition and before one is the
    #: source of a report, not a place of it: "В Україні повідомляють", "В России заявили"
    SPEECH_VERB = "verb of saying (lemma)"


class Part(Enum):
    """The part of speech a case rule inflects; adjective rules are tried first."""

    ADJECTIVE = "adjective"
    NOUN = "noun"


class Level(Enum):
    """The administrative level a word names; the value is the token name keys use for it."""

    OBLAST = "oblast"
    DISTRICT = "raion"
    #: a Ukrainian territorial community, resolved to its centre settlement
    HROMADA = "hromada"
    #: a front "direction" ("Курское направление"), read as the oblast of that name
    DIRECTION = "direction"


class Use(Flag):
    """Where an administrative word counts."""

    #: folded to the level's token in name keys ("Курская область" ~ "Kursk Oblast")
    KEY = auto()
    #: read in running text as making the name before it an admin area ("Сумського району")
    TEXT = auto()
    #: ends the official name of an oblast, from which everyday region words are made
    NAME = auto()


class CaseRule(NamedTuple):
    """An oblique ending and the nominative endings it may come from."""

    part: Part
    ending: str
    nominatives: tuple[str, ...]


class AdminWord(NamedTuple):
    """A word of administrative names: "область", "district", "р-н"."""

    word: str
    level: Level
    use: Use = Use.KEY | Use.TEXT


class Country(NamedTuple):
    """A country (ISO code) and the forms its name takes in running text, lower case."""

    code: str
    names: tuple[str, ...]


class Alternation(NamedTuple):
    """A stem vowel that changes in a closed final syllable: Ukrainian Харков- → Харків."""

    vowels: str
    becomes: str
    #: the language's vowels: a stem ending in one of them has an open final syllable
    all_vowels: str

    def apply(self, stem: str) -> str | None:
        """The alternated stem, or None when the rule does not apply.

        >>> Alternation("ое", "і", "аеиіоуюяєї").apply("харков")
        'харків'
        """
        if len(stem) >= 3 and stem[-2] in self.vowels and stem[-1] not in self.all_vowels:
            return stem[:-2] + self.becomes + stem[-1]
        return None


class OblastNoun(NamedTuple):
    """A one-word name of an oblast made from its adjective: Курська область → Курщина."""

    #: what replaces the adjective ending, before the case ending: "щин"
    stem: str
    #: the nominative case ending: "а"
    nominative: str
    #: a regular expression for the case endings after ``stem``
    endings: str
    #: the letters the adjective stem must end with for this noun ("дт": Белгород → Белгородчина); any when empty
    after: str = ""

    @property
    def suffix(self) -> str:
        """The nominative suffix: "щина"."""
        return self.stem + self.nominative


@dataclass(frozen=True)
class Language:
    """One language's knowledge, as :mod:`gazetteer.normalize`, :mod:`gazetteer.morphology`,
    :mod:`gazetteer.context` and :mod:`gazetteer.boundaries` use it."""

    code: str
    name: str
    #: True when reports in this language are read; False for a language that only
    #: contributes place names (alternate names, transliteration)
    reads_text: bool = True
    #: lower-case letters (empty for a Latin-script language)
    alphabet: str = ""
    #: lower-case letter -> Latin; languages must agree on the letters they share
    transliteration: Mapping[str, str] = field(default_factory=dict)
    #: letters that spelling may write for another: "ё" for "е"
    equivalents: Mapping[str, str] = field(default_factory=dict)
    words: Mapping[Role, tuple[str, ...]] = field(default_factory=dict)
    admin_words: tuple[AdminWord, ...] = ()
    countries: tuple[Country, ...] = ()
    #: case rules in the order they are tried
    case_rules: tuple[CaseRule, ...] = ()
    alternations: tuple[Alternation, ...] = ()
    oblast_nouns: tuple[OblastNoun, ...] = ()
    #: endings of oblast adjectives, dropped to make an oblast noun: "ская" (Курская)
    oblast_adjective_endings: tuple[str, ...] = ()
    #: endings of the adjective a hromada is named with, dropped to find its centre: "ська" (Білопільська →
    #: Білопілля)
    place_adjective_endings: tuple[str, ...] = ()
    #: suffixes of such an adjective's stem that the centre's name may lack: "ян" (Ворожбянська → Ворожба),
    #: "ів" (Дергачівська → Дергачі)
    place_adjective_suffixes: tuple[str, ...] = ()
    #: letters dropped from the end of such a stem: the soft sign of "Білопіль-"
    place_adjective_stem_drop: str = ""
    #: a regular expression for a vowel of the stem that the centre's name lacks: Липец- ← Липці
    fleeting_vowel: str = ""
    #: ``(regular expression for the end of an oblique form's stem, the nominative's end)`` of nouns
    #: whose last vowel drops out of their other cases: Тростянець, у Тростянці (stem тростянц-);
    #: Городок, у Городку
    fleeting_endings: tuple[tuple[str, str], ...] = ()
    #: ``(first half of a compound, the adjective it stands for)``: ("велико", "велика") of Великописарівська
    compound_prefixes: tuple[tuple[str, str], ...] = ()
    #: pymorphy3's dictionary for the language, if it has one
    morph_analyzer: str = ""
    #: letter groups this language writes for a sister language's letter, read as that letter in name
    #: keys (lower case, after ё → е): Ukrainian "ьо" for Russian ё (Тьоткіно is Тёткино)
    key_spellings: Mapping[str, str] = field(default_factory=dict)
    #: how reports in this language may spell Cyrillic letter groups besides the transliteration
    #: table, indexed as more keys of a name: English "j" and "dj" for дж (Suja, Sudja for Суджа)
    romanisations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: name endings this language writes for a sister language's (lower case): Ukrainian reports spell
    #: Russian villages their own way, -івка for -овка/-евка (Любимівка is Любимовка), -ове for -ово
    #: (Климове is Климово); looked up as more keys of a name, as transliterations
    sister_endings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
