"""Capitalised words that are never places: what grammar and the language resources say about a word.

The toponym spotter asks this module about each capitalised word it would take for a place. A word
is *not a place* when

- the language resources list it in a :class:`~mapper.extract.lang.schema.WordClass` (a weapon,
  a named unit, a common word tags miss), in any inflected form: "КАБом" and "Шахедами" are found
  through their nominatives (:func:`gazetteer.morphology.nominative_candidates`), "Iskanders"
  through its singular;
- pymorphy3 knows it (a dictionary word, not a guess) only as a closed-class word: conjunction,
  preposition, adverb, particle, pronoun, interjection, predicative, verb form or numeral ("Це",
  "Наші", "Їм", "Дякую") — in every dictionary that knows it, and none calls it a place (``Geox``);
- pymorphy3 tags it a first name, surname or patronymic (``Name``, ``Surn``, ``Patr``), with no
  analysis as a place (``Geox``) or an adjective: "Олександр", "Гладков", "Олегович".

What a word is depends only on the word, so every answer is cached::

    >>> word_class("КАБом"), word_class("Шахедами"), word_class("Iskanders")
    ('weapon', 'weapon', 'weapon')
    >>> word_class("Це"), word_class("Також"), word_class("Олександр")
    ('closed-class word', 'common word', 'person name')
    >>> word_class("Суджа") is None, word_class("Плехово") is None
    (True, True)

Organisation, title and vessel names ("Kursk Group of Forces", "Сумської ОВА", "the submarine
Kursk") are told by their head words (:func:`organisation_head_after`, :func:`vessel_head_before`),
and so are streets ("улица Куйбышева", "Lenin Street"), sources of a claim ("according to Moscow",
"за словами Сирського"), newspapers and hospitals ("Белгородская правда", "Rylsk central district
hospital"). An adjective of nationality opening a sentence ("Українська сторона") is a common word
(:func:`common_word`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from gazetteer.morphology import analyzers, nominative_candidates
from gazetteer.normalize import is_cyrillic
from mapper.extract.numbers import is_number_word
from mapper.extract.lang import LANGUAGES, words
from mapper.extract.toponym_text import TOKEN, token_before

__all__ = ["word_class", "common_word", "organisation_head_after", "vessel_head_before", "may_be_head",
           "CLOSED_CLASS", "PERSON"]

CLOSED_CLASS = "closed-class word"
PERSON = "person name"

_PLACES = [lang.places for lang in LANGUAGES]
#: Every listed word, by the value of its kind ("weapon", "unit", "common word").
_LISTED: dict[str, str] = {}
for _places in _PLACES:
    for _cls in _places.not_places:
        for _word in _cls.words:
            _LISTED.setdefault(_word, _cls.kind.value)
#: Parts of speech that never name a place (pymorphy3's OpenCorpora tags).
_CLOSED_POS = frozenset("CONJ PREP ADVB PRCL NPRO INTJ PRED VERB INFN GRND PRTS COMP NUMR".split())
_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
#: Each head as written, and a possessive one as the name spotter's tokens see it ("prosecutor's office":
#: prosecutor, s, office).
_ORGANISATION_HEADS = tuple(sorted({tuple(split(h)) for h in words(p.organisation_heads for p in _PLACES)
                                    for split in ((str.split, TOKEN.findall) if "'" in h else (str.split,))},
                                   key=len, reverse=True))
#: Heads before a name: a vessel's ("the submarine Kursk"), a street's ("улица Куйбышева") or a
#: source's ("according to", "за версією Москви").
_VESSEL_HEADS = tuple(sorted({tuple(h.split()) for h in words(
    (*p.vessel_heads, *p.street_heads, *p.source_heads) for p in _PLACES)}, key=len, reverse=True))
#: Lemmas of adjectives of nationality, which open sentences as ordinary words ("Українська сторона").
_NATIONALITY = frozenset(words(p.nationality_adjectives for p in _PLACES))
_LATIN_PLURAL = re.compile(r"(?:e?s|'s)$")


@lru_cache(maxsize=200_000)
def word_class(word: str) -> str | None:
    """Why ``word`` (one capitalised token) is no place name, or None when it may be one."""
    folded = word.casefold()
    listed = _listed(folded)
    if listed:
        return listed
    if not is_cyrillic(word):
        return None
    known = [[p for p in analyzer.parse(word) if p.is_known] for analyzer in analyzers()]
    grammemes = [p.tag.grammemes for parses in known for p in parses]
    if any("Geox" in g for g in grammemes):
        return None
    if any(g & _PERSON_TAGS for g in grammemes) and not any("ADJF" in g for g in grammemes):
        return PERSON  # an adjective may be a place's ("Сумської"), however many surnames share it
    knowing = [parses for parses in known if parses]
    if knowing and all(_closed(p.tag) for parses in knowing for p in parses):
        return CLOSED_CLASS
    return None


def _closed(tag) -> bool:
    """A closed-class analysis (an imperative is not: "Уди" is a village that Russian reads as "fish!")."""
    return (tag.POS in _CLOSED_POS and "impr" not in tag.grammemes) or "Apro" in tag.grammemes


def _listed(folded: str) -> str | None:
    if folded in _LISTED:
        return _LISTED[folded]
    if is_cyrillic(folded):
        for form in nominative_candidates(folded)[1:]:
            if form in _LISTED:
                return _LISTED[form]
        return None
    singular = _LATIN_PLURAL.sub("", folded)
    return _LISTED.get(singular) if singular != folded else None


@lru_cache(maxsize=20_000)
def common_word(word: str) -> str | None:
    """What a Cyrillic word opening a sentence is when grammar reads it as an ordinary word:
    "number word" (Пять, Двое), "noun" or "adjective" (Бої, Мирные: the likeliest analysis, not a
    place, first name or surname); None otherwise.

    >>> common_word("Пять"), common_word("Мирные"), common_word("Бої"), common_word("Kursk")
    ('number word', 'adjective', 'noun', None)
    """
    if not is_cyrillic(word):
        return None
    if is_number_word(word):  # "Пять" had been read as Pati, Indonesia
        return "number word"
    if _nationality_adjective(word):  # "Українська сторона" had been read as the village Ukrainske
        return "adjective"
    for analyzer in analyzers():
        parses = analyzer.parse(word)
        if not parses or parses[0].score <= 0.5 or "UNKN" in parses[0].tag.grammemes:
            continue
        grammemes = parses[0].tag.grammemes
        if grammemes & {"ADJF", "NOUN"} and not grammemes & {"Geox", "Name", "Surn"}:
            return "noun" if "NOUN" in grammemes else "adjective"
    return None


def _nationality_adjective(word: str) -> bool:
    """Is ``word`` a dictionary form of an adjective of nationality ("Украинские", "Українська")?
    pymorphy3 calls the Russian ones Geox and ranks the Ukrainian feminine a surname first, so the
    general rule above misses them."""
    return any(p.is_known and "ADJF" in p.tag.grammemes and p.normal_form in _NATIONALITY
               for analyzer in analyzers() for p in analyzer.parse(word))


@lru_cache(maxsize=50_000)
def _forms(token: str) -> frozenset[str]:
    """The token in lower case and, for a Cyrillic token, the nominatives it may come from."""
    folded = token.casefold()
    return frozenset(nominative_candidates(folded, False)) | {folded} if is_cyrillic(folded) else frozenset((folded,))


def _heads_index(heads: tuple[tuple[str, ...], ...], position: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Heads by their first (``position`` 0) or last (-1) word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for head in heads:
        index.setdefault(head[position], []).append(head)
    return {word: tuple(found) for word, found in index.items()}


_ORGANISATION_BY_FIRST = _heads_index(_ORGANISATION_HEADS, 0)
_VESSEL_BY_LAST = _heads_index(_VESSEL_HEADS, -1)


@lru_cache(maxsize=50_000)
def _heads_of(token: str, by_word: str) -> tuple[tuple[str, ...], ...]:
    """The heads whose first (``by_word`` "first") or last word the token may be a form of."""
    index = _ORGANISATION_BY_FIRST if by_word == "first" else _VESSEL_BY_LAST
    found: list[tuple[str, ...]] = []
    for form in _forms(token):
        found += index.get(form, ())
    return tuple(sorted(set(found), key=len, reverse=True))


def may_be_head(token: str | None, first: bool = True) -> bool:
    """May ``token`` be the first word of an organisation head (``first``) or the last of a vessel's?
    A cached look-up that spares the full test on nearly every name.

    >>> may_be_head("Governor"), may_be_head("submarine", first=False), may_be_head("said")
    (True, True, False)
    """
    return bool(token) and bool(_heads_of(token, "first" if first else "last"))


_BETWEEN = " \u00a0-«»\"“”'"


def organisation_head_after(text: str, end: int) -> str | None:
    """The organisation or title head word(s) right after a name ending at ``end``, if any
    ("Kursk Group of Forces" → "group of forces", "Сумської ОВА" → "ова").

    >>> organisation_head_after("the Sumy Regional Military Administration said", 8)
    'regional military administration'
    >>> organisation_head_after("Kursk was hit", 5) is None
    True
    """
    m = TOKEN.search(text, end, end + 40)
    if not m or text[end:m.start()].strip(_BETWEEN):
        return None
    heads = _heads_of(m.group(), "first")
    if not heads:
        return None
    tokens = [m.group()]
    pos = m.end()
    for _ in range(max(len(h) for h in heads) - 1):
        m = TOKEN.search(text, pos, pos + 40)
        if not m or text[pos:m.start()].strip(_BETWEEN):
            break
        tokens.append(m.group())
        pos = m.end()
    for head in heads:
        if len(head) <= len(tokens) and all(h in _forms(t) for t, h in zip(tokens[1:], head[1:])):
            return " ".join(head)
    return None


def vessel_head_before(text: str, start: int) -> str | None:
    """The vessel, street or source word(s) right before a name starting at ``start`` ("the
    submarine Kursk", "крейсер «Москва»", "на улице Куйбышева", "according to Syrskyi"), if any:
    the name is then no place of events.

    >>> vessel_head_before("the submarine Kursk sank", 14)
    'submarine'
    >>> vessel_head_before("на вулиці Шевченка в Сумах", 10), vessel_head_before("according to Kyiv", 13)
    ('вулиця', 'according to')
    """
    span = token_before(text, start)
    if span is None or text[span[1]:start].strip(_BETWEEN):
        return None
    heads = _heads_of(text[span[0]:span[1]], "last")
    if not heads:
        return None
    tokens = [m.group() for m in TOKEN.finditer(text, max(0, span[0] - 40), span[1])][-3:]
    for head in heads:
        if len(head) <= len(tokens) and all(h in _forms(t) for t, h in zip(tokens[-len(head):], head)):
            return " ".join(head)
    return None
