"""The parts of a regular expression, as Python's own parser reads them: what the prefix, suffix
and dispatch helpers (:mod:`~mapper._internal.regex_prefix`, :mod:`~mapper._internal.regex_suffix`,
:mod:`mapper.extract.rule_dispatch`) work out their answers from.

    >>> [op for op, _ in parse_items(r"(?<!\\w)ab[cd]")]
    [ASSERT_NOT, LITERAL, LITERAL, IN]
    >>> sorted(class_chars(parse_items("[a-c]")[0][1]))
    ['a', 'b', 'c']
    >>> only_literals(parse_items("(?:ab|c)[de]")), only_literals(parse_items("a+"))
    (True, False)
"""

from __future__ import annotations

import re

try:  # the parser behind ``re``; its layout has been stable since Python 3.11
    from re import _casefix
    from re import _constants as ops
    from re import _parser as _p
except ImportError:  # pragma: no cover - other interpreters
    ops = _p = _casefix = None

__all__ = ["parse_items", "class_chars", "only_literals", "case_forms", "usable", "ops", "MAX_RANGE", "MAX_STRINGS",
           "WHITESPACE"]

#: A character range wider than this counts as "any character" (``[а-я]`` is fine, ``[^\n]`` is not).
MAX_RANGE = 512
#: At most this many strings per answer (a class like [оау] multiplies them).
MAX_STRINGS = 400
#: Every character ``\\s`` matches in a str pattern (``str.isspace``: all of them lie below U+3001).
WHITESPACE = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace())


def parse_items(pattern: str) -> list | None:
    """The top-level ``(op, argument)`` items of the parsed pattern, or None if it cannot be parsed here."""
    if _p is None:
        return None
    try:
        return list(_p.parse(pattern))
    except (re.error, RecursionError):
        return None


def class_chars(items, categories: dict | None = None, spaces: bool = False) -> set[str] | None:
    """The characters a class (the argument of an ``IN`` item) holds; None for negated classes,
    wide ranges and categories (``\\w``), except those ``categories`` maps to a stand-in string,
    and with ``spaces`` the spaces (``\\s``: each of :data:`WHITESPACE`).

        >>> len(class_chars(parse_items(r"[\\s-]")[0][1], spaces=True)), class_chars(parse_items(r"[\\s-]")[0][1])
        (30, None)
    """
    chars: set[str] = set()
    for op, av in items:
        if op is ops.LITERAL:
            chars.add(chr(av))
        elif op is ops.RANGE and av[1] - av[0] <= MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is ops.CATEGORY and spaces and av == ops.CATEGORY_SPACE:
            chars.update(WHITESPACE)
        elif op is ops.CATEGORY and categories and av in categories:
            chars.add(categories[av])
        else:
            return None
    return chars


def only_literals(items: list) -> bool:
    """Do the items hold only literals, classes and groups of them (so their strings are whole)?"""
    for op, av in items:
        if op in (ops.LITERAL, ops.IN):
            continue
        if op is ops.SUBPATTERN and only_literals(list(av[-1])):
            continue
        if op is ops.BRANCH and all(only_literals(list(a)) for a in av[1]):
            continue
        return False
    return True


def case_forms(char: str) -> set[str]:
    """``char`` and every character ``re.IGNORECASE`` takes for it (ſ for s, K for the Kelvin sign...)."""
    forms = {c for c in (char, char.lower(), char.upper()) if len(c) == 1}
    for c in list(forms):
        forms.update(chr(x) for x in _casefix._EXTRA_CASES.get(ord(c.lower()), ()))
    return forms


def usable(strings: set[str]) -> set[str] | None:
    """``strings`` as an answer: None when one of them is empty (a match may then start anywhere)."""
    return None if "" in strings else strings
