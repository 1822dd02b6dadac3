"""A bulletin's day's addition beside its running total ("596 690 (+1 230)") is the day's own count;
a toll that rose ("5 (+2)") is not a second incident. Sentences written for these tests."""

from __future__ import annotations

import datetime

import pytest

from mapper.extract.casualties import find_figures
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document

PUBLISHED = datetime.date(2025, 3, 9)


@pytest.mark.parametrize("text,total,added,side", [
    ("Загальні втрати ворога з 24.02.22 по 09.03.25 орієнтовно склали:\n"
     "особового складу — близько 870 120 (+1 310) осіб,\nтанків — 10 230 (+4) од.", 870120, 1310, "Russian forces"),
    ("Общие потери противника с начала операции составили:\n"   # (no letter tells whose report it is)
     "личного состава — около 401 500 (+950) человек,\nтанков — 2 100 (+3).", 401500, 950, ""),
])
def test_the_days_addition_to_a_running_total_is_the_days_count(gazetteer, text, total, added, side):
    events, _ = Extractor(gazetteer).extract(Document(id="gs", text=text, published=PUBLISHED))
    by_value = {e.killed_or_wounded: e for e in events}
    assert set(by_value) == {total, added}                   # tanks are no casualties
    assert by_value[total].cumulative and not by_value[added].cumulative
    day = by_value[added]
    assert (day.event_date, day.event_date_end) == (PUBLISHED - datetime.timedelta(days=1), PUBLISHED)
    assert day.actor == by_value[total].actor == side
    if side:                                                 # a force's losses of a day: a battle, as ACLED codes it
        assert day.event_type == "Battles"


def test_a_toll_that_rose_is_one_figure_not_two(gazetteer):
    text = "Після ракетного удару по Сумах загинули 6 (+2) людей, повідомила ОВА."
    events, _ = Extractor(gazetteer).extract(Document(id="s", text=text, published=PUBLISHED))
    assert [e.killed for e in events] == [6]                 # the 2 are among the 6 (no running total here)


def test_the_addition_must_stand_beside_the_totals_own_number():
    # the bracket follows another number, not the figure's: nothing is added
    assert [f.increment for f in find_figures("загинули 40 осіб, поранено 12 (за добу +3 у лікарні)")] == [False, False]
    found = find_figures("особового складу — близько 500 000 (+1 000) осіб")
    assert [(f.best, f.increment) for f in found] == [(500000, False), (1000, True)]


def test_an_english_bulletin_line_gives_its_total_and_the_days_count(gazetteer):
    text = ("The total combat losses of the enemy from 24.02.22 to 09.03.25 were approximately:\n"
            "personnel ‒ about 870,120 (+1,310) persons,\ntanks ‒ 10,230 (+4).")
    events, _ = Extractor(gazetteer).extract(Document(id="en", text=text, published=PUBLISHED))
    assert sorted((e.killed_or_wounded, e.cumulative) for e in events) == [(1310, False), (870120, True)]


@pytest.mark.parametrize("text", [
    "About 1,000 personnel were deployed to the border.",
    "Deployed to the region: personnel - 400, tanks - 20.",   # a list, but no loss bulletin's additions
])
def test_personnel_alone_is_no_casualty_word(text):
    assert find_figures(text) == []
