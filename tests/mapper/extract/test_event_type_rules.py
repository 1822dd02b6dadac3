"""ACLED event type: a weapon with a strike verb, a vehicle that hits a mine, a time or a date before a
weapon (not a count of weapons), a list of weapons told before, people held or shot, a force's losses
of a day's bulletin, and a headline that repeats a claim told below (own sentences)."""

from __future__ import annotations

import datetime

import pytest

from mapper.extract.event_type import event_type_of
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
MINE = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")


def kind(text: str, **options) -> tuple[str, str]:
    return event_type_of(text, (0, len(text)), **options)


def later(text: str, sentence: str, **options) -> tuple[str, str]:
    """The type of ``sentence``, told after ``text`` in one paragraph."""
    whole = f"{text} {sentence}"
    return event_type_of(whole, (len(text) + 1, len(whole)), paragraph=(0, len(whole)), **options)


@pytest.mark.parametrize("text, expected", [
    ("An FPV drone struck a minibus near the border, killing a passenger.", AIR),
    ("A drone hit the car, wounding two people.", AIR),
    ("Two farmers were killed when their harvester struck an anti-tank mine.", MINE),
    ("A shepherd stepped on a mine and was wounded.", MINE),
    ("Five villagers were shot by soldiers at the checkpoint.", ATTACK),
    ("Twenty residents were held hostage in the school for a week; two died.", ABDUCTION),
    ("Окупанти незаконно утримували в підвалі 40 жителів села, троє з них померли.", ABDUCTION),
    ("Военные почти месяц удерживали в подвале 50 человек, пятеро умерли.", ABDUCTION),
    ("Диверсанти забрали в полон місцевого жителя.", ABDUCTION),
])
def test_the_words_of_the_sentence(text, expected):
    assert kind(text, actor="Civilians") == expected


@pytest.mark.parametrize("before, sentence, expected", [
    ("At 9:40 a Ukrainian drone attacked a car in the village.", "The driver was wounded.", AIR),
    ("On 18 May drones attacked a depot near the border.", "Up to 30 soldiers were killed.", AIR),
    ("Сегодня в 7:15 украинский дрон атаковал автобус.", "Ранены четыре пассажира.", AIR),
    ("У ніч на 12 червня безпілотники атакували склад.", "Загинули двоє охоронців.", AIR),
    ("Об 11:20 ворог завдав удару КАБами по селищу.", "Поранено п'ятьох людей.", AIR),
])
def test_a_time_or_a_date_before_a_weapon_counts_no_weapons(before, sentence, expected):
    assert later(before, sentence, actor="Civilians") == expected


def test_counted_weapons_are_still_not_the_cause():
    assert kind("The enemy lost 300 servicemen and 12 drones.", actor="Russian forces") == CLASH


@pytest.mark.parametrize("before, sentence", [
    ("The enemy keeps shelling the town with artillery, MLRS and aviation.", "Two residents were killed."),
    ("Ворог обстрілює громаду з артилерії, РСЗВ та авіації.", "Загинули двоє мешканців."),
])
def test_a_list_of_weapons_told_before_is_named_by_its_first(before, sentence):
    assert later(before, sentence, actor="Civilians") == SHELLING


def test_a_list_is_not_two_acts_apart():
    before = "Mortar shelling hit the farm (12 explosions), and a drone attacked a car."
    assert later(before, "A woman was killed.", actor="Civilians") == AIR


@pytest.mark.parametrize("sentence", [
    "Over the past day the enemy lost 1,100 servicemen.",
    "За сутки противник потерял до 120 военнослужащих.",
    "За тиждень окупанти втратили на напрямку 700 військових.",
])
def test_a_force_s_losses_of_a_day_s_or_a_week_s_bulletin_are_a_battle(sentence):
    assert later("A drone hit a dugout near the village.", sentence, actor="Russian forces") == CLASH


def test_a_force_s_losses_in_the_attack_told_before_are_that_attack():
    assert later("A drone hit a dugout near the village.", "Twelve soldiers were killed.", actor="Russian forces") == AIR


def test_a_headline_takes_the_kind_of_the_claim_it_repeats(gazetteer):
    text = ("Strike on Sumy: 9 people wounded in the Kovpakivskyi district\n\n"
            "Russian drones attacked Sumy overnight. 9 people were wounded, the city council said.")
    events, _ = Extractor(gazetteer).extract(Document(id="h", text=text, published=datetime.date(2025, 3, 10)))
    assert {(e.event_type, e.sub_event_type) for e in events if e.wounded == 9} == {AIR}
