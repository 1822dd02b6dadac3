"""Language knowledge as data: one resource per language (``en``, ``ru``, ``uk``, ``be``).

Each resource is a :class:`~gazetteer.lang.schema.Language` (typed entries, see
:mod:`gazetteer.lang.schema`); :mod:`gazetteer.normalize`, :mod:`gazetteer.morphology`,
:mod:`gazetteer.context` and :mod:`gazetteer.boundaries` build their tables and patterns from
all of them, in the order of :data:`LANGUAGES`::

    >>> language("uk").name
    'Ukrainian'
    >>> [lang.code for lang in languages(reads_text=True)]
    ['en', 'ru', 'uk']
    >>> "під" in words(Role.PREPOSITION)
    True

Adding a language is a new resource plus its tests: write ``gazetteer/lang/xx.py`` holding
``LANGUAGE = Language(code="xx", name=..., alphabet=..., transliteration=..., ...)`` (only what
the language has: its prepositions, admin words, country names, case rules), add ``"xx"`` to
:data:`LANGUAGES`, and add tests to ``tests/gazetteer/test_lang.py`` that its forms normalise (an
inflected place name proposes its nominative, its admin words and spellings share a name key).
No module changes. The index fingerprint covers this folder, so the index is rebuilt.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import lru_cache

from gazetteer.lang.schema import Language, Level, Part, Role, Use

__all__ = ["LANGUAGES", "language", "languages", "words", "admin_words", "country_names", "letters",
           "letter_class", "transliteration", "equivalents", "unify", "case_rules", "key_spellings",
           "romanisations", "sister_endings", "fleeting_endings"]

#: The resources, in the order their entries are merged.
LANGUAGES = ("en", "ru", "uk", "be")


@lru_cache(maxsize=None)
def language(code: str) -> Language:
    """The resource of one language; LookupError for a language without one."""
    if code not in LANGUAGES:
        raise LookupError(f"no language resource {code!r} (known: {', '.join(LANGUAGES)})")
    return importlib.import_module(f"gazetteer.lang.{code}").LANGUAGE


def languages(*, reads_text: bool | None = None) -> tuple[Language, ...]:
    """Every resource; with ``reads_text=True`` only the languages whose reports are read."""
    return tuple(lang for lang in map(language, LANGUAGES) if reads_text is None or lang.reads_text == reads_text)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def words(role: Role) -> tuple[str, ...]:
    """The words of every language with a role, in language order, each once."""
    return _unique(w for lang in languages() for w in lang.words.get(role, ()))


def admin_words(use: Use, level: Level | None = None) -> tuple[str, ...]:
    """Administrative words with a use (and of a level), in language order, each once.

    >>> admin_words(Use.NAME)
    ('oblast', 'region', "oblast'", 'область')
    """
    return _unique(a.word for lang in languages() for a in lang.admin_words
                   if use in a.use and (level is None or a.level is level))


def country_names() -> dict[str, tuple[str, ...]]:
    """ISO code -> the forms of the country's name in every language, in language order.

    >>> country_names()["BY"]
    ('belarus', 'беларусь', 'беларуси', 'білорусь', 'білорусі')
    """
    names: dict[str, tuple[str, ...]] = {}
    for country in (c for lang in languages() for c in lang.countries):
        names[country.code] = _unique((*names.get(country.code, ()), *country.names))
    return names


def letters(langs: Iterable[Language]) -> str:
    """The lower-case letters of the languages' alphabets, sorted, each once."""
    return "".join(sorted({c for lang in langs for c in lang.alphabet}))


def letter_class(langs: Iterable[Language], *, case: str = "lower", extra: str = "") -> str:
    """A regex character class of the languages' letters, ``case`` "lower", "upper" or "both",
    plus ``extra``; runs of consecutive code points are written as ranges.

    >>> letter_class([language("en")], extra="A-Z")
    '[A-Z]'
    >>> letter_class([language("ru")], case="upper")
    '[ЁА-Я]'
    """
    lower = letters(langs)
    chars = sorted(set({"lower": lower, "upper": lower.upper(), "both": lower + lower.upper()}[case]))
    runs: list[list[str]] = []
    for char in chars:
        if runs and ord(char) == ord(runs[-1][-1]) + 1:
            runs[-1].append(char)
        else:
            runs.append([char])
    return "[" + "".join(r[0] + "-" + r[-1] if len(r) > 2 else "".join(r) for r in runs) + extra + "]"


@lru_cache(maxsize=1)
def transliteration() -> dict[str, str]:
    """Letter -> Latin for every language; ValueError if two languages disagree on a letter."""
    table: dict[str, str] = {}
    for lang in languages():
        for letter, latin in lang.transliteration.items():
            if table.setdefault(letter, latin) != latin:
                raise ValueError(f"{lang.code}: {letter!r} -> {latin!r}, another language has {table[letter]!r}")
    return table


@lru_cache(maxsize=1)
def equivalents() -> tuple[tuple[str, str], ...]:
    """``(letter, the letter it stands for)`` of every language: spelling variants folded away."""
    return tuple(dict.fromkeys(pair for lang in languages() for pair in lang.equivalents.items()))


def unify(text: str) -> str:
    """``text`` with every language's equivalent letters replaced (``str.replace``, fast on long text).

    >>> unify("Тёткино")
    'Теткино'
    """
    for letter, equivalent in equivalents():
        text = text.replace(letter, equivalent)
    return text


def case_rules(part: Part) -> list[tuple[str, tuple[str, ...]]]:
    """``(ending, nominatives)`` of one part of speech, every language's rules merged by ending:
    endings in the order they first appear (language by language), nominatives in language order.
    """
    merged: dict[str, list[str]] = {}
    for lang in languages():
        for rule in lang.case_rules:
            if rule.part is part:
                merged.setdefault(rule.ending, []).extend(rule.nominatives)
    return [(ending, _unique(noms)) for ending, noms in merged.items()]


@lru_cache(maxsize=1)
def key_spellings() -> tuple[tuple[str, str], ...]:
    """``(letter group, the letter it stands for)`` of every language, read so in name keys.

    >>> ("ьо", "е") in key_spellings()
    True
    """
    return tuple(dict.fromkeys(pair for lang in languages() for pair in lang.key_spellings.items()))


@lru_cache(maxsize=1)
def sister_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(ending, the sister language's endings it stands for)`` of every language, longest ending first.

    >>> dict(sister_endings())["ове"]
    ('ово',)
    """
    merged: dict[str, list[str]] = {}
    for lang in languages():
        for ending, theirs in lang.sister_endings.items():
            merged.setdefault(ending, []).extend(theirs)
    return tuple(sorted(((e, _unique(t)) for e, t in merged.items()), key=lambda et: -len(et[0])))


@lru_cache(maxsize=1)
def fleeting_endings() -> tuple[tuple[str, str], ...]:
    """``(regular expression for an oblique stem's end, the nominative's end)`` of every language's
    nouns with a vowel that drops out of their other cases.

    >>> len(fleeting_endings()) >= 2
    True
    """
    return tuple(dict.fromkeys(pair for lang in languages() for pair in lang.fleeting_endings))


@lru_cache(maxsize=1)
def romanisations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(Cyrillic letter group, its other Latin spellings)`` of every language, merged by group.

    >>> dict(romanisations())["дж"]
    ('j', 'dj')
    """
    merged: dict[str, list[str]] = {}
    for lang in languages():
        for group, spellings in lang.romanisations.items():
            merged.setdefault(group, []).extend(spellings)
    return tuple((group, _unique(spellings)) for group, spellings in merged.items())
