"""ACLED event type from the words of the claim (own sentences, not the corpus's)."""

from __future__ import annotations

import datetime

import pytest

from mapper.extract.event_type import NO_CAUSE, event_type_of
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


@pytest.mark.parametrize("text, expected", [
    ("A man was killed when a drone hit his car outside Sudzha.", AIR),
    ("A Russian guided bomb killed a woman in Bilopillia.", AIR),
    ("Two people died in a glide-bomb strike on the town.", AIR),
    ("Three residents were wounded by artillery fire overnight.", SHELLING),
    ("A missile struck a warehouse, killing four workers.", SHELLING),
    ("Grad rockets wounded five people in the village.", SHELLING),
    ("A tractor driver was killed when his tractor hit a landmine.", MINE),
    ("Two sappers were wounded by an improvised explosive device.", MINE),
    ("Twelve soldiers were killed in fierce fighting for the village.", CLASH),
    ("The assault cost the battalion 40 men.", CLASH),
    ("Soldiers executed three civilians in the cellar.", ATTACK),
    ("Four residents were abducted and taken across the border.", ABDUCTION),
    # Russian, with case forms
    ("В результате удара КАБом погибли двое мирных жителей.", AIR),
    ("Беспилотник атаковал автомобиль, ранен водитель.", AIR),
    ("При обстреле из РСЗО ранены три человека.", SHELLING),
    ("Тракторист подорвался на мине, он погиб.", MINE),
    ("В боях за посёлок погибли 15 военнослужащих.", CLASH),
    ("Оккупанты расстреляли двоих мирных жителей.", ATTACK),
    ("Российские военные похитили трёх жителей села.", ABDUCTION),
    # Ukrainian, with case forms
    ("Унаслідок удару керованою авіабомбою загинула жінка.", AIR),
    ("Ворожий дрон скинув вибуховий пристрій на авто, поранено чоловіка.", AIR),
    ("Через мінометний обстріл поранено двох людей.", SHELLING),
    ("Чоловік підірвався на міні й загинув.", MINE),
    ("Під час штурму загинули троє бійців.", CLASH),
    ("Окупанти розстріляли цивільного на блокпосту.", ATTACK),
    ("Росіяни примусово вивезли п'ятьох дітей.", ABDUCTION),
])
def test_cause_words_of_the_sentence(text, expected):
    assert kind(text) == expected


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a minibus, killing two passengers.",
    "Двое мирных жителей погибли в результате нападения диверсионной группы.",
    "Диверсійна група відкрила вогонь по автомобілю, загинув водій.",
])
def test_gunfire_on_civilians_is_an_attack_on_them_between_forces_a_clash(text):
    assert kind(text, actor="Civilians") == ATTACK
    assert kind(text, actor="Russian forces") == CLASH


def test_civilians_taken_captive_are_an_abduction_whatever_the_raid():
    text = "A sabotage group raided the village and took two residents prisoner."
    assert kind(text, actor="Civilians", categories={"captured"}) == ABDUCTION


def test_no_cause_is_other_not_a_guess():
    assert kind("A woman died in hospital on Monday.") == NO_CAUSE == ("Strategic developments", "Other")
    assert kind("Погибла женщина.") == NO_CAUSE


def test_the_cause_nearest_the_figure_wins():
    text = "Two were killed by shelling in the morning; later a drone wounded a medic."
    assert event_type_of(text, (0, len(text)), (0, 16)) == SHELLING
    assert event_type_of(text, (0, len(text)), (52, len(text))) == AIR


def test_counted_weapons_are_not_the_cause():
    text = "The enemy lost up to 120 servicemen, 4 tanks and 12 artillery pieces; 35 drones were shot down."
    assert kind(text, actor="Russian forces") == CLASH


def test_a_forces_losses_without_a_cause_are_a_battle_and_missing_people_are_not_guessed():
    assert kind("The enemy lost up to 90 servicemen.", actor="Ukrainian forces") == CLASH
    assert kind("Three soldiers are missing.", actor="Russian forces", categories={"missing"}) == NO_CAUSE
    assert kind("Two residents were taken prisoner.", actor="Civilians", categories={"captured"}) == ABDUCTION


def test_a_running_total_takes_no_cause_it_does_not_state():
    assert kind("Since August the enemy has lost 4,000 servicemen.", actor="Russian forces", total=True) == NO_CAUSE
    assert kind("Since May, 40 civilians were killed by shelling.", total=True) == SHELLING


def test_the_paragraph_tells_the_cause_of_a_sentence_without_one():
    text = "On Sunday a drone attacked a minibus near the town. Two passengers were killed."
    assert event_type_of(text, (52, len(text)), paragraph=(0, len(text))) == AIR


def test_the_extractor_fills_the_event_type(gazetteer):
    doc = Document(id="t", text="Two civilians were killed by Russian shelling in Sudzha on Monday.",
                   published=datetime.date(2024, 12, 16))
    events, _ = Extractor(gazetteer).extract(doc)
    assert [(e.event_type, e.sub_event_type) for e in events] == [SHELLING]


def test_counts_of_weapons_are_read_once_for_the_words_a_claim_looks_at():
    """Whether a number counts a cause word ("35 drones") is read when a claim first looks at that
    word; each answer is the one reading it alone gives."""
    from mapper.extract import event_type
    text = ("Air defence shot down 35 drones overnight. At 9:40 a drone hit a bus in Nikopol, "
            "wounding two women. Earlier, shelling killed a man in Marhanets.")
    event_type._causes.cache_clear()
    starts, rows, counted = event_type._causes(text)
    assert counted == [None] * len(rows)
    for at in ((80, 95), (120, 135)):
        event_type_of(text, (0, len(text)), at)
    assert any(c is not None for c in counted)
    assert [c for c in counted if c is not None] == [
        event_type._counted(text, start) for (start, *_), c in zip(rows, counted) if c is not None]
    assert counted[0] is True and counted[1] is False  # "35 drones" are counted; "At 9:40 a drone hit" is the cause
