"""The clause or the line of a sentence that holds a figure: a sentence of two claims ("X said ...;
Y said ...") gives each figure its own clause's claimant, and a sentence running over lines (items of a
list with no final stop) its own line's::

    >>> clause_at("Two were killed, police said; three were hurt, the governor said.", 35)
    'three were hurt, the governor said.'
    >>> clause_at("- Kursk: one wounded\\n- Sumy: two killed, the administration said.", 5, LINES)
    '- Kursk: one wounded\\n'
"""

from __future__ import annotations

import bisect
import re

__all__ = ["clause_at", "CLAUSES", "LINES"]

CLAUSES = re.compile(r";\s|\s[—–]\s")   # clause breaks: a semicolon, a dash between spaces
LINES = re.compile(r"\n")
#: a character every break of a pattern holds: a sentence without one has a single clause
_MARKS = {CLAUSES: ";—–", LINES: "\n"}


def clause_at(sentence: str, at: int | None, breaks: re.Pattern[str] = CLAUSES) -> str:
    """The part of ``sentence`` between two ``breaks`` that holds position ``at`` (all of it if None)."""
    if at is None:
        return sentence
    marks = _MARKS.get(breaks)
    if marks is not None and not any(mark in sentence for mark in marks):
        return sentence
    bounds = [0, *(m.end() for m in breaks.finditer(sentence)), len(sentence) + 1]
    i = bisect.bisect_right(bounds, at) - 1
    return sentence[bounds[i]:bounds[i + 1]] if 0 <= i < len(bounds) - 1 else sentence
