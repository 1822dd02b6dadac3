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
