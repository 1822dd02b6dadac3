"""Running totals: figures summed over a period ("since August 6, Russian losses have reached ...",
"с начала операции", "з початку вторгнення", "total losses", a week's tally), not one incident.

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

"Since" a date runs up to the report and sums whatever the figure counts, however few the days. A
closed period of a week or less ("over the past week", "за тиждень", "between September 6 and 11")
sums the casualties of civilians, struck in one attack after another: a weekly tally. A force's losses
over such days are one battle, as ACLED codes fighting dated to the week (time precision 2), and a
single person is one incident whatever the period around it. A closed period that ended before the
month preceding the report ("between August and October" in a December report) dates past incidents
told again, not a total kept up to the report.

With no period words in the sentence, those of the sentences just before it that hold no figures
count ("Over the week the enemy shelled the region 400 times. Seven civilians were killed."), and
then a report's heading that makes it a period's summary ("weekly update", "підсумки тижня",
"Civilian harm update, September 2024"), unless the sentence dates its claim itself ("on 8 September").

The period's start (the event's date) is read from the total's words with
:func:`mapper.extract.dates.resolve_event_date` where they give one; its end is the report's date.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.ages import AGE_RE
from mapper.extract.dates import find_dates, is_statement_date, resolve_event_date
from mapper.extract.lang import LANGUAGES, alternation

__all__ = ["RunningTotal", "running_total", "period_kind", "headline_repeats", "MONTH_NUMBERS"]


def _words(name: str) -> str:
    return alternation(getattr(lang.kinds, name) for lang in LANGUAGES)


def _bounded(pattern: str) -> re.Pattern[str]:
    return compile_with_first_chars(rf"(?<![\w'’-])(?:{pattern})(?![\w'’])")


_MARKS = _bounded(rf"(?P<day>{_words('per_day')})|(?P<since>{_words('since')})|(?P<week>{_words('weeks')})"
                  rf"|(?P<as_of>{_words('as_of')})|(?P<total>{_words('totals')})")
_WEAK = _bounded(_words("weak_totals"))

_LOSSES = _bounded(_words("losses"))
_ACCRUED = _bounded(_words("accrued"))
_HEADINGS = _bounded(rf"(?P<week>{_words('week_headings')})|(?P<period>{_words('period_headings')})")
_COMPARISON = re.compile(rf"(?<![\w'’-])(?:{_words('not_totals')})\s+(?:[^\s,;:]+\s+){{0,8}}$")
_CLAUSE_END = re.compile(r"[,;:]")
#: Month words of every language, by month number, for where a closed period ends.
MONTH_NUMBERS = _MONTHS = {form: i for lang in LANGUAGES for i, forms in enumerate(lang.dates.months, 1) for form in forms.split()}
#: Month words that are verbs in lower case ("may"): a month only with a capital.
_MONTH_VERBS = frozenset(w for lang in LANGUAGES for w in lang.dates.month_verbs)
#: The figures a count "as of today" ("на сегодня") keeps: the missing and the held, never a toll.
_STANDING = ("missing", "captured")
_WORD = re.compile(r"[^\W\d_]+")
#: How far after a total's first words its dates may run ("с 24 февраля 2022 года по 21 августа 2024 года").
_PERIOD_REACH = 60
#: The longest range of dates an incident is coded to (ACLED's time precision 2: a week).
_INCIDENT_SPAN = datetime.timedelta(days=7)
#: A heading is one of the first lines of a report, short, and does not end like a sentence.
_HEADING_LINES, _HEADING_CHARS = 3, 160
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s*$")
#: The side the theatre files name for civilians (:mod:`mapper.extract.sides`).
_CIVILIANS = "Civilians"
#: A force's losses this large, said in a perfect that sums up to now and with no date, are a total.
_ACCRUED_PEOPLE = 1000


@dataclass(frozen=True)
class RunningTotal:
    """A figure's period: the words that make it a total, and the dates they give (None: not given)."""

    words: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    precision: int | None = None   # ACLED time precision of the period's dates, when the words give them
    short: bool = False            # a closed period of a week or less: a tally of civilians only
    standing: bool = False         # a count "as of today": a total of the missing or the held only


def running_total(sentence: str, at: tuple[int, int], published: datetime.date | None = None, *,
                  lead: str = "", document: str = "", side: str = "", people: int = 2,
                  category: str = "") -> RunningTotal | None:
    """The running total the figure at ``at`` (character span in ``sentence``) belongs to, or None.

    ``lead`` is the text before the sentence that introduces it without figures of its own (a
    heading: "Total combat losses of the enemy from 24.02.22 to 22.02.25:" over a list of figures);
    its period words count when the sentence has none and dates nothing itself. ``document`` is the
    whole report, whose heading may make it a period's summary. ``side`` is who suffered (a force,
    or the theatre's civilians) and ``people`` how many the figure counts: a week's tally sums
    civilians, more than one. A count "as of today" is a total of the missing or the held
    (``category``), not of a toll that may be one strike's. A sentence is read once for all its figures.

    >>> running_total("personnel: about 860,000 (+1,130)", (11, 24), lead="Total losses since the invasion:").words
    'since'
    >>> week = "Over the past week, 7 civilians were killed in the region."
    >>> running_total(week, (20, 21), datetime.date(2025, 4, 7), side="Civilians", people=7).words
    'Over the past week'
    >>> running_total(week, (20, 21), datetime.date(2025, 4, 7), side="Russian forces", people=7) is None
    True
    """
    found = _marked(sentence, at, published)
    if found and found.standing and category not in _STANDING:
        found = None
    if found is None and not _read(sentence)[0] and (lead or document):
        before = _marked(lead, (len(lead), len(lead)), published) if lead else None
        if before is None and document:
            before = _heading_total(document, published)
        if before is not None and not _dates_itself(sentence, published):
            found = before  # (the sentence is read for dates only when the words before it give a period)
    if found and found.short and (people <= 1 or (side and side != _CIVILIANS)):
        return None  # a force's losses over a few days are a battle; one person is one incident
    if found is None and people >= _ACCRUED_PEOPLE and side and side != _CIVILIANS and not _read(sentence)[0]:
        accrued = _ACCRUED.search(sentence.lower(), 0, at[0])
        if accrued and not _dates_itself(sentence, published):  # "had suffered about 3,800 casualties"
            found = RunningTotal(sentence[accrued.start():accrued.end()])
    return found or None


def period_kind(sentence: str, at: tuple[int, int]) -> str | None:
    """The kind of the period words nearest the figure at ``at`` ("day" for a day's bulletin,
    "week", "since", "total"), or None.

    >>> period_kind("Over the past day the enemy lost 1,100 servicemen.", (33, 38))
    'day'
    """
    marks = _read(sentence)[0]
    if not marks:
        return None
    i = bisect.bisect_left(marks, (at[1],))
    return (marks[i - 1] if i else marks[0])[2]


@lru_cache(maxsize=256)
def _dates_itself(sentence: str, published: datetime.date | None) -> bool:
    """Whether the sentence gives its claim a date ("last week", "on 8 September"), not only the date
    of a statement ("claimed on January 4 that")."""
    return any(not is_statement_date(sentence, d) for d in find_dates(sentence, published))


@lru_cache(maxsize=256)
def _read(sentence: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, int] | None]:
    """The period words of a sentence, in order: ``(start, end, "total", "since", "week", "as_of" or "day")``,
    comparisons left out; and the span of a weak total ("in total") when a word for losses stands beside it."""
    low = sentence.lower()
    marks = tuple((m.start(), m.end(), m.lastgroup) for m in _MARKS.finditer(low)
                  if m.lastgroup == "day" or not _COMPARISON.search(low, max(0, m.start() - 80), m.start()))
    if marks and (ages := [m.span() for m in AGE_RE.finditer(low)]):  # a birth year is no period
        marks = tuple(mark for mark in marks if not any(a < mark[1] and mark[0] < b for a, b in ages))
    weak = _WEAK.search(low)
    return marks, (weak.span() if weak and _LOSSES.search(low) else None)


def _marked(sentence: str, at: tuple[int, int], published: datetime.date | None) -> RunningTotal | bool | None:
    """The total the words of ``sentence`` make of the figure at ``at``; False for one day's figure
    or for past incidents' dates; None when they say nothing of a period."""
    marks, weak = _read(sentence)
    if marks:
        i = bisect.bisect_left(marks, (at[1],))  # marks[:i] start before the figure ends
        start, end, kind = marks[i - 1] if i else marks[0]  # the nearest before it, else after it
        if kind == "as_of":
            return RunningTotal(sentence[start:end], standing=True)
        return False if kind == "day" else (_period(sentence, start, end, published, kind) or False)
    if weak:
        return RunningTotal(sentence[weak[0]:weak[1]])
    return None


@lru_cache(maxsize=256)
def _period(sentence: str, start: int, end: int, published: datetime.date | None,
            kind: str = "total") -> RunningTotal | None:
    """The total's words and the dates they give: a start (and an end, for a range that has one).
    A week's words ("за тиждень") and dates of a week or less ("September 6-11") make a short
    total, unless the period runs ``since`` a date to the report; None for a closed period that
    ended before the month preceding the report (past incidents told again)."""
    stop = _CLAUSE_END.search(sentence, end)
    reach = sentence[start:min(start + _PERIOD_REACH, stop.start() if stop else len(sentence))]
    since = kind == "since"
    if not since and _ended_before(reach, published):
        return None
    date = resolve_event_date(reach, published)
    if date is None:
        return RunningTotal(sentence[start:end], short=kind == "week")
    short = kind == "week" or (not since and date.start < date.end <= date.start + _INCIDENT_SPAN)
    ranged = date.end if date.end != date.start else None
    return RunningTotal(sentence[start:max(end, start + date.span[1])], date.start, ranged, date.precision, short)


def _ended_before(reach: str, published: datetime.date | None) -> bool:
    """Whether the last month a period's words name ended before the month preceding ``published``
    ("у травні–червні" in an August report; a year named after it counts)."""
    if published is None:
        return False
    months = [_MONTHS[w.lower()] for w in _WORD.findall(reach)
              if w.lower() in _MONTHS and not (w.islower() and w in _MONTH_VERBS)]
    if not months:
        return False
    year = next((int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", reach)), None)
    if year is None:
        year = published.year if months[-1] <= published.month else published.year - 1
    last = year * 12 + months[-1]
    return last < published.year * 12 + published.month - 1


@lru_cache(maxsize=8)
def _heading_total(document: str, published: datetime.date | None) -> RunningTotal | None:
    """The period of a report whose heading makes it a period's summary, or None."""
    seen = 0
    for line in document[:1000].split("\n"):
        body = line.strip()
        if body:
            seen += 1
            if seen > _HEADING_LINES or len(body) > _HEADING_CHARS or _SENTENCE_END.search(body):
                return None
            m = _HEADINGS.search(body.lower())
            if m:
                date = resolve_event_date(body, published) if m.lastgroup == "period" else None
                return RunningTotal(body[m.start():m.end()], date.start if date else None,
                                    date.end if date else None, date.precision if date else None,
                                    short=m.lastgroup == "week")
    return None


def headline_repeats(events: list, text: str) -> list:
    """The events of a report, those of its headline ("Syrskyi: more than 100 Russian soldiers taken
    prisoner in Kursk region") that repeat the figures of one claim told below taking its kind and,
    for a running total, its period: a headline sums up its story, so its figure is the same claim."""
    headline = text.strip().split("\n", 1)[0].strip()
    if len(events) < 2 or _SENTENCE_END.search(headline) or len(headline) > _HEADING_CHARS:
        return events
    top = [e for e in events if e.sources and e.sources[0].quote and e.sources[0].quote.strip() in headline]
    body: dict[tuple, list] = {}
    for e in events:
        if not any(e is t for t in top):
            body.setdefault(_figures(e), []).append(e)
    repeated = {id(e): told[0] for e in top if len(told := body.get(_figures(e), [])) == 1}
    return [_as(e, repeated[id(e)]) if id(e) in repeated else e for e in events]


def _as(event, told):
    """``event`` with the kind of ``told``, and its period when that is a running total."""
    copied = _COPIED if told.cumulative else _COPIED[-2:]
    return dataclasses.replace(event, cumulative=told.cumulative or event.cumulative,
                               **{k: getattr(told, k) for k in copied})


_COPIED = ("event_date", "event_date_end", "date_precision", "date_text", "event_type", "sub_event_type")


def _figures(event) -> tuple:
    return tuple((k, getattr(event, k)) for k in ("killed", "wounded", "missing", "captured", "killed_or_wounded"))
