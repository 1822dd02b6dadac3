"""People whose fate is unknown are missing; things whose fate is unknown, or an unknown direction, are not."""

import pytest

from mapper.extract.casualties import find_figures


@pytest.mark.parametrize("text, value", [
    ("The fate of two more residents of the village remains unknown, the governor said.", 2),
    ("The whereabouts of four servicemen are still unclear.", 4),
    ("Судьба ещё трёх жителей посёлка пока неизвестна.", 3),
    ("Судьба двоих бойцов остаётся неизвестной.", 2),
    ("Доля ще двох мешканців села наразі невідома.", 2),
    ("Доля трьох військових досі невідома, повідомили у бригаді.", 3),
])
def test_fate_unknown_counts_missing(text, value):
    assert [(f.category, f.best) for f in find_figures(text)] == [("missing", value)]


@pytest.mark.parametrize("text", [
    "The fate of the bridge is unknown.",
    "The fate of the 12 tanks sent to the front remains unclear.",
    "Судьба операции пока неизвестна.",
    "Доля 5 будинків на околиці невідома.",
    "Поліція встановлює долю мешканців, яких вивезли в невідомому напрямку.",
])
def test_fate_of_things_or_unknown_direction_is_no_figure(text):
    assert find_figures(text) == []


def test_fate_unknown_beside_the_dead():
    figures = find_figures("Погибли два человека, судьба ещё одного неизвестна.")
    assert [(f.category, f.best) for f in figures] == [("killed", 2), ("missing", 1)]
