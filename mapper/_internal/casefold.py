"""A text's case fold, position for position: what case-blind prefix look-ups search.

Under ``re.IGNORECASE`` the regex engine takes a letter for its other cases and for a few more
characters (ſ for s, ς for σ, ᲀ for в). :func:`fold` maps each to one lower-case letter, keeping
every position, so that a literal prefix found in the fold is where a case-blind match may start.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the table of the extra cases behind ``re``; stable since Python 3.11
    from re import _casefix
except ImportError:  # pragma: no cover - other interpreters
    _casefix = None

__all__ = ["fold", "lowered"]


def _fold_table() -> dict[int, int]:
    """Each character ``re.IGNORECASE`` treats as another lower-case letter's (ſ for s, ς for σ,
    ᲀ for в), mapped to that letter."""
    table: dict[int, int] = {}
    for low, extras in (_casefix._EXTRA_CASES.items() if _casefix is not None else ()):
        group = sorted({low, *extras})
        for code in group:
            table[code] = group[0]
    return {k: v for k, v in table.items() if k != v}


_FOLD = _fold_table()
_NEEDS_TABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]") if _FOLD else None
assert all(c > 127 for c in _FOLD)


#: A text at least this long is a report (or a big part of one), lower-cased once for all its readers.
_LONG = 1000


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text.lower()``, made once for a report's several readers (the casualty stems, the cause words
    and the fold); for short texts call ``str.lower`` itself."""
    return text.lower()


@lru_cache(maxsize=64)  # the same text is read by several patterns in a row
def fold(text: str) -> str | None:
    """``text`` in lower case with every character the regex engine takes for another under
    IGNORECASE made that one, position for position; None when lower case changes the length
    (a dotted capital İ), where no position-for-position fold exists.

    >>> fold("Kursk ſ Σ")
    'kursk s ς'
    """
    low = lowered(text) if len(text) >= _LONG else text.lower()
    if len(low) != len(text):
        return None
    if _NEEDS_TABLE is None or low.isascii():  # (every character of the table is past ASCII)
        return low
    return low.translate(_FOLD) if _NEEDS_TABLE.search(low) else low
