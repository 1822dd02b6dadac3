"""Some of the wounded who died are dead ("one of the wounded died"); some of them described
("six of the injured are in hospital") are no new figure."""

import pytest

from mapper.extract.casualties import find_figures


@pytest.mark.parametrize("text, value", [
    ("Two of the wounded later died in hospital.", 2),
    ("Один из раненых скончался в больнице.", 1),
    ("Двоє з поранених згодом померли в лікарні.", 2),
])
def test_the_wounded_who_died_are_dead(text, value):
    assert [(f.category, f.best) for f in find_figures(text)] == [("killed", value)]


@pytest.mark.parametrize("text", [
    "Six of the injured were taken to hospital.",
    "Шестеро из раненых доставлены в больницу.",
    "One of the wounded. Then the convoy left.",
])
def test_the_wounded_described_are_no_figure(text):
    assert find_figures(text) == []
