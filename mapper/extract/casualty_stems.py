"""Casualty keywords from the language resources, and a quick test before searching for them.

:data:`KEYWORDS` joins every language's :class:`~mapper.extract.lang.schema.CasualtyKeyword`
by what it counts and where its number stands; :data:`KEYWORD_STEMS` are strings one of which
every keyword match holds, derived from the keyword pattern itself (see
:func:`mapper._internal.regex_prefix.required_strings`). One C-speed Aho-Corasick pass over
lower-cased text finds them; most sentences of a report hold none, and
:func:`mapper.extract.casualties.find_figures` then skips its full keyword regex::

    >>> may_have_keyword("two soldiers were killed"), may_have_keyword("the bridge was rebuilt")
    (True, False)
    >>> may_have_keyword("двое раненых"), may_have_keyword("загинули троє")
    (True, True)
"""

from __future__ import annotations

from functools import lru_cache

import re

from gazetteer.automaton import word_automaton
from mapper._internal.anchored import AnchoredPattern
from mapper._internal.regex_prefix import first_chars, required_strings, with_first_chars
from mapper.extract.lang import LANGUAGES, alternation
from mapper.extract.lang.schema import Casualty, Syntax

__all__ = ["may_have_keyword", "stem_spans", "names_people", "names_things", "keyword_matches", "KEYWORD_LOWER_RE", "KEYWORDS", "KEYWORD_ENDS", "KEYWORD_PATTERN",
           "KEYWORD_STEMS", "NONPERSON_RE"]

#: The order in which keyword groups are tried where several match at one place: phrases that hold
#: another keyword ("killed or wounded", "killed in action", "убитых и раненых") come before it.
_SLOTS = [(Casualty.CASUALTIES, Syntax.ACTIVE_VERB), (Casualty.CASUALTIES, Syntax.PARTICIPLE),
          (Casualty.CASUALTIES, Syntax.EITHER_SIDE), (Casualty.CASUALTIES, Syntax.NOUN),
          (Casualty.MISSING, Syntax.PARTICIPLE), (Casualty.MISSING, Syntax.EITHER_SIDE), (Casualty.MISSING, Syntax.NOUN),
          (Casualty.CAPTURED, Syntax.ACTIVE_VERB), (Casualty.CAPTURED, Syntax.PARTICIPLE),
          (Casualty.CAPTURED, Syntax.NOUN), (Casualty.CAPTURED, Syntax.EITHER_SIDE),
          (Casualty.KILLED, Syntax.PARTICIPLE), (Casualty.KILLED, Syntax.ACTIVE_VERB), (Casualty.KILLED, Syntax.NOUN),
          (Casualty.KILLED, Syntax.EITHER_SIDE), (Casualty.WOUNDED, Syntax.ACTIVE_VERB),
          (Casualty.WOUNDED, Syntax.PARTICIPLE), (Casualty.WOUNDED, Syntax.EITHER_SIDE),
          (Casualty.WOUNDED, Syntax.NOUN), (Casualty.CASUALTIES, Syntax.NAMED_OBJECT),
          (Casualty.KILLED, Syntax.PERSON_OBJECT), (Casualty.CASUALTIES, Syntax.PERSON_OBJECT)]
#: (what it counts, where its number stands, pattern): one group per slot, every language's words in it.
KEYWORDS: list[tuple[Casualty, Syntax, str]] = [
    (casualty, syntax, pattern) for casualty, syntax in _SLOTS
    if (pattern := alternation(kw.pattern for lang in LANGUAGES for kw in lang.casualties.keywords
                               if (kw.casualty, kw.syntax) == (casualty, syntax)))]
_missing = {(kw.casualty, kw.syntax) for lang in LANGUAGES for kw in lang.casualties.keywords} - set(_SLOTS)
if _missing:
    raise ValueError(f"casualty keywords of no slot: {_missing}")
#: All keywords, group ``k<i>`` for ``KEYWORDS[i]``, each a whole word (or words) of lower-cased text.
KEYWORD_ENDS = (r"(?<![\w-])(?:", r")(?![\w'’])")  # around the groups: whole words
KEYWORD_PATTERN = "|".join(f"(?P<k{i}>{p})" for i, (_, _, p) in enumerate(KEYWORDS)).join(KEYWORD_ENDS)
#: On lower-cased text (three times as fast as re.I), tried only where a keyword's first letters stand.
KEYWORD_LOWER_RE = AnchoredPattern(with_first_chars(KEYWORD_PATTERN), size=4)
#: Strings every casualty keyword match contains; a text holding none of them cannot hold a figure.
KEYWORD_STEMS: frozenset[str] = required_strings(KEYWORD_PATTERN)


@lru_cache(maxsize=1)
def _stem_automaton():
    return word_automaton((stem, stem) for stem in KEYWORD_STEMS)


def may_have_keyword(lowered: str) -> bool:
    for _ in _stem_automaton().iter(lowered):
        return True
    return False


def stem_spans(lowered: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every stem in a whole lower-cased report: one pass for all its sentences
    (a sentence holding none of them has no figure).

    >>> stem_spans("two were killed. the bridge was rebuilt.")
    [(9, 15)]
    """
    return [(last - len(stem) + 1, last + 1) for last, stem in _stem_automaton().iter(lowered)]


#: Words for things that suffer no casualties (tanks, villages), and words for people, in every language.
NONPERSON_RE = AnchoredPattern(rf"(?<![\w-])(?:{alternation(lang.casualties.not_people for lang in LANGUAGES)})(?!\w)",
                               re.I)
#: People are the casualty words' people and every word the sides know for people: "двох жінок", "трёх детей".
_PEOPLE_RE = re.compile(rf"(?<![\w-])(?:{alternation(p for lang in LANGUAGES for p in (lang.casualties.people, lang.sides.people, lang.sides.civilians) if p)})(?![\w-])", re.I)


def names_people(subject: str) -> bool:
    """Whether the words after a number hold a word for people with no word for things before it.

    >>> names_people("военнослужащих противника"), names_people("одиниць особового складу"), names_people("танка")
    (True, True, False)
    """
    m = _PEOPLE_RE.search(subject)
    return m is not None and not NONPERSON_RE.search(subject[:m.start()])


@lru_cache(maxsize=4096)
def names_things(subject: str) -> bool:
    """Whether the words a figure counts (a few words: "Ukrainian soldiers", "танков") hold a word for
    things and none for people; read once per such phrase (reports name the same few again and again).

    >>> names_things("танков"), names_things("военнослужащих противника"), names_things("civilians")
    (True, False, False)
    """
    return NONPERSON_RE.search(subject) is not None and not names_people(subject)


def _keyword_by_first_char() -> dict[str, re.Pattern[str]]:
    """For each letter a keyword can start with, :data:`KEYWORD_PATTERN` with only the groups that
    can start with it (same names, same order): where that letter stands, its match is the full
    pattern's, found without trying the other groups."""
    groups = [(f"k{i}", pattern, first_chars(pattern)) for i, (_, _, pattern) in enumerate(KEYWORDS)]
    if any(chars is None for _, _, chars in groups):
        return {}
    head, tail = KEYWORD_ENDS
    return {char: re.compile(head + "|".join(f"(?P<{name}>{p})" for name, p, chars in groups if char in chars) + tail)
            for char in set().union(*(chars for _, _, chars in groups))}


_KEYWORD_BY_FIRST = _keyword_by_first_char()


def keyword_matches(lowered: str):
    """``KEYWORD_LOWER_RE.finditer(lowered)``, each place tried with the groups that can start there.

    >>> [m.group() for m in keyword_matches("two were killed and 5 wounded")]
    ['killed', 'wounded']
    """
    return KEYWORD_LOWER_RE.finditer(lowered, by_first=_KEYWORD_BY_FIRST)
