"""Language knowledge as data: one resource per language, read by the extract modules.

Each resource (``en``, ``ru``, ``uk``) is a :class:`~mapper.extract.lang.schema.Language`;
the extract modules build their regexes and word sets from all of :data:`LANGUAGES` at import.

    >>> [lang.code for lang in LANGUAGES]
    ['en', 'ru', 'uk']
    >>> get_language("uk").name
    'Ukrainian'
    >>> alternation(["a|b", "", "b|c"])
    'a|b|c'

Adding a language (say Belarusian, ``be``):

1. write ``mapper/extract/lang/be.py`` with ``LANGUAGE = Language(code="be", ...)``, filling the
   parts of :mod:`mapper.extract.lang.schema` it needs (number words, casualty keywords with their
   :class:`~mapper.extract.lang.schema.Casualty` and :class:`~mapper.extract.lang.schema.Syntax`,
   qualifiers, date slots, side names, place words); a part left empty adds nothing;
2. add ``"be"`` to ``_CODES`` below;
3. add its tests to ``tests/mapper/extract/test_lang.py`` (a number word, a casualty sentence,
   a date), and run the extract tests: the first-letter look-aheads and the casualty-stem
   prefilter are derived from the resources, nothing else needs editing.
"""

from __future__ import annotations

from importlib import import_module

from mapper.extract.lang.schema import Language

__all__ = ["LANGUAGES", "get_language", "alternation", "alternatives", "words"]

_CODES = ("en", "ru", "uk")

#: Every language resource, in the order their alternatives are tried.
LANGUAGES: tuple[Language, ...] = tuple(import_module(f"mapper.extract.lang.{code}").LANGUAGE for code in _CODES)
_BY_CODE = {lang.code: lang for lang in LANGUAGES}


def get_language(code: str) -> Language:
    """The resource of the language ``code`` (ISO 639-1); KeyError if there is none.

    >>> get_language("ru").casualties.range_leads["между"].value
    'between'
    """
    return _BY_CODE[code]


def alternation(fragments) -> str:
    """Regex fragments joined into one alternation (one per language): empty ones left out, and
    an alternative that an earlier fragment already has ("км" in Russian and Ukrainian) kept once,
    which changes no match and spares the regex engine a second try.

    >>> alternation(["км|метр", "", "(?:км|м)|км"])
    'км|метр|(?:км|м)'
    """
    return "|".join(alternatives(fragments))


def alternatives(fragments) -> list[str]:
    """The alternatives :func:`alternation` joins, in order, each once.

    >>> alternatives(["км|метр", "", "(?:км|м)|км"])
    ['км', 'метр', '(?:км|м)']
    """
    return list(dict.fromkeys(a for f in fragments if f for a in _top_level(f)))


def _top_level(fragment: str) -> list[str]:
    """The alternatives of a regex fragment: split at each "|" outside groups and classes."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(fragment):
        ch = fragment[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if fragment[i + 1:i + 2] == "]" or fragment[i + 1:i + 3] == "^]":
                i += 2 if fragment[i + 1] == "]" else 3   # a "]" first in a class is a literal
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(fragment[start:i])
            start = i + 1
        i += 1
    parts.append(fragment[start:])
    return parts


def words(values) -> tuple[str, ...]:
    """Words of all languages in order, each once.

    >>> words([("и", "до"), ("і", "до")])
    ('и', 'до', 'і')
    """
    return tuple(dict.fromkeys(w for group in values for w in group))
