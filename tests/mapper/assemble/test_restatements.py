"""One report telling a claim twice (headline or lead, then the body) gives one event; two incidents
of one report (other places, other days, "another") stay two."""

import datetime as dt

import pytest

from mapper.assemble.restatements import fold_restatements, opening_spans
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document
from mapper.model.events import Event, EventLocation, Source

PUBLISHED = dt.date(2024, 6, 5)  # a Wednesday


@pytest.fixture(scope="module")
def extractor(gazetteer):
    return Extractor(gazetteer)


def _figures(extractor, text: str) -> list[dict]:
    events, _ = extractor.extract(Document(id="t", text=text, published=PUBLISHED))
    return [{c: getattr(e, c) for c in ("killed", "wounded", "missing", "captured", "killed_or_wounded")
             if getattr(e, c) is not None} for e in events]


# --- told twice: one event ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Drone strike on Shebekino: two civilians killed\n\n"
    "Two civilians were killed on Tuesday when a drone hit a bus stop in Shebekino, the governor said.",
    "Удар по Шебекино: погибли двое мирных жителей\n\n"
    "Во вторник в Шебекино беспилотник атаковал автобусную остановку, погибли двое мирных жителей.",
    "Удар по Шебекиному: загинули двоє цивільних\n\n"
    "У вівторок у Шебекиному дрон атакував автобусну зупинку, загинули двоє цивільних.",
])
def test_a_headline_told_again_in_the_body_is_one_event(extractor, text):
    assert _figures(extractor, text) == [{"killed": 2}]


@pytest.mark.parametrize("text", [
    "Four people were wounded in Sumy on Tuesday, regional officials said.\n\n"
    "Rescuers worked through the night at the damaged school.\n\n"
    "The four people wounded in Sumy were taken to hospital.",
    "Во вторник в Сумах ранены четыре человека, сообщили областные власти.\n\n"
    "Спасатели работали всю ночь.\n\n"
    "Четыре человека ранены в Сумах, их доставили в больницу.",
])
def test_a_lead_recapped_later_is_one_event(extractor, text):
    assert _figures(extractor, text) == [{"wounded": 4}]


def test_a_headline_figure_also_told_keeps_what_the_body_does_not_tell(extractor):
    text = ("Shelling of Shebekino: two killed, five wounded\n\n"
            "Two residents were killed on Tuesday when shells hit a market in Shebekino.")
    assert sorted(map(sorted, (f.items() for f in _figures(extractor, text)))) == [[("killed", 2)], [("wounded", 5)]]


# --- two incidents: two events ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Two civilians killed in Shebekino\n\nTwo civilians were killed in Valuyki on Tuesday, the governor said.",
    "В Шебекино погибли двое мирных жителей\n\nВо вторник в Валуйках погибли двое мирных жителей.",
    "У Шебекиному загинули двоє цивільних\n\nУ вівторок у Валуйках загинули двоє цивільних.",
])
def test_the_same_figure_at_places_far_apart_stays_two_events(extractor, text):
    assert _figures(extractor, text) == [{"killed": 2}, {"killed": 2}]


@pytest.mark.parametrize("text", [
    "On Monday three people were killed by shelling in Sumy.\n\nOn Wednesday three people were killed in Sumy.",
    "В понедельник в Сумах при обстреле погибли три человека.\n\nВ среду в Сумах погибли три человека.",
    "У понеділок у Сумах через обстріл загинули троє людей.\n\nУ середу в Сумах загинули троє людей.",
])
def test_the_same_figure_on_other_days_stays_two_events(extractor, text):
    assert _figures(extractor, text) == [{"killed": 3}, {"killed": 3}]


@pytest.mark.parametrize("text", [
    "Three people were killed by shelling in Sumy on Tuesday.\n\nLater another three people were killed in Sumy.",
    "Во вторник в Сумах при обстреле погибли три человека.\n\nВечером в Сумах погибли ещё три человека.",
    "У вівторок у Сумах через обстріл загинули троє людей.\n\nУвечері в Сумах загинули ще троє людей.",
])
def test_a_figure_said_to_come_on_top_stays_its_own_event(extractor, text):
    assert _figures(extractor, text) == [{"killed": 3}, {"killed": 3}]


# --- the rule on events --------------------------------------------------------------------------
_SUMY = EventLocation("Sumy", "Sumy", 50.91, 34.80, "UA", "Sumy Oblast", "Sumy Raion", "sumy", 1, True, "")
_OBLAST = EventLocation("Sumy Oblast", "Sumy Oblast", 50.9, 34.8, "UA", "Sumy Oblast", "", "oblast", 3, True, "")
_KURSK = EventLocation("Kursk", "Kursk", 51.73, 36.19, "RU", "Kursk Oblast", "", "kursk", 1, True, "")


def _ev(i, quote, loc, day=4, actor="Civilians", **figures):
    return Event(f"ev-{i}", "d", event_date=dt.date(2024, 6, day), actor=actor, locations=(loc,),
                 sources=(Source("d", quote=quote),), **figures)


def test_a_headline_summing_the_body_is_no_event_of_its_own():
    text = "Two killed\n\nIn Sumy one man was killed. In Kursk one man was killed."
    head = _ev(1, "Two killed", _OBLAST, killed=2)
    a, b = _ev(2, "In Sumy one man was killed.", _SUMY, killed=1), _ev(3, "In Kursk one man was killed.", _KURSK, killed=1)
    assert [e.event_id for e in fold_restatements([head, a, b], text)] == ["ev-2", "ev-3"]


def test_a_region_headline_holds_the_body_place_but_not_one_elsewhere():
    text = "Sumy Oblast: a man killed\n\nIn Sumy a man was killed."
    head, body = _ev(1, "Sumy Oblast: a man killed", _OBLAST, killed=1), _ev(2, "In Sumy a man was killed.", _SUMY, killed=1)
    assert [e.event_id for e in fold_restatements([head, body], text)] == ["ev-2"]
    text = "Sumy Oblast: a man killed\n\nIn Kursk a man was killed."
    elsewhere = _ev(3, "In Kursk a man was killed.", _KURSK, killed=1)
    assert len(fold_restatements([head, elsewhere], text)) == 2


def test_other_sides_and_running_totals_flags():
    text = "Two killed in Sumy\n\nIn Sumy two were killed."
    head, body = _ev(1, "Two killed in Sumy", _SUMY, killed=2), _ev(2, "In Sumy two were killed.", _SUMY, killed=2,
                                                                   actor="Russian forces")
    assert len(fold_restatements([head, body], text)) == 2
    head = _ev(1, "Two killed in Sumy", _SUMY, killed=2, actor="")
    from dataclasses import replace
    (kept,) = fold_restatements([replace(head, cumulative=True), body], text)
    assert kept.event_id == "ev-2" and kept.cumulative and kept.actor == "Russian forces"


def test_opening_spans_need_text_below_a_headline():
    assert opening_spans("Two killed in Sumy") == (None, (0, 18))
    assert opening_spans("") == (None, None)


# --- told again in another form -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A missile hit a school in Sumy on Tuesday. Nine people were wounded. Four of them are in serious condition.",
    "A missile hit a school in Sumy on Tuesday. Nine people were wounded. Four injured people are in intensive care.",
    "Во вторник ракета попала в школу в Сумах. Ранены девять человек. Четверо пострадавших находятся в реанимации.",
    "У вівторок ракета влучила в школу в Сумах. Поранено дев'ятьох людей. Четверо постраждалих у важкому стані.",
])
def test_the_wounded_counted_by_their_condition_are_part_of_the_count(extractor, text):
    assert _figures(extractor, text) == [{"wounded": 9}]


@pytest.mark.parametrize("text", [
    "Four injured people are in intensive care after a missile hit a school in Sumy on Tuesday.",
    "После удара ракеты по школе в Сумах четверо пострадавших находятся в реанимации.",
    "Після удару ракети по школі в Сумах четверо постраждалих у важкому стані.",
])
def test_a_condition_without_a_count_before_is_the_count(extractor, text):
    assert _figures(extractor, text) == [{"wounded": 4}]


@pytest.mark.parametrize("text", [
    "Three people were wounded in Sumy on Tuesday. By the evening the number of wounded had risen to five.",
    "Во вторник в Сумах ранены три человека. К вечеру число раненых возросло до пяти.",
    "У вівторок у Сумах поранено трьох людей. Увечері кількість поранених зросла до п'яти.",
])
def test_an_updated_figure_replaces_the_first(extractor, text):
    assert _figures(extractor, text) == [{"wounded": 5}]


@pytest.mark.parametrize("text", [
    "Three people were wounded in Sumy on Tuesday. In Kharkiv the number of wounded rose to five.",
    "Во вторник в Сумах ранены три человека. В Харькове число раненых возросло до пяти.",
    "У вівторок у Сумах поранено трьох людей. У Харкові кількість поранених зросла до п'яти.",
])
def test_an_update_elsewhere_leaves_the_first_figure(extractor, text):
    assert _figures(extractor, text) == [{"wounded": 3}, {"wounded": 5}]


@pytest.mark.parametrize("text", [
    "Two workers were wounded by a drone in Sumy on Tuesday. They were taken to Kharkiv, where one of them later died.",
    "Во вторник в Сумах при ударе дрона ранены двое рабочих. Их доставили в Харьков, где один из них позже скончался.",
    "У вівторок у Сумах через удар дрона поранено двох робітників. Їх доставили до Харкова, де один з них згодом помер.",
])
def test_one_of_the_wounded_who_died_is_counted_dead_not_twice(extractor, text):
    assert _figures(extractor, text) == [{"killed": 1, "wounded": 1}]


@pytest.mark.parametrize("text", [
    "A man was killed in Sumy on Tuesday and two women were wounded, one of them seriously.",
    "Во вторник в Сумах погиб мужчина, ранены две женщины, одна из них — с тяжёлыми травмами.",
    "У вівторок у Сумах загинув чоловік, поранено двох жінок, одна з них — у важкому стані.",
])
def test_one_of_the_wounded_described_is_no_death(extractor, text):
    assert _figures(extractor, text) == [{"killed": 1, "wounded": 2}]


@pytest.mark.parametrize("text", [
    "Shelling hit Sumy on Tuesday. Three people were wounded. One of the wounded later died in hospital. "
    "In total: one person killed, two wounded.",
    "Во вторник обстрелу подверглись Сумы. Ранены три человека. Один из раненых позже скончался в больнице. "
    "Всего: один человек погиб, двое ранены.",
    "У вівторок росіяни обстріляли Суми. Поранено трьох людей. Один з поранених згодом помер у лікарні. "
    "Загалом: одна людина загинула, двоє поранені.",
])
def test_a_wounded_who_died_and_the_sum_told_after_are_one_count(extractor, text):
    assert _figures(extractor, text) == [{"killed": 1, "wounded": 2}]


def test_a_sum_of_other_counts_is_not_taken_for_one_of_them(extractor):
    text = "In Sumy a man was killed on Tuesday. In total: two people were killed in the region."
    assert _figures(extractor, text) == [{"killed": 1}, {"killed": 2}]


def test_a_lead_and_a_later_sentence_naming_no_place_stay_two():
    text = "In the morning a man was killed by shelling.\n\nIn the evening a man was killed by a drone."
    lead = Event("ev-1", "d", event_date=dt.date(2024, 6, 4), killed=1, sources=(Source("d", quote=text[:44]),))
    body = Event("ev-2", "d", event_date=dt.date(2024, 6, 4), killed=1, sources=(Source("d", quote=text[46:]),))
    assert len(fold_restatements([lead, body], text)) == 2


@pytest.mark.parametrize("text, expected", [
    ("The death toll from the strike on Sumy rose to 21. Rescuers pulled the bodies of two more people "
     "from the rubble overnight.", [{"killed": 21}]),
    ("Кількість загиблих у Сумах зросла до 9. Під завалами знайшли тіла ще двох людей.", [{"killed": 9}]),
    # more dead after a plain count (no toll that rose) are more dead
    ("Two people were killed in Sumy on Monday. Three more were killed there on Monday evening.",
     [{"killed": 2}, {"killed": 3}]),
])
def test_more_dead_found_after_a_toll_that_rose_are_in_that_toll(extractor, text, expected):
    assert _figures(extractor, text) == expected
