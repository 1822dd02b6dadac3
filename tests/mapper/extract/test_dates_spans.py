"""Date words of issues 16 and 17: a count of days before publication ("за двое суток", "in three days
of fighting"), the n-th day running ("уже третий день"), a range of months, and a time of day alone
("утром", "вранці") that dates a claim only where nothing else in its paragraph does."""

import datetime as dt

import pytest

from mapper.extract.dates import find_dates, resolve_event_date
from mapper.extract.extractor import extract_events
from mapper.ingest.documents import Document

WED = dt.date(2025, 10, 15)          # a Wednesday


def _range(text, published=WED):
    found = resolve_event_date(text, published)
    return (found.start, found.end, found.precision) if found else None


@pytest.mark.parametrize("text,days", [
    ("За двое суток боёв у села противник потерял до 90 человек.", 2),
    ("За трое суток под Бахмутом погибли 14 мирных жителей.", 3),
    ("За 4 дня обстрелов ранены девять человек.", 4),
    ("За дві доби ворог втратив 70 військових.", 2),
    ("За три дні обстрілів поранено шістьох людей.", 3),
    ("Russian units lost 120 men in two days of assaults, the brigade said.", 2),
    ("Over three days, shelling killed seven civilians in the district.", 3),
])
def test_a_count_of_days_runs_up_to_publication(text, days):
    assert _range(text) == (WED - dt.timedelta(days), WED, 2)


@pytest.mark.parametrize("text", [
    "За три дня до выборов в городе было спокойно, погибших нет.",
    "За два дні до наступу ворог зосередив війська.",
    "The ceasefire is due to start in two days' time.",
    "Five days before the vote, a drone hit the office.",
])
def test_a_count_of_days_before_something_else_is_no_date(text):
    assert _range(text) is None


@pytest.mark.parametrize("text,days", [
    ("Противник уже третий день штурмует окраины посёлка, есть раненые.", 2),
    ("Третьи сутки подряд дроны атакуют трассу.", 2),
    ("Ворог вже четвертий день поспіль обстрілює громаду.", 3),
    ("Другу добу триває штурм села.", 1),
    ("Russian troops attacked the bridgehead for a third straight day.", 2),
    ("Shelling hit the market for the second consecutive day, killing two.", 1),
])
def test_the_nth_day_running_starts_that_many_days_before_publication(text, days):
    assert _range(text) == (WED - dt.timedelta(days), WED, 2)


@pytest.mark.parametrize("text", [
    "На третий день после удара спасатели нашли ещё двоих погибших.",
    "У третій день перемир'я пролунали вибухи.",
    "On the third day of the talks, officials met again.",
    "The second day of the summit passed quietly.",
])
def test_an_nth_day_of_something_else_is_no_date(text):
    assert _range(text) is None


@pytest.mark.parametrize("text,start,end", [
    ("Between June and August, nine civilians died in the shelling.", dt.date(2025, 6, 1), dt.date(2025, 8, 31)),
    ("From November to February 2025 the village lost twelve residents.", dt.date(2024, 11, 1), dt.date(2025, 2, 28)),
    ("С июня по август погибли девять мирных жителей.", dt.date(2025, 6, 1), dt.date(2025, 8, 31)),
    ("З листопада по січень загинули дванадцять людей.", dt.date(2024, 11, 1), dt.date(2025, 1, 31)),
    # months after publication without a year: last year's
    ("Between November and December, eleven people were killed.", dt.date(2024, 11, 1), dt.date(2024, 12, 31)),
])
def test_a_range_of_months_is_one_period_in_the_reports_year(text, start, end):
    assert _range(text) == (start, end, 3)


def test_a_range_of_months_ending_this_month_ends_at_publication():
    assert _range("Between August and October, four were wounded.") == (dt.date(2025, 8, 1), WED, 3)


@pytest.mark.parametrize("text", [
    "Утром беспилотник атаковал автобус, ранены двое.",
    "Вранці дрон атакував автівку, загинув водій.",
    "Уранці ворог обстріляв село, поранено жінку.",
])
def test_a_morning_alone_is_the_reports_day(text):
    assert _range(text) == (WED, WED, 1)


@pytest.mark.parametrize("text,day", [
    ("Вчера утром беспилотник атаковал автобус, ранены двое.", dt.date(2025, 10, 14)),
    ("Утром 12 октября беспилотник атаковал автобус.", dt.date(2025, 10, 12)),
    ("Вранці в понеділок дрон атакував автівку, загинув водій.", dt.date(2025, 10, 13)),
])
def test_a_morning_with_a_day_is_that_day(text, day):
    assert _range(text)[:2] == (day, day)
    assert [d.text.lower() for d in find_dates(text, WED)][0] in text.lower()


@pytest.fixture(scope="module")
def events(gazetteer):
    def run(text, published=WED):
        found = extract_events([Document(id="t", text=text, published=published)], gazetteer=gazetteer,
                               merge=False)
        return sorted(found, key=lambda e: e.quote_start or 0)
    return run


def test_a_morning_alone_gives_way_to_the_date_earlier_in_its_paragraph(events):
    text = ("Вечером 12 октября в Сумах было неспокойно. Утром дрон атаковал автобус, ранены двое пассажиров.")
    found = events(text)
    assert found and found[0].event_date == dt.date(2025, 10, 12)


def test_a_morning_alone_dates_its_paragraph_when_the_lead_has_another_date(events):
    text = ("Сводка.\n\nЗа минувшие сутки в Курской области ранены трое мирных жителей.\n\n"
            "Утром беспилотник атаковал автобус в Рыльске, погиб водитель.")
    found = events(text)
    assert [e.event_date for e in found] == [dt.date(2025, 10, 14), WED]


@pytest.mark.parametrize("text", [
    "Накануне ВСУ обстреляли посёлок, ранены двое.",
    "Накануне вечером беспилотник атаковал автобус.",
    "Накануне в Рыльске погибла женщина.",
    "Напередодні ворог атакував село, поранено чоловіка.",
    "Напередодні ЗСУ відбили штурм, є загиблі.",
])
def test_the_eve_alone_is_the_day_before_publication(text):
    assert _range(text) == (WED - dt.timedelta(1), WED - dt.timedelta(1), 1)


@pytest.mark.parametrize("text", [
    "Накануне праздника в городе погибли двое.",
    "Накануне его визита обстрел унёс жизни троих.",
    "Напередодні свята загинули двоє людей.",
    "Напередодні його приїзду ворог обстріляв громаду.",
])
def test_the_eve_of_something_is_no_date(text):
    assert _range(text) is None


@pytest.mark.parametrize("text,day", [
    ("Субота.", dt.date(2025, 10, 11)),
    ("Неділя:", dt.date(2025, 10, 12)),
    ("Суббота.", dt.date(2025, 10, 11)),
    ("Среда.", WED),
])
def test_a_weekday_heading_a_part_of_a_digest_is_that_day(text, day):
    assert _range(text) == (day, day, 1)


@pytest.mark.parametrize("text", [
    "Субота видалася спокійною, поранених немає.",
    "Среда обитания животных пострадала от пожара.",
])
def test_a_weekday_in_the_nominative_in_running_text_is_no_date(text):
    assert _range(text) is None


def test_the_claims_under_a_weekday_heading_take_its_day(events):
    text = ("Що сталося на вихідних\n\nСубота. Дрон атакував автобус у Сумах, поранено шістьох пасажирів.\n\n"
            "Неділя. У Конотопі від удару КАБа загинули двоє людей.")
    found = events(text, dt.date(2025, 10, 13))
    assert [e.event_date for e in found] == [dt.date(2025, 10, 11), dt.date(2025, 10, 12)]


@pytest.mark.parametrize("text", [
    "A sleepless night for Sumy. A drone hit a dormitory and wounded three students.",
    "Неспокойная ночь в Рыльске: беспилотник атаковал дом, ранена женщина.",
    "Тривожна ніч на Чернігівщині: внаслідок удару поранено двох людей.",
])
def test_a_hard_night_opening_a_post_is_the_night_just_past(text):
    assert _range(text) == (WED - dt.timedelta(1), WED, 1)
