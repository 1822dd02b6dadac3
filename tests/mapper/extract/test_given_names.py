"""Given names in Latin script (mapper/extract/given_names.py): read from Faker's first-name lists,
compared across scripts and spellings by name key. The sentences are written for these tests."""

import pytest

from mapper.extract.given_names import is_given_name


@pytest.mark.parametrize("word", ["Victoria", "Sofia", "Florence", "Olga", "Olha", "Natalia", "Nataliya", "Oleksandr",
                                  "Aleksandr", "Paul", "Jordan"])
def test_first_names_in_any_spelling_are_given_names(word):
    assert is_given_name(word)


@pytest.mark.parametrize("word", ["Sudzha", "Kursk", "Vorozhba", "Plekhovo", "Belgorod", "Kharkiv", "Moscow",
                                  "Washington", "Ia"])
def test_place_names_and_short_keys_are_not(word):
    assert not is_given_name(word)


def _places(text):
    from mapper.extract.geoparse import geoparse_text

    return {m.text: m for m in geoparse_text(text)}


@pytest.mark.parametrize("text, person", [
    ("Victoria and her son were wounded when a drone hit their house in Belgorod.", "Victoria"),
    ("Sofia, a 34-year-old nurse, was wounded in Sumy.", "Sofia"),
    ("Local resident Florence Brown said the shelling of Sudzha lasted an hour.", "Florence"),
    ("Paul Adams, a correspondent, was in Kharkiv.", "Adams"),
])
def test_a_persons_names_are_no_places(text, person):
    found = _places(text)
    assert person not in found
    assert any(m.resolution.resolved for m in found.values())  # the real place of the sentence stays


def test_a_city_named_like_a_person_after_a_preposition_is_the_city():
    found = _places("The ministers met in Paris on Tuesday; Victoria stayed home.")
    assert found["Paris"].place.country_code == "FR"
    assert "Victoria" not in found
