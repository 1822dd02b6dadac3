"""A town the news names without saying where outranks a theatre village of the same name the text gives no
sign of; the village wins when the text points to it; a town outside the theatre leaves the name unresolved."""

import pytest

from gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


@pytest.mark.parametrize("name, text, admin1", [
    ("Kostiantynivka", "Two people were wounded in Kostiantynivka on Tuesday.", "Donetsk Oblast"),
    ("Lyman", "Heavy fighting continued around Lyman overnight.", "Donetsk Oblast"),
    ("Dobropillia", "A guided bomb hit Dobropillia, police said.", "Donetsk Oblast"),
])
def test_the_known_town_wins_over_an_unsupported_village(gaz, name, text, admin1):
    r = gaz.resolve(name, text)
    assert r.resolved and r.place.admin1 == admin1, r.reason
    assert "nothing in the text points to the village" in r.reason


@pytest.mark.parametrize("name, text", [
    ("Лиман", "Харківська ОВА: обстріляли село Лиман Зміївської громади, поранено жінку."),
    ("Лиман", "На Харківщині обстріляли Лиман, поранено чоловіка."),
])
def test_the_village_wins_when_the_text_points_to_it(name, text):
    from mapper.extract.geoparse import geoparse_text

    [m] = [m for m in geoparse_text(text) if m.text == name]
    assert m.place is not None and m.place.admin1 == "Kharkiv Oblast", m.resolution.reason


@pytest.mark.parametrize("name, text", [
    ("Nikopol", "A drone hit a bus in Nikopol, wounding two."),
    ("Oleshky", "Shelling of Oleshky killed a woman."),
])
def test_a_town_outside_the_theatre_leaves_the_name_unresolved(gaz, name, text):
    r = gaz.resolve(name, text)
    assert not r.resolved
    assert "is a village the text gives no sign of" in r.reason and "outside the theatre" in r.reason


def test_a_town_outside_the_theatre_is_taken_when_its_region_is_named(gaz):
    r = gaz.resolve("Nikopol", "A drone hit a bus in Nikopol in Ukraine's Dnipropetrovsk region.")
    assert r.resolved and r.place.admin1 == "Dnipropetrovsk Oblast", r.reason


def test_a_foreign_city_is_no_town_for_an_inflected_village(gaz):
    r = gaz.resolve("Тихого", "Бои идут у Тихого, работает арта.")
    assert "Tychy" not in r.reason


def test_two_villages_alike_are_told_apart_by_the_text_not_by_this_rule(gaz):
    r = gaz.resolve("Vorozhba", "near Plekhovo, Vorozhba and Martynovka in Russia's Kursk region")
    assert "a town of" not in r.reason


def test_a_town_in_the_other_theatre_country_outranks_an_inflected_village(gaz):
    r = gaz.resolve("Покровском", "Военные расстреляли пленных под Покровском.")
    assert r.resolved and r.place.admin1 == "Donetsk Oblast", r.reason
    r = gaz.resolve("Покровского", "Обстрел Покровского в Курской области.")
    assert r.resolved and r.place.admin1 == "Kursk Oblast", r.reason
