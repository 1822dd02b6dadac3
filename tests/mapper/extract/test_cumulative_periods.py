"""Running totals by their period: "since" however short, a week's tally of civilians (not a force's
week of fighting, not one person), past periods told again, a report's heading, a headline."""

from __future__ import annotations

import datetime

import pytest

from mapper.extract.cumulative import running_total
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document

PUBLISHED = datetime.date(2025, 3, 10)   # a Monday
CIVILIANS, FORCE = "Civilians", "Russian forces"


def total_of(text: str, figure: str, *, side: str = CIVILIANS, people: int = 5, **options):
    start = text.index(figure)
    return running_total(text, (start, start + len(figure)), PUBLISHED, side=side, people=people, **options)


@pytest.mark.parametrize("text, figure", [
    ("Over the past week, Russian strikes on the district killed 6 civilians and wounded 19.", "19"),
    ("During the week, nine residents of the hromada were wounded by shelling.", "nine"),
    ("За прошедшую неделю в результате обстрелов погибли 4 мирных жителя района.", "4"),
    ("В течение недели ранения получили 17 жителей приграничных сел.", "17"),
    ("За тиждень унаслідок обстрілів загинули четверо мешканців громади, ще 11 поранені.", "11"),
    ("Протягом минулого тижня в області поранено 23 цивільних.", "23"),
])
def test_a_week_of_civilian_casualties_is_a_tally(text, figure):
    total = total_of(text, figure)
    assert total is not None and total.short


@pytest.mark.parametrize("text, figure", [
    ("Over the past week, the enemy lost 640 servicemen in assaults on the bridgehead.", "640"),
    ("За неделю боев противник потерял до 300 военнослужащих.", "300"),
    ("За тиждень окупанти втратили на цьому напрямку 450 військових.", "450"),
])
def test_a_force_s_week_of_fighting_is_one_battle(text, figure):
    assert total_of(text, figure, side=FORCE, people=300) is None


def test_one_person_in_a_week_s_figures_is_one_incident():
    text = "Over the past week 14 people were wounded in the oblast, and one woman was killed in Myropillia."
    assert total_of(text, "one woman", people=1) is None
    assert total_of(text, "14", people=14) is not None


@pytest.mark.parametrize("text, figure", [
    ("Since Saturday, the governor said, 3 civilians have been killed in the district.", "3"),
    ("Since Saturday the enemy has lost 800 servicemen in the area.", "800"),
    ("С субботы, по данным штаба, погибли 3 мирных жителя.", "3"),
    ("З 8 березня ворог втратив на цій ділянці 800 військових.", "800"),
])
def test_since_a_date_is_a_total_however_short_and_whoever_suffered(text, figure):
    assert total_of(text, figure, side=FORCE) is not None


@pytest.mark.parametrize("text, figure", [
    ("A missile strike on the railway station killed 61 people and wounded more than 100.", "61"),
    ("Удар ракеты по вокзалу унёс жизни 52 человек, ещё 87 ранены.", "87"),
    ("Внаслідок ракетного удару по вокзалу загинула 61 людина, понад 100 поранені.", "100"),
    ("Over the past day, Russia lost 1,350 soldiers, the General Staff said.", "1,350"),
    ("The death toll from Monday's strike has since risen to 14.", "14"),
])
def test_a_single_strike_or_a_day_s_bulletin_with_a_big_figure_is_no_total(text, figure):
    assert total_of(text, figure, people=100) is None


@pytest.mark.parametrize("text, figure", [
    ("На сегодня в списках пропавших без вести остаются 340 человек.", "340"),
    ("На сьогодні зниклими безвісти вважаються 212 мешканців громади.", "212"),
])
def test_a_count_of_the_missing_as_of_today_is_a_total(text, figure):
    assert total_of(text, figure, category="missing") is not None


@pytest.mark.parametrize("text, figure", [
    ("На сегодня известно о трёх погибших в результате удара по рынку.", "трёх"),
    ("На сьогодні відомо про 14 поранених унаслідок ракетного удару.", "14"),
])
def test_a_toll_as_of_today_may_be_one_strike_s(text, figure):
    assert total_of(text, figure, category="killed") is None


@pytest.mark.parametrize("heading, total", [
    ("Telegram, March 2025", False),
    ("Sumy: what may happen next", False),
    ("Casualty report, February 2025", True),
    ("Сводка за февраль 2025", True),
    ("Огляд за лютий 2025", True),
])
def test_a_month_in_a_heading_makes_a_summary_only_with_a_report_word(heading, total):
    text = "Seven civilians were killed and 30 wounded in the region."
    assert (total_of(text, "30", document=f"{heading}\n\n{text}") is not None) is total


def test_may_the_verb_ends_no_period():
    text = "During the occupation, officials say, troops may have killed 40 residents of the town."
    assert total_of(text, "40") is not None


@pytest.mark.parametrize("text, figure, total", [
    ("Between October and December, Russian forces shot 9 civilians in the village.", "9", False),
    ("Під час окупації у жовтні–листопаді окупанти розстріляли в селі 9 мирних жителів.", "9", False),
    ("Between 1 January and 28 February 2025, the monitors recorded 44 civilian deaths in the oblast.", "44", True),
    ("Since October, Russian forces have killed 9 civilians in the village.", "9", True),
])
def test_a_period_that_ended_before_last_month_dates_past_incidents(text, figure, total):
    assert (total_of(text, figure) is not None) is total


def test_a_sentence_that_dates_itself_takes_no_period_from_before_it():
    lead = "Ukrainian troops have advanced 20 km since February 6. "
    text = "Last week they took 40 Russian soldiers prisoner near the border."
    assert total_of(text, "40", side=FORCE, lead=lead) is None
    assert total_of("They took 40 Russian soldiers prisoner near the border.", "40", side=FORCE, lead=lead) is not None


@pytest.mark.parametrize("heading, text, figure", [
    ("Border region: weekly update\n\n", "Seven civilians were killed and 30 wounded.", "30"),
    ("Донецьк: підсумки тижня від ОВА\n\n", "Загинули шестеро цивільних, ще 25 поранені.", "25"),
    ("Приграничье: итоги недели\n\n", "Погибли пять мирных жителей, 21 человек ранен.", "21"),
    ("Civilian harm report, February 2025\n\n", "At least 31 civilians were killed in the oblast.", "31"),
])
def test_a_period_summary_s_heading_makes_its_undated_figures_totals(heading, text, figure):
    assert total_of(text, figure, document=heading + text) is not None
    dated = text.replace(".", " on 3 March.")
    assert total_of(dated, figure, document=heading + dated) is None   # it dates its own claim
    assert total_of(text, figure, document="Border region news\n\n" + text) is None


def test_a_headline_repeating_a_total_is_that_total(gazetteer):
    text = ("Syrskyi: more than 200 Russian soldiers taken prisoner in Kursk region\n\n"
            "Since the start of the operation, Ukrainian units have taken more than 200 Russian soldiers "
            "prisoner in the Kursk region, Oleksandr Syrskyi said.\n\n"
            "A Russian drone killed 3 civilians in Sumy on Sunday.")
    events, _ = Extractor(gazetteer).extract(Document(id="h", text=text, published=PUBLISHED))
    prisoners = [e for e in events if e.captured == 200]
    assert prisoners and all(e.cumulative for e in prisoners)
    assert [e.cumulative for e in events if e.killed == 3] == [False]


@pytest.mark.parametrize("text, figure, side, people, total", [
    ("Officials said the North Korean contingent had suffered some 4,100 casualties in the region.", "4,100",
     FORCE, 4100, True),
    ("Russian units have sustained more than 2,500 casualties near the town, the brigade said.", "2,500",
     FORCE, 2500, True),
    ("The battalion had suffered 40 casualties in the assault.", "40", FORCE, 40, False),
    ("Russia had lost 1,250 personnel, the General Staff said.", "1,250", FORCE, 1250, False),
    ("The enemy has suffered 1,300 casualties over the past day.", "1,300", FORCE, 1300, False),
    ("The brigade has suffered 1,100 casualties since Monday, 12 May.", "1,100", FORCE, 1100, True),
    ("Kyiv said on 2 March that the contingent had suffered about 5,000 casualties.", "5,000", FORCE, 5000, True),
    ("The contingent had suffered about 5,000 casualties on 2 March.", "5,000", FORCE, 5000, False),
])
def test_a_force_s_thousands_in_a_perfect_with_no_date_are_a_total(text, figure, side, people, total):
    assert (total_of(text, figure, side=side, people=people) is not None) is total


def test_an_extracted_weekly_summary_is_a_total_but_its_one_dated_death_is_not(gazetteer):
    text = ("Сумщина: підсумки тижня\n\n"
            "За тиждень ворог обстріляв громади області понад 300 разів. Загинули шестеро цивільних, ще 19 поранені. "
            "У Ворожбі в неділю загинула одна жінка.")
    events, _ = Extractor(gazetteer).extract(Document(id="w", text=text, published=PUBLISHED))
    week = [e for e in events if e.wounded == 19]
    assert week and all(e.cumulative for e in week)
    assert not any(e.cumulative for e in events if e.killed == 1 and e.wounded is None)
