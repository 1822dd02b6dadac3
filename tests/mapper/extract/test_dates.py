"""Event dates: relative and absolute expressions in English, Russian and Ukrainian, resolved
against the publication date with ACLED time precision (1 day, 2 days/week, 3 month)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from mapper.extract.dates import _ALL, EventDate, _hits, find_dates, resolve_event_date

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"

SAT, SUN, MON = date(2024, 12, 14), date(2024, 12, 15), date(2024, 12, 16)   # MON: the seed's publication
WED, THU, JAN5 = date(2024, 12, 18), date(2024, 12, 19), date(2025, 1, 5)
D = date

# (sentence, published, expected text, start, end, precision)
CASES = [
    # weekends: the last Saturday-Sunday that ended on or before publication
    ("Over the recent weekend, 30 soldiers were killed.", MON, "Over the recent weekend", D(2024, 12, 14), SUN, 2),
    ("Shelling went on over the weekend near Sudzha.", SUN, "over the weekend", SAT, SUN, 2),
    ("Clashes at the weekend left 4 dead.", SAT, "at the weekend", D(2024, 12, 7), D(2024, 12, 8), 2),
    ("Strikes last weekend hit Sumy.", date(2024, 12, 17), "last weekend", SAT, SUN, 2),
    ("This weekend 3 drones were downed.", MON, "This weekend", SAT, SUN, 2),
    ("В выходные погибли 5 человек.", MON, "В выходные", SAT, SUN, 2),
    ("На вихідних загинули троє.", MON, "На вихідних", SAT, SUN, 2),
    # weekdays: latest such day on or before publication, the same day when published on it
    ("Zelenskyy said on Saturday, 12 soldiers died.", MON, "on Saturday", SAT, SAT, 1),
    ("Saturday's attack killed 4.", MON, "Saturday", SAT, SAT, 1),
    ("On Saturday, 2 were hurt.", SAT, "On Saturday", SAT, SAT, 1),          # dateparser says Dec 7
    ("On Sunday a drone hit Kursk.", SUN, "On Sunday", SUN, SUN, 1),
    ("Last Saturday, 7 were killed.", SAT, "Last Saturday", D(2024, 12, 7), D(2024, 12, 7), 1),
    ("Last Saturday, 7 were killed.", MON, "Last Saturday", SAT, SAT, 1),
    ("У суботу загинули двоє.", MON, "У суботу", SAT, SAT, 1),
    ("В субботу погибли двое.", SAT, "В субботу", SAT, SAT, 1),
    ("Во вторник ранены трое.", MON, "Во вторник", D(2024, 12, 10), D(2024, 12, 10), 1),
    ("Минулої неділі загинув один.", MON, "Минулої неділі", SUN, SUN, 1),
    ("On Friday night a strike hit Sumy.", MON, "On Friday night", D(2024, 12, 13), D(2024, 12, 13), 1),
    ("В п’ятницю загинули двоє.", MON, "В п’ятницю", D(2024, 12, 13), D(2024, 12, 13), 1),   # curly apostrophe
    ("Next Saturday they will meet.", MON, "Next Saturday", D(2024, 12, 21), D(2024, 12, 21), 1),
    # yesterday, today, the night
    ("Yesterday 3 were wounded.", MON, "Yesterday", SUN, SUN, 1),
    ("Вчера погибли двое.", MON, "Вчера", SUN, SUN, 1),
    ("Вчора загинули двоє.", MON, "Вчора", SUN, SUN, 1),
    ("The day before yesterday a drone fell.", MON, "The day before yesterday", SAT, SAT, 1),
    ("Earlier today 2 were killed.", MON, "Earlier today", MON, MON, 1),
    ("Сьогодні загинув один.", MON, "Сьогодні", MON, MON, 1),
    ("This morning a missile hit Sumy.", MON, "This morning", MON, MON, 1),
    ("Overnight, 20 drones were shot down.", MON, "Overnight", SUN, MON, 1),
    ("Last night a strike killed 2.", MON, "Last night", SUN, MON, 1),
    ("Вночі загинули двоє.", MON, "Вночі", SUN, MON, 1),
    ("Минулої ночі загинули двоє.", MON, "Минулої ночі", SUN, MON, 1),
    ("Этой ночью погибли двое.", MON, "Этой ночью", SUN, MON, 1),
    ("За минувшие сутки погибли 5.", MON, "За минувшие сутки", SUN, MON, 1),
    ("В ночь на 14 декабря сбиты 20 БПЛА.", MON, "В ночь на 14 декабря", D(2024, 12, 13), SAT, 1),
    ("В ніч на суботу загинули двоє.", MON, "В ніч на суботу", D(2024, 12, 13), SAT, 1),
    ("On the night of 13-14 December 5 died.", MON, "On the night of 13-14 December", D(2024, 12, 13), SAT, 1),
    # weeks and days
    ("Last week 30 were killed.", MON, "Last week", D(2024, 12, 9), SUN, 2),
    ("Last week 30 were killed.", WED, "Last week", D(2024, 12, 9), SUN, 2),
    ("На прошлой неделе погибли 30.", MON, "На прошлой неделе", D(2024, 12, 9), SUN, 2),
    ("Минулого тижня загинули 30.", MON, "Минулого тижня", D(2024, 12, 9), SUN, 2),
    ("Earlier this week 4 were killed.", THU, "Earlier this week", MON, THU, 2),
    ("Цього тижня загинули 12.", THU, "Цього тижня", MON, THU, 2),
    ("В этом месяце погибли 40.", MON, "В этом месяце", D(2024, 12, 1), MON, 3),
    ("The village fell 3 days ago.", MON, "3 days ago", D(2024, 12, 13), D(2024, 12, 13), 1),
    ("The village fell two days ago.", MON, "two days ago", SAT, SAT, 1),
    ("Два дня назад погибли трое.", MON, "Два дня назад", SAT, SAT, 1),
    ("П'ять днів тому загинули троє.", MON, "П'ять днів тому", D(2024, 12, 11), D(2024, 12, 11), 1),
    ("Over the past week 40 died.", MON, "Over the past week", D(2024, 12, 9), MON, 2),
    ("In recent days 50 were killed.", MON, "In recent days", D(2024, 12, 13), MON, 2),
    ("Over the past few days 50 died.", MON, "Over the past few days", D(2024, 12, 13), MON, 2),
    ("Over the past 10 days 80 died.", MON, "Over the past 10 days", D(2024, 12, 6), MON, 3),
    # months
    ("Earlier this month 100 were killed.", MON, "Earlier this month", D(2024, 12, 1), MON, 3),
    ("Last month 200 were killed.", MON, "Last month", D(2024, 11, 1), D(2024, 11, 30), 3),
    ("Last month 200 were killed.", date(2025, 1, 10), "Last month", D(2024, 12, 1), D(2024, 12, 31), 3),
    ("Fighting in November killed 300.", MON, "in November", D(2024, 11, 1), D(2024, 11, 30), 3),
    ("Fighting in November killed 300.", date(2025, 1, 10), "in November", D(2024, 11, 1), D(2024, 11, 30), 3),
    ("In November 2023, 300 were killed.", MON, "In November 2023", D(2023, 11, 1), D(2023, 11, 30), 3),
    ("У листопаді загинули 300.", MON, "У листопаді", D(2024, 11, 1), D(2024, 11, 30), 3),
    ("В ноябре 2023 года погибли 300.", MON, "В ноябре 2023 года", D(2023, 11, 1), D(2023, 11, 30), 3),
    ("In May, 3 were killed.", MON, "In May", D(2024, 5, 1), D(2024, 5, 31), 3),
    # absolute days
    ("The strike on 14 December killed 5.", MON, "on 14 December", SAT, SAT, 1),
    ("A drone hit Kursk on Dec. 14, killing 2.", MON, "on Dec. 14", SAT, SAT, 1),
    ("On December 14, 2024, 5 were killed.", MON, "On December 14, 2024", SAT, SAT, 1),
    ("14 December 2024: 5 killed.", None, "14 December 2024", SAT, SAT, 1),
    ("Report of 14.12.2024: 5 killed.", MON, "14.12.2024", SAT, SAT, 1),
    ("Report 2024-12-14: 5 killed.", None, "2024-12-14", SAT, SAT, 1),
    ("14 декабря погибли 5 человек.", MON, "14 декабря", SAT, SAT, 1),
    ("14 грудня загинули п'ятеро.", MON, "14 грудня", SAT, SAT, 1),
    ("On the 14th of December, 5 died.", MON, "On the 14th of December", SAT, SAT, 1),
    ("On Dec. 28, 3 were killed.", JAN5, "On Dec. 28", D(2024, 12, 28), D(2024, 12, 28), 1),   # year rollover
    ("On 17 December, 3 were killed.", MON, "On 17 December", D(2023, 12, 17), D(2023, 12, 17), 1),
    # ranges
    ("Clashes on Dec. 14-15 killed 30.", MON, "on Dec. 14-15", SAT, SUN, 2),
    ("Clashes 14–15 December killed 30.", MON, "14–15 December", SAT, SUN, 2),
    ("Between 14 and 16 December 30 died.", MON, "Between 14 and 16 December", SAT, MON, 2),
    ("14-15 грудня загинули 30.", MON, "14-15 грудня", SAT, SUN, 2),
    ("С 14 по 16 декабря погибли 30.", MON, "С 14 по 16 декабря", SAT, MON, 2),
    ("From 1 to 14 December 90 died.", MON, "From 1 to 14 December", D(2024, 12, 1), SAT, 3),
    ("From 28 December – 3 January 40 died.", JAN5, "From 28 December – 3 January", D(2024, 12, 28),
     D(2025, 1, 3), 2),
    ("November 30 - December 2, 2024: 12 died.", MON, "November 30 - December 2, 2024", D(2024, 11, 30),
     D(2024, 12, 2), 2),
]


@pytest.mark.parametrize("sentence,published,text,start,end,precision", CASES)
def test_find_dates(sentence, published, text, start, end, precision):
    found = find_dates(sentence, published)
    assert [(d.text, d.start, d.end, d.precision) for d in found] == [(text, start, end, precision)]
    assert sentence[found[0].span[0]:found[0].span[1]] == text
    assert found[0].event_date == start


NOT_DATES = [
    "The 94th brigade lost 30 men.", "North Korea sent between 10,000 and 12,000 troops.",
    "The strike came at 3 a.m. local time.", "A Su-34 was shot down.", "A Su-24 December sortie.",
    "He was aged 25.", "A 19-year-old soldier died.", "The front moved 2.5 km.", "Troops may 14 times retreat.",
    "15 km from Sudzha, 3 died and 12 were wounded.", "The 3rd Assault Brigade and 47th Mechanized Brigade.",
    "Среди погибших 5 человек.", "Bradley M2A2 and 155-mm shells.", "A 12.7 mm gun fired 1,200 rounds.",
    "They commenced combat roles just over week ago.", "Operations since August changed the front.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_numbers_and_words_that_are_not_dates(sentence):
    assert find_dates(sentence, MON) == []


@pytest.mark.parametrize("sentence", ["On Saturday 3 died.", "Over the weekend 3 died.", "Yesterday 3 died.",
                                      "On 14 December 3 died.", "Last week 3 died."])
def test_without_publication_date_relative_and_yearless_dates_are_skipped(sentence):
    assert find_dates(sentence, None) == []
    assert resolve_event_date(sentence, None) is None


def test_anchored_search_finds_what_a_full_scan_finds():
    """The fast path (regex tried only before anchor words) loses no match of the plain regex scan."""
    texts = [c[0] for c in CASES] + [s for s in NOT_DATES if " may " not in s]   # lower-case "may" is dropped
    texts += [" ".join(c[0] for c in CASES[i:i + 7]) for i in range(0, len(CASES), 7)]
    for text in texts:
        assert [m.span() for m in _hits(text)] == [m.span() for m in re.finditer(_ALL, text, re.IGNORECASE)], text


def test_datetime_publication_is_accepted():
    assert find_dates("Yesterday 3 died.", datetime(2024, 12, 16, 23, 59))[0].start == SUN


def test_several_dates_come_in_text_order_with_spans():
    s = "Over the weekend 30 were killed; on Saturday alone 12 died, and 3 more on 16.12.2024."
    found = find_dates(s, MON)
    assert [(d.text, d.start, d.precision) for d in found] == [
        ("Over the weekend", SAT, 2), ("on Saturday", SAT, 1), ("on 16.12.2024", MON, 1)]
    assert all(s[slice(*d.span)] == d.text for d in found)


@pytest.mark.parametrize("sentence,published,text,start,precision", [
    # a more specific date inside the first one refines it
    ("Over the weekend 30 were killed; on Saturday alone 12 died.", MON, "on Saturday", SAT, 1),
    # statement dates give way to event dates
    ("The ministry said on Monday that 30 soldiers were killed over the weekend.", MON, "over the weekend",
     SAT, 2),
    # the first date wins over a disjoint later one
    ("On 10 December a strike killed 3; on 14 December another killed 2.", MON, "On 10 December",
     D(2024, 12, 10), 1),
    # future dates are ignored
    ("Talks are set for next week; yesterday 3 were killed.", MON, "yesterday", SUN, 1),
    ("Tomorrow they will report what happened last month.", MON, "last month", D(2024, 11, 1), 3),
    # only a statement date: it is still the best there is
    ("Zelenskyy had previously warned, stating on Saturday, that losses are noticeable.", MON, "on Saturday",
     SAT, 1),
])
def test_resolve_event_date(sentence, published, text, start, precision):
    best = resolve_event_date(sentence, published)
    assert (best.text, best.start, best.precision) == (text, start, precision)


@pytest.mark.parametrize("sentence", ["The 94th brigade lost 30 men.", "Talks are set for 20 December 2024.",
                                      "They will meet next week.", ""])
def test_resolve_event_date_without_a_past_date_is_none(sentence):
    assert resolve_event_date(sentence, MON) is None


def test_event_date_is_frozen_and_its_first_day():
    d = EventDate(SAT, SUN, 2, "over the weekend", (0, 16))
    assert d.event_date == SAT
    with pytest.raises(AttributeError):
        d.start = SUN


@pytest.fixture(scope="module")
def seed_sentences() -> list[str]:
    return re.split(r"(?<=[.!?\"])\s+", SEED.read_text(encoding="utf-8"))


def test_seed_article_weekend_sentence(seed_sentences):
    sentence = next(s for s in seed_sentences if s.startswith("Over the recent weekend"))
    best = resolve_event_date(sentence, MON)
    assert (best.start, best.end, best.precision, best.text) == (SAT, SUN, 2, "Over the recent weekend")


def test_seed_article_statement_sentence(seed_sentences):
    sentence = next(s for s in seed_sentences if "stating on Saturday" in s)
    best = resolve_event_date(sentence, MON)
    assert (best.start, best.end, best.precision, best.text) == (SAT, SAT, 1, "on Saturday")


def test_seed_article_as_a_whole(seed_sentences):
    article = SEED.read_text(encoding="utf-8")
    assert [d.text for d in find_dates(article, MON)] == ["Over the recent weekend", "on Saturday"]
    assert resolve_event_date(article, MON).text == "Over the recent weekend"


def test_dateparser_is_imported_only_for_absolute_dates():
    code = ("import sys, datetime; from mapper.extract.dates import find_dates; p = datetime.date(2024, 12, 16);"
            "find_dates('Over the weekend and on Saturday 30 died.', p); a = 'dateparser' in sys.modules;"
            "find_dates('On 14 December 30 died.', p); print(a, 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_an_ordinal_in_capitals_is_read_and_an_impossible_one_is_no_date():
    pub = date(2024, 12, 20)
    assert [d.start for d in find_dates("STRIKE ON 3RD DECEMBER", pub)] == [date(2024, 12, 3)]
    assert find_dates("FIGHTING ON 47TH DECEMBER", pub) == []
