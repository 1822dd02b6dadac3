"""A loss verb's number may stand after several adverbials ("lost over the past day in the X direction up to
60 servicemen"); it is taken only when it counts people."""

import pytest

from mapper.extract.casualties import find_figures


@pytest.mark.parametrize("text, value", [
    ("Russian forces lost over the past day in the Kursk direction up to 60 servicemen.", 60),
    ("Украинские военные потеряли за сутки в курском направлении более 200 человек.", 200),
    ("Противник потерял за сутки в районах Никольского и Малой Локни до 70 военнослужащих.", 70),
    ("Ворог втратив за минулу добу на Курському напрямку понад 90 окупантів.", 90),
])
def test_loss_verb_takes_a_distant_number_of_people(text, value):
    assert [(f.category, f.best) for f in find_figures(text)] == [("killed_or_wounded", value)]


@pytest.mark.parametrize("text", [
    "Армия потеряла за минувшие сутки на этом направлении 5 танков и 10 бронемашин.",
    "The enemy lost over the past day in the Kursk direction 14 drones.",
])
def test_loss_verb_with_distant_things_is_no_figure(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, value", [
    ("A missile strike on the town claimed the lives of 14 people.", 14),
    ("The attack claimed the life of a 70-year-old man.", 1),
    ("Удар по городу унёс жизни трёх детей.", 3),
    ("Обстрел унес жизнь пожилой женщины.", 1),
    ("Атака дронів обірвала життя двох жінок.", 2),
    ("Удар забрав життя 9 людей.", 9),
])
def test_a_strike_that_took_lives_counts_the_dead(text, value):
    assert [(f.category, f.best) for f in find_figures(text)] == [("killed", value)]


def test_lives_of_animals_are_no_casualties():
    assert find_figures("The shelling claimed the lives of 3 cows.") == []
