"""A quick test before the casualty-keyword search: does the text hold any casualty word's stem?

One C-speed Aho-Corasick pass over lower-cased text; most sentences of a report fail it, and
:func:`mapper.extract.casualties.find_figures` then skips its full keyword regex::

    >>> may_have_keyword("two soldiers were killed"), may_have_keyword("the bridge was rebuilt")
    (True, False)
"""

from __future__ import annotations

from functools import lru_cache

from gazetteer.automaton import word_automaton

__all__ = ["may_have_keyword", "stem_spans", "KEYWORD_STEMS"]

#: Stems every casualty keyword contains; a text holding none of them cannot hold a figure.
#: Checked with one C-speed Aho-Corasick pass before the full keyword regex (most sentences fail it).
KEYWORD_STEMS = (
    "kill", "wound", "injur", "casualt", "loss", "dead", "died", "death", "fatal", "missing", "unaccounted",
    "captur", "prisoner", "pow", "captive", "surrender", "perish", "slain", "lives", "eliminat", "liquidat",
    "lost", "lose", "losing", "toll", "убит", "убил", "погиб", "вбит", "вбил", "загиб", "загин", "ранен",
    "ранил", "поранен", "поранил", "травм", "пострада", "постражда", "потер", "втрат", "личного", "особового",
    "пропа", "зник", "плен", "полон", "ліквід", "ликвид", "ранени", "поранен",
)


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
    [(9, 13)]
    """
    return [(last - len(stem) + 1, last + 1) for last, stem in _stem_automaton().iter(lowered)]
