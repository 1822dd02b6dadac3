"""Running totals: figures over a period are flagged, kept with their period, never incidents."""

from __future__ import annotations

import datetime

import pytest

from mapper.assemble.merge import same_event
from mapper.extract.cumulative import running_total
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document

PUBLISHED = datetime.date(2024, 9, 2)


def total_of(text: str, figure: str, **options):
    start = text.index(figure)
    return running_total(text, (start, start + len(figure)), PUBLISHED, **options)


@pytest.mark.parametrize("text, figure", [
    ("Since August 6, Russian losses in the operation have reached 8,200 servicemen.", "8,200"),
    ("Enemy losses since the start of the operation exceed 5,000 troops.", "5,000"),
    ("Total losses of the enemy stand at 3,100 personnel.", "3,100"),
    ("In total, the enemy has lost 700 servicemen in this direction.", "700"),
    ("Eleven civilians have been killed in the region since the start of the year.", "Eleven"),
    ("С начала операции противник потерял более 6 000 военнослужащих.", "6 000"),
    ("С 6 августа погибли 14 мирных жителей области.", "14"),
    ("Всего противник потерял 2 300 военнослужащих.", "2 300"),
    ("Общие потери ВСУ составили 9 000 человек.", "9 000"),
    ("З початку вторгнення загинули 40 мешканців громади.", "40"),
    ("Загалом ворог втратив понад 3 000 військових.", "3 000"),
    ("Сумарні втрати противника сягнули 7 000 осіб.", "7 000"),
    ("За весь час окупації в селі загинули 12 людей.", "12"),
])
def test_totals_in_three_languages(text, figure):
    assert total_of(text, figure) is not None


@pytest.mark.parametrize("text, figure", [
    ("Over the past day the enemy lost 1,100 servicemen.", "1,100"),
    ("За минувшие сутки потери противника составили до 140 военнослужащих.", "140"),
    ("За минулу добу окупанти втратили 1 250 осіб.", "1 250"),
    ("Two people were killed in the deadliest strike on the city since March.", "Two"),
    ("Since dawn the enemy has lost 20 men near the village.", "20"),
    ("Three soldiers were killed in an ambush near the village.", "Three"),
    ("Всего в результате удара пострадали пять человек.", "пять"),
])
def test_day_bulletins_incidents_and_comparisons_are_not_totals(text, figure):
    assert total_of(text, figure) is None


def test_the_day_figure_and_the_total_of_one_sentence_are_told_apart():
    text = "За минулу добу окупанти втратили 1 250 осіб, з початку вторгнення — близько 600 000."
    assert total_of(text, "1 250") is None
    assert total_of(text, "600 000") is not None


def test_the_period_start_is_kept():
    total = total_of("Since August 6, 31 civilians have been wounded in the region.", "31")
    assert total.start == datetime.date(2024, 8, 6)


def test_a_heading_gives_its_period_to_the_list_below():
    lead = "Total combat losses of the enemy since 24 February 2022:\n"
    assert total_of("personnel: about 600,000", "600,000", lead=lead) is not None


def test_extracted_totals_are_flagged_dated_and_split_from_the_day(gazetteer):
    text = ("The General Staff said Russian forces lost 1,200 personnel over the past day. "
            "Since August 6, Russian losses in the Kursk region have reached 9,000 personnel.")
    events, _ = Extractor(gazetteer).extract(Document(id="t", text=text, published=PUBLISHED))
    by_total = {e.cumulative: e for e in events}
    assert set(by_total) == {False, True}
    total = by_total[True]
    assert total.killed_or_wounded == 9000
    assert (total.event_date, total.event_date_end) == (datetime.date(2024, 8, 6), PUBLISHED)
    assert not by_total[False].cumulative and by_total[False].killed_or_wounded == 1200


def test_a_total_never_merges_with_an_incident(gazetteer):
    extractor = Extractor(gazetteer)
    a, = extractor.extract(Document(id="a", text="Since Monday, five civilians were killed in Sudzha.",
                                    published=PUBLISHED))[0]
    b, = extractor.extract(Document(id="b", text="Five civilians were killed in Sudzha on Monday.",
                                    published=PUBLISHED))[0]
    assert a.cumulative and not b.cumulative
    assert not same_event(a, b)


@pytest.mark.parametrize("sentence", [
    "Near the school a woman born in 1956 suffered a shrapnel wound when the drone fell.",
    "Погиб мужчина 1961 года рождения, сообщил глава района.",
    "Поранено жінку 1948 року народження.",
])
def test_a_birth_year_is_no_period_of_a_running_total(sentence):
    from mapper.extract.casualties import find_figures

    figure = find_figures(sentence)[0]
    assert running_total(sentence, (figure.start, figure.end), datetime.date(2025, 2, 18), side="Civilians",
                         people=figure.best) is None
