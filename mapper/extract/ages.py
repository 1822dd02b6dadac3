"""A person's age and birth year, and the words that may stand between a person's noun and its verb.

Reports give the people they count an age or a birth year ("мужчина 1958 года рождения",
"a woman born in 1956", "Olena Koval, 61,"): that number is never a figure, and reading the people
before a casualty word steps over it (:func:`without_ages`). The patterns are the language
resources' (``People.ages``)::

    >>> without_ages("Мужчина 1958 года рождения погиб", 0, 26)
    'Мужчина                    погиб'
    >>> without_ages("A man, 45, was killed", 0, 14)
    'A man      was killed'
"""

from __future__ import annotations

import re
from functools import lru_cache

from gazetteer.morphology import analyzers
from gazetteer.normalize import is_cyrillic
from mapper._internal.regex_prefix import first_chars
from mapper.extract.lang import LANGUAGES

__all__ = ["AGE_RE", "without_ages", "genitive_noun"]

_AGES = "|".join(a for lang in LANGUAGES for a in lang.people.ages)
#: An age or birth year in the resources' words ("born in 1956", "1958 года рождения").
AGE_RE = re.compile(rf"(?<!\w)(?:{_AGES})(?!\w)", re.I)


def _first_test(patterns: list[str]) -> str:
    """A look-ahead for the characters an age (or the comma before it) can start with: a digit, or
    a first character of one of ``patterns`` (``\\d`` read as "0" to work it out); "" if unclear."""
    chars = {","}
    for pattern in patterns:
        found = first_chars(pattern.replace("\\d", "0"), re.I)
        if found is None:
            return ""
        chars |= found - {"0"}
    return rf"(?=[\d{''.join(re.escape(c) for c in sorted(chars))}])"


#: A person's age or birth year after their noun ("мужчина 1958 года рождения", "a woman born in 1956",
#: "Olena Koval, 61,"): blanked before the people are read, so it neither counts nor parts them from their verb.
#: Behind a look-ahead for the characters one can start with (the engine then passes most places at once).
_AGE_RE = re.compile(_first_test([a for lang in LANGUAGES for a in lang.people.ages])
                     + r"(?P<pre>,\s*)?(?<!\w)(?P<age>" + _AGES + r"|\d{1,3}(?=\s*,))(?!\w)(?P<post>\s*,)?", re.I)
_DIGIT = re.compile(r"\d")


def without_ages(text: str, lo: int, hi: int) -> str:
    """``text`` with the ages and birth years in ``[lo, hi)`` blanked (the same length); one
    between commas goes with its commas ("Сергей Будков, 1979 года рождения, погиб")."""
    if not _DIGIT.search(text, lo, hi):
        return text
    out, at = [], 0
    for m in _AGE_RE.finditer(text, lo, hi):
        enclosed = m["pre"] is not None and m["post"] is not None
        if m["age"].isdigit() and not enclosed:
            continue  # a bare number is an age only between commas
        a, b = m.span() if enclosed else m.span("age")
        out += [text[at:a], " " * (b - a)]
        at = b
    return "".join(out) + text[at:] if out else text


@lru_cache(maxsize=5_000)
def genitive_noun(word: str) -> bool:
    """A Russian or Ukrainian lower-case noun whose likeliest reading is the genitive ("села")."""
    if not is_cyrillic(word) or not word.islower():
        return False
    for analyzer in analyzers():
        tag = analyzer.parse(word)[0].tag
        if "NOUN" in tag and "gent" in tag:
            return True
    return False
