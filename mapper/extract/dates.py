"""Event dates in conflict reporting (English, Russian, Ukrainian), ACLED/UCDP style.

Relative expressions ("over the weekend", "on Saturday", "в ночь на субботу",
"минулого тижня") are resolved against the publication date by rules written
here; absolute day-and-month dates ("14 December 2024", "Dec. 14",
"14 грудня") go to :mod:`dateparser`, imported lazily and cached. An Aho-Corasick
scan finds anchor words (month and weekday names, "weekend", "вчора", ...) and
one pre-compiled regex is tried only just before them: text without a date costs
microseconds.
Each date carries an ACLED time precision: 1 a day, 2 a few days or a week, 3 a
month; its ``event_date`` is the first day (a night is coded on its first day).

    >>> from datetime import date
    >>> d = resolve_event_date("Over the recent weekend, 30 soldiers were killed.", date(2024, 12, 16))
    >>> d.start, d.end, d.precision, d.text
    (datetime.date(2024, 12, 14), datetime.date(2024, 12, 15), 2, 'Over the recent weekend')
    >>> [(e.text, e.event_date.isoformat()) for e in find_dates("On Saturday, 2 were hurt", date(2024, 12, 14))]
    [('On Saturday', '2024-12-14')]
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.automaton import word_automaton
from mapper._internal.regex_prefix import compile_with_first_chars
from mapper.extract.date_rules import (_BARE_WEEKDAY_NO_DATE, _DAY_ADJ_OFFSETS, _DAY_OFFSETS, _DAY_SUFFIX_CHARS, _LANGS,
                                      _LAST_STEMS, _MONTH_VERBS, _MONTHS, _NEXT_STEMS, _NUMBER_FORMS, _NUMBERS,
                                      _ORDINAL_FORMS, _ORDINALS, _RULES, _WEEK_STEMS, _WEEKDAY_ADJ, _WEEKDAY_ADJ_FORMS,
                                      _WEEKDAY_FORMS, _WEEKDAYS, _key, _slot)
from mapper.extract.lang import LANGUAGES, words
from mapper.extract.rule_dispatch import RuleDispatch, word_trie

__all__ = ["EventDate", "find_dates", "is_statement_date", "resolve_event_date"]

_ONE = datetime.timedelta(days=1)
_Range = tuple[datetime.date, datetime.date, int]


@dataclass(frozen=True)
class EventDate:
    """A date expression found in text, resolved to the days it covers."""

    start: datetime.date          # first day the expression covers
    end: datetime.date            # last day (== start for a single day)
    precision: int                # ACLED time precision: 1 a day, 2 a few days or a week, 3 a month
    text: str                     # the words it came from, as written
    span: tuple[int, int]         # character span of `text` in the string searched

    @property
    def event_date(self) -> datetime.date:
        """The representative date (ACLED/UCDP code an event on its first day)."""
        return self.start


_NAMED = re.compile(r"\(\?P<\w+>")
_ALL = "|".join(f"(?P<r{i}>{_NAMED.sub('(?:', p)})" for i, (_, p) in enumerate(_RULES))
#: `_ALL` run on lower-cased text (much faster than IGNORECASE), with only the rules that can start there.
_COMBINED = RuleDispatch([(f"r{i}", _NAMED.sub("(?:", p)) for i, (_, p) in enumerate(_RULES)])
_RULE_RES = [(name, re.compile(p, re.IGNORECASE)) for name, p in _RULES]
_RULE_BY_GROUP = {f"r{i}": rule for i, rule in enumerate(_RULE_RES)}
# Every expression contains one of these words (or a numeric date): only around them is the regex run.
_ANCHORS = frozenset(max(re.findall(r"[^\W\d_]+", w), key=len) for w in [
    *_MONTHS, *_WEEKDAYS, *" ".join(_WEEKDAY_FORMS).split(), *_WEEKDAY_ADJ_FORMS, *_DAY_ADJ_OFFSETS,
    *words(d.anchors for d in _LANGS)])
# An expression starts with one of these words (or stems), a digit or an anchor: other starts are not tried.
_LEAD = (_ANCHORS | set(re.findall(r"[^\W\d_]+", " ".join(_NUMBER_FORMS + _ORDINAL_FORMS)))
         | set(words(d.leads for d in _LANGS)))
_LEAD_STEMS = words(d.lead_stems for d in _LANGS)
#: Anchor words, and "4." / "4-" of numeric dates.
_AUTOMATON = word_automaton((word, (len(word), word[0].isdigit(), word in _MONTH_VERBS))  # (length, numeric, verb)
                            for word in [*_ANCHORS, *(f"{d}{c}" for d in range(10) for c in ".-")])
_TOKEN = re.compile(r"[^\W\d_]+|\d")
_LEAD_CHARS = max(map(len, _LEAD))
#: The start of a word that may open an expression (`_is_lead`), in one search: a lead word, a lead
#: stem, a digit, or (checked by `_is_lead`) a word opening with a letter outside a-z and а-я (+ ёіїєґ).
_LEAD_START = re.compile(rf"\b(?:{word_trie(_LEAD)}(?![^\W\d_])|{word_trie(_LEAD_STEMS)}|\d"
                         rf"|(?P<other>[^\W\d_a-z\u0430-\u044f\u0451\u0456\u0457\u0454\u0491]))")
_LOOKBACK = 48                                   # longest lead-in before an anchor ("between 14th and 16th of ")
_LAST_RUN_REVERSED = re.compile(r"(?:\W*\w+){1,4}")  # the last words and what follows them, read backwards
#: A verb of saying, maybe with where or to whom ("said in a statement", "told reporters"), ending a text.
#: Words for "the day before" that are also "on the eve of" something ("накануне"), and their language.
_EVE = {_key(w): lang.code for lang in LANGUAGES for w in lang.dates.slots.get("eve", "").split("|") if w}
_HEADING_END = re.compile(r"\s*[.:]\s*$")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’ʼ-]*)")
#: A time of day alone ("утром"): the report's day, but only where nothing else dates the claim.
_TIME_ALONE = re.compile(rf"(?:{_slot('time_alone')})", re.IGNORECASE)
_REPORTING = compile_with_first_chars(rf"\b(?:{_slot('reporting')})(?:\s+(?:{_slot('reporting_where')}))?\W{{0,3}}$",
                                      re.IGNORECASE)


# ---------------------------------------------------------------- helpers
@lru_cache(maxsize=8192)
def _day_month(day: int, month_word: str) -> tuple[int, int] | None:
    """(month, day) of "14 December" / "14 грудня" via dateparser; None if it is no date."""
    import dateparser  # slow to import: only when a date-like candidate is found

    parsed = dateparser.parse(f"{day} {month_word}", languages=[lang.code for lang in LANGUAGES],
                              settings={"RELATIVE_BASE": datetime.datetime(2000, 12, 31),  # a leap year
                                        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]})
    return (parsed.month, parsed.day) if parsed else None


def _month_day(day: str | None, month_word: str | None) -> tuple[int, int] | None:
    if not day or not month_word or _verb(month_word):
        return None
    return _day_month(int(day.lower().rstrip(_DAY_SUFFIX_CHARS)), _key(month_word))  # "3RD" as "3rd"


def _verb(month_word: str) -> bool:
    """True for "may" and "march" written in lower case: verbs, not months ("troops may 14")."""
    return month_word[0].islower() and _key(month_word) in _MONTH_VERBS


def _year(text: str | None) -> int | None:
    return int(text[:4]) if text else None


def _anchor(md: tuple[int, int], year: int | None, published: datetime.date | None) -> datetime.date | None:
    """The date of (month, day) in `year`, or the latest one not after `published` if no year is written."""
    years = [year] if year is not None else range(published.year, published.year - 8, -1) if published else ()
    for y in years:
        try:
            found = datetime.date(y, *md)
        except ValueError:                       # 29 February in a common year, 31 April
            continue
        if year is not None or found <= published:
            return found
    return None


def _month_range(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def _weekday(published: datetime.date, weekday: int, kind: str) -> datetime.date:
    if kind == "next":                             # strictly after
        return published + datetime.timedelta((weekday - published.weekday() - 1) % 7 + 1)
    if kind == "last":                             # strictly before
        return published - datetime.timedelta((published.weekday() - weekday - 1) % 7 + 1)
    return published - datetime.timedelta((published.weekday() - weekday) % 7)   # same day if it is today


def _mod_kind(words: str) -> str:
    """"last", "next" or "" (this / none) for the modifiers in `words`."""
    found = _key(words).split()
    if any(w.startswith(_NEXT_STEMS) for w in found):
        return "next"
    return "last" if any(w.startswith(_LAST_STEMS) for w in found) else ""


def _count(text: str | None, default: int = 3) -> int:
    word = _key(text or "")
    return int(word) if word.isdigit() else _NUMBERS.get(word, default)


# ---------------------------------------------------------------- rules: match -> (start, end, precision)
def _night_into(m: re.Match, pub: datetime.date | None) -> _Range | None:
    g = m.groupdict()
    if g["wd"]:
        day = _weekday(pub, _WEEKDAYS[_key(g["wd"])], "") if pub else None
    else:
        md = _month_day(g["d"] or g.get("d2"), g["m"] or g.get("m2"))
        day = _anchor(md, _year(m["y"]), pub) if md else None
    return (day - _ONE, day, 1) if day else None


def _range(m: re.Match, pub: datetime.date | None) -> _Range | None:
    md2 = _month_day(m["d2"], m["m2"] or m["m1"])
    md1 = _month_day(m["d1"], m["m1"] or m["m2"])
    if not md1 or not md2:
        return None
    year = _year(m["y"])
    if year is not None and md1 > md2:            # "28 December - 3 January 2025": the year is the end's
        start, end = _anchor(md1, year - 1, pub), _anchor(md2, year, pub)
    else:
        start = _anchor(md1, year, pub)
        end = start and _anchor(md2, start.year + (md2 < md1), None)
    if not start or not end or end < start:
        return None
    days = (end - start).days                     # precision 2 up to a week, 3 beyond
    return start, end, 1 if days == 0 or m["night"] and days == 1 else 2 if days < 7 else 3


def _date(m: re.Match, pub: datetime.date | None) -> _Range | None:
    md = _month_day(m["d"], m["m"])
    day = _anchor(md, _year(m["y"]), pub) if md else None
    return (day, day + _ONE if m["night"] else day, 1) if day else None


def _numeric(m: re.Match, pub: datetime.date | None) -> _Range | None:
    y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
    day = _anchor((int(mo), int(d)), int(y), None)
    return (day, day, 1) if day else None


def _month(m: re.Match, pub: datetime.date | None) -> _Range | None:
    if _verb(m["m"]) or not (m["y"] or pub):
        return None
    month, year = _MONTHS[_key(m["m"])], _year(m["y"])
    if year is None:
        year = pub.year if month <= pub.month else pub.year - 1
    start, end = _month_range(year, month)
    return start, (min(end, pub) if pub and start <= pub else end), 3


def _month_span(m: re.Match, pub: datetime.date | None) -> _Range | None:
    """"between August and October": from the first day of the one to the last of the other (a month
    without a year is the latest one not after publication; the end never after it)."""
    if _verb(m["m1"]) or _verb(m["m2"]) or not (m["y"] or pub):
        return None
    first, last, year = _MONTHS[_key(m["m1"])], _MONTHS[_key(m["m2"])], _year(m["y"])
    if year is None:
        year = pub.year if last <= pub.month else pub.year - 1
    start, end = _month_range(year - (first > last), first)[0], _month_range(year, last)[1]
    return start, (min(end, pub) if pub and start <= pub else end), 3


def _weekend(m: re.Match, pub: datetime.date | None) -> _Range:
    sunday = pub - datetime.timedelta((pub.weekday() - 6) % 7)       # the last Sunday on or before pub
    sunday += datetime.timedelta(7 if _mod_kind(m["mod"] or m["mod2"] or "") == "next" else 0)
    return sunday - _ONE, sunday, 2


def _weekday_rule(m: re.Match, pub: datetime.date | None) -> _Range | None:
    if _key(m["wd"]) in _BARE_WEEKDAY_NO_DATE and not (m["prep"] or m["mod"]) and not (
            m.start() == 0 and _HEADING_END.match(m.string, m.end())):   # "Субота." heading a digest's part
        return None                                # "среду" (environment) etc. need "в"/"у" or a modifier
    day = _weekday(pub, _WEEKDAYS[_key(m["wd"])], _mod_kind(m["mod"] or ""))
    return day, day, 1


def _since_weekday(m: re.Match, pub: datetime.date | None) -> _Range:
    """"since Tuesday", "с понедельника": from that day to publication."""
    day = _weekday(pub, _WEEKDAYS[_key(m["wd"])], _mod_kind(m["mod"] or ""))
    return day, pub, 1 if day == pub else 2 if (pub - day).days <= 7 else 3


def _weekday_adj(m: re.Match, pub: datetime.date | None) -> _Range:
    """"воскресного обстрела": the last such day on or before publication."""
    word = _key(m["wa"])
    day = _weekday(pub, next(i for stem, i in _WEEKDAY_ADJ.items() if word.startswith(_key(stem))), "")
    return day, day, 1


def _overnight(m: re.Match, pub: datetime.date | None) -> _Range:
    return pub - _ONE, pub, 1


def _dayword(m: re.Match, pub: datetime.date | None) -> _Range | None:
    word = _key(m[0])
    if word in _EVE and _eve_of_something(m.string, m.end(), _EVE[word]):
        return None
    day = pub + datetime.timedelta(_DAY_OFFSETS.get(word, 0))        # today, this morning: 0
    return day, day, 1


def _eve_of_something(text: str, end: int, language: str) -> bool:
    """Is the eve word ending at ``end`` ("накануне", "напередодні") the eve of what the next word names
    ("накануне праздника", "напередодні його візиту"), not the day before? So when that word reads
    first as a genitive, or as a pronoun in the genitive or accusative (pymorphy3)."""
    following = _NEXT_WORD.match(text, end)
    morph = following and _analyzer(language)
    if not morph:
        return False
    parses = morph.parse(following[1])
    return bool(parses) and (parses[0].tag.case == "gent" or any(
        p.tag.POS == "NPRO" and p.tag.case in ("gent", "accs") for p in parses))


@lru_cache(maxsize=4)
def _analyzer(language: str):
    from gazetteer import lang   # pymorphy3: loaded only when an eve word is met
    from gazetteer.morphology import analyzers

    return dict(zip((x.morph_analyzer for x in lang.languages() if x.morph_analyzer), analyzers())).get(language)


def _week(m: re.Match, pub: datetime.date | None) -> _Range:
    monday = pub - datetime.timedelta(pub.weekday())
    kind = _mod_kind(m[0])
    if kind == "last":
        return monday - datetime.timedelta(7), monday - _ONE, 2
    if kind == "next":
        return monday + datetime.timedelta(7), monday + datetime.timedelta(13), 2
    return monday, pub, 2


def _monthrel(m: re.Match, pub: datetime.date | None) -> _Range:
    kind = _mod_kind(m[0])
    if not kind:
        return pub.replace(day=1), pub, 3
    index = pub.year * 12 + pub.month - 1 + (1 if kind == "next" else -1)     # months since year 0
    return (*_month_range(index // 12, index % 12 + 1), 3)


def _ago(m: re.Match, pub: datetime.date | None) -> _Range:
    day = pub - datetime.timedelta(_count(m["n"], default=0))
    return (day, day, 1) if day != pub else (pub - datetime.timedelta(3), pub, 2)     # "a few days ago"


def _recent(m: re.Match, pub: datetime.date | None) -> _Range:
    """"over the past 3 days", "за двое суток", "in two days of fighting": from that many days before publication."""
    days = 7 if any(w in m[0].lower() for w in _WEEK_STEMS) else _count(m["n"] or m["n2"])
    return pub - datetime.timedelta(days), pub, 2 if days <= 7 else 3


def _nth_day(m: re.Match, pub: datetime.date | None) -> _Range:
    """"for the third day": the day two days before publication up to it."""
    ordinal = next(v for k, v in m.groupdict().items() if k[0] == "o" and v)
    day = pub - datetime.timedelta(_ORDINALS[_key(ordinal)] - 1)
    return day, pub, 1 if day == pub else 2 if (pub - day).days <= 7 else 3


_ABSOLUTE = {"range_dm": _range, "range_md": _range, "date_dm": _date, "date_md": _date, "numeric": _numeric,
             "month": _month, "month_range": _month_span, "night_into": _night_into}
_RELATIVE = {"weekend": _weekend, "weekday": _weekday_rule, "weekday_adj": _weekday_adj, "since_weekday": _since_weekday,
             "overnight": _overnight, "dayword": _dayword,
             "week": _week, "monthrel": _monthrel, "ago": _ago, "recent": _recent, "nth_day": _nth_day}
_RESOLVERS: dict[str, Callable[[re.Match, datetime.date | None], _Range | None]] = {**_ABSOLUTE, **_RELATIVE}


# ---------------------------------------------------------------- API
def find_dates(text: str, published: datetime.date | None, *, relative: bool = True) -> list[EventDate]:
    """Every date expression in `text`, in text order, resolved against the `published` date.

    Relative expressions ("on Saturday", "вчора") need `published`; without it they are skipped,
    as are dates without a year; ``relative=False`` skips them too. Numbers that are not dates (casualties, "94th brigade",
    "10,000", "Su-34", "at 3 a.m.") are never read as dates.
    """
    if isinstance(published, datetime.datetime):
        published = published.date()
    found: list[EventDate] = []
    for hit in _hits(text):
        name, rule = _RULE_BY_GROUP[hit.lastgroup]
        if (published is None or not relative) and name in _RELATIVE:
            continue
        start, end = span = hit.span()
        m = rule.fullmatch(text, start, end)      # on the original text: groups keep their case
        resolved = _RESOLVERS[name](m, published) if m else None
        if resolved:
            found.append(EventDate(*resolved, text[start:end], span))
    return found


def _hits(text: str) -> list[re.Match]:
    """Non-overlapping matches of the combined rules, trying only near anchor words."""
    low = text.lower()
    if len(low) != len(text):                    # lower() changed offsets (rare letters): scan it all
        return list(re.finditer(_ALL, text, re.IGNORECASE))
    n, anchors = len(low), []
    for j, (size, numeric, verb) in _AUTOMATON.iter(low):
        i, j = j + 1 - size, j + 1
        if numeric:
            if j < n and low[j].isdigit():
                anchors.append(i)
        elif not (i and low[i - 1].isalpha() or j < n and low[j].isalpha()) and not (verb and text[i].islower()):
            anchors.append(i)
    hits: list[re.Match] = []
    done = 0                                     # end of the last match: matches never overlap
    for a in sorted(anchors):
        if a < done:
            continue
        pos, stop = max(done, a - _LOOKBACK), a + _LEAD_CHARS + 1
        while (lead := _LEAD_START.search(low, pos, stop)) and (w := lead.start()) <= a:
            pos = w + 1
            if lead.lastgroup == "other" and not _is_lead(low, w):
                continue
            m = _COMBINED.match(low, w)
            if m and m.end() > a:
                hits.append(m)
                done = m.end()
                break
    return hits


def _is_lead(low: str, start: int) -> bool:
    """Does the word at `start` open an expression: a lead word or stem, or a digit?"""
    token = _TOKEN.match(low, start)
    return bool(token) and (token[0] in _LEAD or token[0].isdigit() or token[0].startswith(_LEAD_STEMS))


@lru_cache(maxsize=64)  # a sentence read for its date again (a claim's, then as the lead's) is read once
def resolve_event_date(text: str, published: datetime.date | None) -> EventDate | None:
    """The date of the event described in `text`, or None.

    Dates after `published` (future events) are ignored, and so, while others exist, are dates of
    statements ("said on Monday"). The first remaining date wins, unless a later, more specific
    one falls inside it ("over the weekend ... on Saturday" gives Saturday).
    """
    if isinstance(published, datetime.datetime):
        published = published.date()
    dates = [d for d in find_dates(text, published) if published is None or d.start <= published]
    events = [d for d in dates if not is_statement_date(text, d)] or dates
    best = events[0] if events else None
    for later in events[1:]:
        if later.precision < best.precision and best.start <= later.start and later.end <= best.end:
            best = later
    return best


@lru_cache(maxsize=64)  # asked again of a sentence's date by its claim, after resolve_event_date asked
def is_statement_date(text: str, date: EventDate) -> bool:
    """Is `date` (found in `text`) the date of a statement: does a verb of saying ("said", "заявил",
    "said in a statement", "told reporters") end just before it (in the 60 characters before)?
    The verb is among the last four words before the date, so the search starts there.
    A time of day alone ("утром", "вранці") is held back the same way: it dates a claim only where
    nothing else in its paragraph does."""
    if _TIME_ALONE.fullmatch(date.text):
        return True
    start = date.span[0]
    low = max(0, start - 60)
    tail = _LAST_RUN_REVERSED.match(text[low:start][::-1])
    return bool(tail) and _REPORTING.search(text, start - tail.end(), start) is not None
