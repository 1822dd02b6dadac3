"""A bulletin's count for the day beside its running total: "особового складу ‒ близько 596 690
(+1 230) осіб", "personnel ‒ about 860,000 (+1,130)".

The General Staff's daily bulletin gives each running total with the day's addition in brackets.
The addition is the past day's losses, an incident-level figure of its own: :func:`with_increments`
adds it beside the total's figure (same kind, same subject), marked ``increment``, so that it is
not read as a running total and is dated the day before the report to the report's day::

    >>> from mapper.extract.casualties import find_figures
    >>> [(f.best, f.increment) for f in find_figures("особового складу ‒ близько 596 690 (+1 230) осіб,")]
    [(596690, False), (1230, True)]
"""

from __future__ import annotations

import re
from dataclasses import replace

__all__ = ["with_increments"]

_REACH = 30  # the total's number may end its figure's words: look this far past them
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+"
#: a total's number, then the day's addition in brackets
_TOTAL_AND_INCREMENT = re.compile(rf"(?<![\d.,])(?P<total>{_NUMBER})\s*\(\s*\+\s*(?P<increment>{_NUMBER})\s*\)")


def with_increments(text: str, figures: list) -> list:
    """``figures`` (found in ``text``), each total followed by the day's addition written beside it
    (the same list where the text writes no "+": no addition can be there)."""
    if "+" not in text:
        return figures
    out = []
    for figure in figures:
        out.append(figure)
        if figure.increment:
            continue
        for m in _TOTAL_AND_INCREMENT.finditer(text, figure.start, min(len(text), figure.end + _REACH)):
            if _value(m.group("total")) == figure.best:
                value = _value(m.group("increment"))
                out.append(replace(figure, low=value, best=value, high=value, approximate=False, qualifier="",
                                   text=m.group(), start=m.start("increment"), end=m.end("increment"),
                                   increment=True))
                break
    return out


def _value(number: str) -> int:
    return int(re.sub(r"\D", "", number))
