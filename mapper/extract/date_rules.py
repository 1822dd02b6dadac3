"""The date rules of :mod:`mapper.extract.dates`: their words, read from the language resources, and
their patterns (``_RULES``: a rule name and its regex, tried in this order at a possible start).
The resolvers that turn a rule's match into days live in :mod:`mapper.extract.dates`."""

from __future__ import annotations

import re

from mapper.extract.lang import LANGUAGES, alternation, words

# ---------------------------------------------------------------- vocabulary (from the language resources)
_LANGS = [lang.dates for lang in LANGUAGES]
_MONTH_FORMS = tuple(" ".join(d.months[i] for d in _LANGS if d.months) for i in range(12))
_WEEKDAY_FORMS = tuple(" ".join(d.weekdays[i] for d in _LANGS if d.weekdays) for i in range(7))
_NUMBER_FORMS = tuple(" ".join(d.numbers[i] for d in _LANGS if d.numbers) for i in range(10))
_ORDINAL_FORMS = tuple(" ".join(d.ordinals[i] for d in _LANGS if len(d.ordinals) > i) for i in range(10))
_DAY_OFFSETS = {phrase: days for d in _LANGS for phrase, days in d.day_offsets.items()}
_MONTH_VERBS = frozenset(words(d.month_verbs for d in _LANGS))   # "may": a verb when written in lower case
_NEXT_STEMS = words(d.next_stems for d in _LANGS)
_LAST_STEMS = words(d.last_stems for d in _LANGS)
_WEEK_STEMS = words(d.week_stems for d in _LANGS)


def _slot(name: str) -> str:
    """Every language's fragment for the named place of a rule, as one alternation ("(?!)" if none)."""
    return alternation(d.slots.get(name, "") for d in _LANGS) or "(?!)"


_KEY_DROP = str.maketrans("", "", "'’ʼ.")


def _key(word: str) -> str:
    return " ".join(word.lower().translate(_KEY_DROP).split())


def _alternation(forms: tuple[str, ...]) -> str:
    """A regex alternation of all the words of `forms`, longest first, any apostrophe optional."""
    words = sorted(set(" ".join(forms).split()), key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "['’ʼ]?") for w in words)


_MONTHS, _WEEKDAYS, _NUMBERS, _ORDINALS = (
    {_key(w): i for i, words in enumerate(forms, first) for w in words.split()}
    for forms, first in ((_MONTH_FORMS, 1), (_WEEKDAY_FORMS, 0), (_NUMBER_FORMS, 1), (_ORDINAL_FORMS, 1)))
#: Weekday words that need a preposition or a modifier to be a date ("среду" alone is "environment").
_BARE_WEEKDAY_NO_DATE = frozenset(_key(w) for d in _LANGS if d.weekday_needs_preposition
                                  for forms in d.weekdays for w in forms.split())
_MOD = rf"(?:{_slot('modifier')})"     # modifiers of weekdays, weekends, weeks and months
_DAY_SUFFIX_CHARS = "".join(sorted(set(re.findall(r"[^\W\d_]", _slot("day_suffix"))))) + "-"

# ---------------------------------------------------------------- building blocks
_MON = rf"(?:{_alternation(_MONTH_FORMS)})\b\.?"
_WD = rf"(?:{_alternation(_WEEKDAY_FORMS)})\b"
_D = rf"(?<![\d.,:/])(?<![^\W\d_]-)\d{{1,2}}(?![\d:]|[.,/]\d)(?:{_slot('day_suffix')})?"
_Y = rf"(?:19|20)\d\d(?![\d,.]?\d)(?:\s*(?:{_slot('year_suffix')}))?"
_SEP = rf"(?:\s*[-–—]\s*|\s+(?:{_slot('range_join')})\s+)"
#: Adjectives of weekdays in every case form ("Sunday's": воскресного, недільного), and their weekdays.
_WEEKDAY_ADJ = {stem: i for d in _LANGS for i, stems in enumerate(d.weekday_adjectives) for stem in stems.split()}
_WEEKDAY_ADJ_FORMS = tuple(stem + end for d in _LANGS for stems in d.weekday_adjectives for stem in stems.split()
                           for end in d.adjective_endings.split())
_WEEKDAY_ADJ_RE = _alternation(_WEEKDAY_ADJ_FORMS) or "(?!)"
#: Adjectives of days counted from publication ("вчорашнього": yesterday's), every case form, and their offsets.
_DAY_ADJ_OFFSETS = {_key(stem + end): days for d in _LANGS for stem, days in d.day_adjectives.items()
                    for end in d.adjective_endings.split()}
_DAY_OFFSETS.update(_DAY_ADJ_OFFSETS)
_NUM = rf"\d{{1,2}}|{_slot('few')}|{_alternation(_NUMBER_FORMS)}"
_NIGHT = rf"(?P<night>{_slot('night_of')})?"
_ON = rf"(?:{_slot('on')})?"
_OF = rf"(?:{_slot('of')})"

#: "for the third day" in each language, its ordinal in group o0, o1 ... (each language's own lead words).
_NTH_DAY = "|".join(rf"(?:{d.slots['nth_day_lead']})(?P<o{i}>{_alternation(d.ordinals)})\s+(?:{d.slots['nth_day']})"
                    for i, d in enumerate(_LANGS) if d.ordinals and "nth_day" in d.slots) or "(?!)"

_RULES: list[tuple[str, str]] = [
    ("night_into", rf"\b(?:{_slot('night_prep')})\s+(?:{_slot('night')})\s+"
                   rf"(?:(?:{_slot('night_from')})\s+(?:\d{{1,2}}|{_WD})\s+)?"
                   rf"(?:{_slot('night_onto')})\s+(?:(?P<d>{_D})\s+(?P<m>{_MON})(?:\s+(?P<y>{_Y}))?|(?P<wd>{_WD}))"),
    ("night_into", rf"\b(?:{_slot('night_into_weekday')})\s+(?:(?P<wd>{_WD})|(?P<m>{_MON})\s+(?P<d>{_D})"
                   rf"|(?P<d2>{_D})\s+(?:{_OF}\s+)?(?P<m2>{_MON}))(?:,?\s+(?P<y>{_Y}))?"),
    ("range_dm", rf"\b{_ON}{_NIGHT}(?:(?:{_slot('range_from')})\s+)?(?P<d1>{_D})(?:\s+(?:{_OF}\s+)?(?P<m1>{_MON}))?"
                 rf"{_SEP}(?P<d2>{_D})(?:\s+{_OF})?\s+(?P<m2>{_MON})(?:,?\s+(?P<y>{_Y}))?"),
    ("range_md", rf"\b{_ON}{_NIGHT}(?:(?:{_slot('month_first_from')})\s+)?(?P<m1>{_MON})\s+(?P<d1>{_D}){_SEP}"
                 rf"(?:(?P<m2>{_MON})\s+)?(?P<d2>{_D})(?:,?\s+(?P<y>{_Y}))?"),
    ("date_dm", rf"\b{_ON}{_NIGHT}(?P<d>{_D})(?:\s+{_OF})?\s+(?P<m>{_MON})(?:,?\s+(?P<y>{_Y}))?"),
    ("date_md", rf"\b{_ON}{_NIGHT}(?P<m>{_MON})\s+(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?"),
    ("numeric", rf"(?:\b(?:{_slot('on_date')})\s+)?(?<![\d.\-/])(?:(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
                r"|(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>(?:19|20)\d\d))(?![\d\-]|\.\d)"),
    # "between August and October 2024", "с августа по ноябрь": from the first day of one month to the last of another
    ("month_range", rf"\b(?:{_slot('range_from')})\s+(?P<m1>{_MON})\s+(?:{_slot('range_join')})\s+(?P<m2>{_MON})"
                    rf"(?:,?\s+(?P<y>{_Y}))?"),
    ("month", rf"\b(?:{_slot('month_prep')})\s+(?:(?:{_slot('month_part')})[-\s]+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_Y}))?"),
    ("weekend", rf"\b(?:(?:{_slot('weekend_prep')})\s+)?(?P<mod>(?:{_MOD}\s+){{0,3}})(?:{_slot('weekend')})\b"
                rf"|\b(?:(?:{_slot('weekend_one_prep')})\s+)?(?P<mod2>(?:{_MOD}\s+)?)(?:{_slot('weekend_one')})\b"),
    ("since_weekday", rf"\b(?:{_slot('since')})\s+(?:(?P<mod>{_MOD})\s+)?(?P<wd>{_WD})\b"),
    ("weekday", rf"\b(?:(?:{_slot('weekday_before')})\s+)?(?P<prep>(?:{_slot('weekday_prep')})\s+)?"
                rf"(?:(?P<mod>{_MOD})\s+)?(?P<wd>{_WD})(?:\s+(?:{_slot('time_of_day')})\b)?"),
    ("weekday_adj", rf"\b(?P<wa>{_WEEKDAY_ADJ_RE})\b"),
    ("overnight", rf"\b(?:{_slot('overnight')})\b"),
    ("dayword", rf"\b(?:{_slot('dayword')}|{_slot('time_alone')}|{_alternation(tuple(_DAY_ADJ_OFFSETS)) or '(?!)'})\b"),
    ("week", _slot("week")),
    ("monthrel", _slot("monthrel")),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?:{_slot('days')})\s+(?:{_slot('ago')})\b"),
    ("recent", rf"\b(?:(?:{_slot('recent_lead')})\s+(?:(?P<n>{_NUM})\s+)?(?:{_slot('recent_days')})"
               rf"|{_slot('recent')}"
               rf"|(?:{_slot('span_lead')})\s+(?P<n2>\d{{1,2}}|{_alternation(_NUMBER_FORMS)})"
               rf"\s+(?:{_slot('span_days')}))\b"),
    # "for the third day", "уже третьи сутки", "третій день поспіль": the days up to publication
    ("nth_day", rf"\b(?:{_NTH_DAY})\b"),
]
