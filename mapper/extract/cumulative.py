"""Running totals: figures summed over a period ("since August 6, Russian losses have reached ...",
"с начала операции", "з початку вторгнення", "total losses"), not one incident.

A figure is a running total when the period words nearest before it are a total's, or, with none
before it, the nearest after it ("12 civilians were killed ... since Tuesday"). One day's bulletin ("over the past
day", "за минулу добу") is no running total, so in "за минулу добу окупанти втратили 1 720 осіб, з
початку вторгнення — близько 780 000" only the second figure is one. Words of a comparison ("the
deadliest strike since March") make no total, and "in total" / "всего" / "загалом" make one only beside a
word for losses with no day's bulletin in the sentence::

    >>> import datetime
    >>> text = "Since August 6, Russian losses have reached 4,000 personnel."
    >>> total = running_total(text, (43, 48), published=datetime.date(2024, 8, 20))
    >>> total.words, total.start.isoformat()
    ('Since August 6', '2024-08-06')
    >>> running_total("Two people were killed over the past day.", (0, 10)) is None
    True
    >>> running_total("It was the deadliest strike since March: 5 were killed.", (40, 41)) is None
    True

The period's start (the event's date) is read from the total's words with
:func:`mapper.extract.dates.resolve_event_date` where they give one; its end is the report's date.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.dates import resolve_event_date
from mapper.extract.lang import LANGUAGES, alternation

__all__ = ["RunningTotal", "running_total"]


def _words(name: str) -> str:
    return alternation(getattr(lang.kinds, name) for lang in LANGUAGES)


_MARKS = compile_with_first_chars(
    rf"(?<![\w'’-])(?:(?P<day>{_words('per_day')})|(?P<total>{_words('totals')}))(?![\w'’])")
_WEAK = compile_with_first_chars(rf"(?<![\w'’-])(?:{_words('weak_totals')})(?![\w'’])")
_LOSSES = compile_with_first_chars(rf"(?<![\w'’-])(?:{_words('losses')})(?![\w'’])")
_COMPARISON = re.compile(rf"(?<![\w'’-])(?:{_words('not_totals')})\s+(?:[^\s,;:]+\s+){{0,8}}$")
_CLAUSE_END = re.compile(r"[,;:]")
#: How far after a total's first words its dates may run ("с 24 февраля 2022 года по 21 августа 2024 года").
_PERIOD_REACH = 60
#: The longest range of dates an incident is coded to (ACLED's time precision 2: a week).
_INCIDENT_SPAN = datetime.timedelta(days=7)


@dataclass(frozen=True)
class RunningTotal:
    """A figure's period: the words that make it a total, and the dates they give (None: not given)."""

    words: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    precision: int | None = None   # ACLED time precision of the period's dates, when the words give them


def running_total(sentence: str, at: tuple[int, int], published: datetime.date | None = None, *,
                  lead: str = "") -> RunningTotal | None:
    """The running total the figure at ``at`` (character span in ``sentence``) belongs to, or None.

    ``lead`` is the text before the sentence that introduces it without figures of its own (a
    heading: "Total combat losses of the enemy from 24.02.22 to 22.02.25:" over a list of figures);
    its period words count when the sentence has none. A sentence is read once for all its figures.

    >>> running_total("personnel: about 860,000 (+1,130)", (11, 24), lead="Total losses since the invasion:").words
    'since'
    """
    found = _marked(sentence, at, published)
    if found is None and lead and not _read(sentence)[0]:
        found = _marked(lead, (len(lead), len(lead)), published)
    return found or None


@lru_cache(maxsize=256)
def _read(sentence: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, int] | None]:
    """The period words of a sentence, in order: ``(start, end, "total" or "day")``, comparisons left
    out; and the span of a weak total ("in total") when a word for losses stands beside it."""
    low = sentence.lower()
    marks = tuple((m.start(), m.end(), m.lastgroup) for m in _MARKS.finditer(low)
                  if m.lastgroup == "day" or not _COMPARISON.search(low, max(0, m.start() - 80), m.start()))
    weak = _WEAK.search(low)
    return marks, (weak.span() if weak and _LOSSES.search(low) else None)


def _marked(sentence: str, at: tuple[int, int], published: datetime.date | None) -> RunningTotal | bool | None:
    """The total the words of ``sentence`` make of the figure at ``at``; False for one day's figure;
    None when they say nothing of a period."""
    marks, weak = _read(sentence)
    if marks:
        i = bisect.bisect_left(marks, (at[1],))  # marks[:i] start before the figure ends
        start, end, kind = marks[i - 1] if i else marks[0]  # the nearest before it, else after it
        return _period(sentence, start, end, published) if kind == "total" else False
    if weak:
        return RunningTotal(sentence[weak[0]:weak[1]])
    return None


@lru_cache(maxsize=256)
def _period(sentence: str, start: int, end: int, published: datetime.date | None) -> RunningTotal | None:
    """The total's words and the dates they give: a start (and an end, for a range that has one);
    None for dates of a week or less ("September 6-11"), which date an incident (ACLED's time
    precision 2): a week's figures are not taken for a running total."""
    stop = _CLAUSE_END.search(sentence, end)
    reach = sentence[start:min(start + _PERIOD_REACH, stop.start() if stop else len(sentence))]
    date = resolve_event_date(reach, published)
    if date is None:
        return RunningTotal(sentence[start:end])
    if date.start < date.end <= date.start + _INCIDENT_SPAN:
        return None  # "between September 6 and 11": dates of a few days, as an incident has
    ranged = date.end if date.end != date.start else None
    return RunningTotal(sentence[start:max(end, start + date.span[1])], date.start, ranged, date.precision)
