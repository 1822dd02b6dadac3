"""Date words of issue 17 in English, Russian and Ukrainian, against the publication date:
nights into a day, "the past day", weekdays and their adjectives in their case forms, dates
without a year never after publication, statement dates."""

import datetime as dt

import pytest

from mapper.extract.dates import find_dates, resolve_event_date

FRI = dt.date(2025, 5, 30)          # a Friday
DAY_BEFORE = (dt.date(2025, 5, 29), dt.date(2025, 5, 30), 1)


def _range(text, published=FRI):
    found = resolve_event_date(text, published)
    return (found.start, found.end, found.precision) if found else None


@pytest.mark.parametrize("text", [
    "В ночь на 29 мая беспилотник атаковал автобус, погибли двое.",
    "У ніч на 29 травня ворог обстріляв Краснопілля, поранено трьох людей.",
    "Overnight into May 29, a drone hit a bus depot and killed two workers.",
    "During the night into 29 May, shelling wounded four villagers.",
])
def test_a_night_into_a_day_is_coded_on_the_night_before_that_day(text):
    assert _range(text) == (dt.date(2025, 5, 28), dt.date(2025, 5, 29), 1)


@pytest.mark.parametrize("text", [
    "Минулої доби внаслідок обстрілів загинула жінка.",
    "Протягом минулої доби ворог 40 разів обстріляв громаду.",
    "Протягом доби поранено двох чоловіків.",
    "Впродовж доби окупанти скинули 12 бомб.",
    "За прошедшие сутки ранены пятеро мирных жителей.",
    "В течение суток противник потерял до 200 военнослужащих.",
    "За ту саму добу знешкоджено 90 окупантів.",
    "Over the past day, the enemy shelled 30 settlements.",
    "In the last 24 hours, three civilians were wounded.",
])
def test_the_past_day_is_the_day_before_publication(text):
    assert _range(text) == DAY_BEFORE


@pytest.mark.parametrize(("text", "offset"), [
    ("Вчера в Белгороде ранены трое.", -1), ("Вчора у Сумах загинула людина.", -1),
    ("Yesterday a drone killed a man in Vovchansk.", -1),
    ("Сегодня утром ранен водитель.", 0), ("Сьогодні поранено двох.", 0),
    ("Today two people were injured.", 0), ("This morning a strike wounded five.", 0),
    ("Після вчорашнього удару кількість загиблих зросла до семи.", -1),
    ("После вчерашнего обстрела погибших стало трое.", -1),
])
def test_yesterday_and_today_count_from_publication(text, offset):
    day = FRI + dt.timedelta(offset)
    assert _range(text) == (day, day, 1)


@pytest.mark.parametrize(("text", "day"), [
    ("В субботу погибли двое.", 24), ("У суботу загинули двоє.", 24), ("On Saturday two were killed.", 24),
    ("В пятницу ранены трое.", 30), ("У п'ятницю поранено трьох.", 30), ("On Friday three were hurt.", 30),
    ("Во вторник погиб мужчина.", 27), ("У вівторок загинув чоловік.", 27),
    ("В среду ранена женщина.", 28), ("У середу поранена жінка.", 28), ("В воскресенье ранен ребенок.", 25),
    ("У неділю поранено дитину.", 25), ("У понеділок загинула жінка.", 26), ("In Thursday's attack one died.", 29),
])
def test_a_weekday_is_the_last_such_day_on_or_before_publication(text, day):
    assert _range(text) == (dt.date(2025, 5, day), dt.date(2025, 5, day), 1)


@pytest.mark.parametrize(("text", "day"), [
    ("Число жертв воскресного обстрела выросло до девяти.", 25),
    ("После субботнего удара в больнице остаются шестеро.", 24),
    ("Кількість загиблих унаслідок суботнього удару зросла до п'яти.", 24),
    ("Жертвами недільної атаки стали троє.", 25),
    ("Після п’ятничного обстрілу поранених стало дев'ять.", 30),
])
def test_a_weekday_adjective_in_any_case_dates_like_its_weekday(text, day):
    assert _range(text) == (dt.date(2025, 5, day), dt.date(2025, 5, day), 1)


def test_a_genitive_plural_of_thursday_is_no_date():
    assert find_dates("Несколько четвергов подряд было тихо.", FRI) == []


@pytest.mark.parametrize("text", ["На выходных ранены четверо.", "На вихідних поранено чотирьох.",
                                  "Over the weekend four were wounded."])
def test_the_weekend_is_the_last_one(text):
    assert _range(text) == (dt.date(2025, 5, 24), dt.date(2025, 5, 25), 2)


@pytest.mark.parametrize("text", ["On 3 December a shell killed two.", "3 грудня снаряд убив двох.",
                                  "3 декабря снаряд убил двоих.", "On Dec 3, a shell killed two."])
def test_a_date_without_a_year_never_lands_after_publication(text):
    assert _range(text, dt.date(2025, 1, 5)) == (dt.date(2024, 12, 3), dt.date(2024, 12, 3), 1)


@pytest.mark.parametrize(("text", "day"), [
    ("The governor said on Monday that three people were killed on Saturday.", 24),
    ("The governor said in a statement on Monday that Saturday's strike killed three.", 24),
    ("Officials told reporters on Thursday that the strike on Tuesday killed four.", 27),
    ("Губернатор заявил в понедельник, что в субботу погибли трое.", 24),
    ("Голова ОВА написав у Telegram у понеділок, що в суботу загинули троє.", 24),
])
def test_a_statement_date_is_not_the_event_date_when_the_event_has_its_own(text, day):
    assert _range(text) == (dt.date(2025, 5, day), dt.date(2025, 5, day), 1)


def test_a_statement_date_alone_still_dates_the_claim():
    assert _range("Three soldiers were killed, the brigade said on Wednesday.") == (
        dt.date(2025, 5, 28), dt.date(2025, 5, 28), 1)


@pytest.mark.parametrize("text", ["В ночь с пятницы на субботу погибли двое.", "У ніч з п'ятниці на суботу загинули двоє.",
                                  "У ніч проти суботи загинули двоє.", "Overnight into Saturday two were killed."])
def test_a_night_from_one_weekday_into_the_next_is_coded_on_the_first(text):
    assert _range(text) == (dt.date(2025, 5, 23), dt.date(2025, 5, 24), 1)


@pytest.mark.parametrize("text", ["Since Tuesday, shelling has killed four.", "С вторника погибли четверо.",
                                  "Із вівторка загинули четверо.", "З вівторка загинули четверо."])
def test_since_a_weekday_runs_from_that_day_to_publication(text):
    assert _range(text) == (dt.date(2025, 5, 27), FRI, 2)


@pytest.mark.parametrize("text", ["Загрязнение окружающей среды растёт.", "До пятницы осталось два дня."])
def test_a_russian_genitive_weekday_without_since_is_no_date(text):
    assert find_dates(text, FRI) == []


@pytest.mark.parametrize("text", ["За тиждень загинули троє мешканців.", "За неделю погибли трое жителей.",
                                  "During the week, 30 soldiers surrendered."])
def test_over_the_week_is_the_seven_days_before_publication(text):
    assert _range(text) == (dt.date(2025, 5, 23), FRI, 2)


def test_the_week_before_something_is_no_date():
    assert find_dates("During the week before the vote, no strikes were reported.", FRI) == []


@pytest.mark.parametrize("text", ["Overnight on Saturday, drones killed two.", "Overnight Friday into Saturday, two died.",
                                  "During the night of Friday to Saturday two died.", "Уночі на суботу загинули двоє.",
                                  "Вночі проти 24 травня загинули двоє.", "Ночью на 24 мая погибли двое."])
def test_overnight_before_a_day_is_the_night_into_that_day(text):
    assert _range(text) == (dt.date(2025, 5, 23), dt.date(2025, 5, 24), 1)


@pytest.mark.parametrize("text", ["Вночі на Сумщині загинули двоє.", "Ночью на Белгородчине погибли двое.",
                                  "Overnight, drones killed two."])
def test_overnight_before_a_place_is_the_last_night(text):
    assert _range(text) == DAY_BEFORE
