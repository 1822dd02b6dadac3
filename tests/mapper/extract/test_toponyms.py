"""Spotting place names: scripts, inflections, cues, and the words that are not places."""

import pytest

from mapper.extract.geoparse import Geoparser
from spotting import spotted


@pytest.mark.parametrize("text,expected", [
    ("Shelling hit Plekhovo and Sudzha.", [("Plekhovo", "gazetteer"), ("Sudzha", "gazetteer")]),
    ("Обстрел в Плёхове и под Суджей.", [("Плёхове", "inflected"), ("Суджей", "inflected")]),
    ("Бої у Ворожбі та біля Мартинівки.", [("Ворожбі", "inflected"), ("Мартинівки", "inflected")]),
    ("Удар по Большому Солдатскому.", [("Большому Солдатскому", "inflected")]),
    ("Drones struck Bolshoye Soldatskoye overnight.", [("Bolshoye Soldatskoye", "gazetteer")]),
    ("Fighting in the Kursk border region and in Sumy Oblast.",
     [("Kursk border region", "region"), ("Sumy Oblast", "region")]),
    ("На Курщині та в Курській області.", [("Курщині", "region"), ("Курській області", "region")]),
])
def test_spots_names_in_every_script_and_form(spotter, text, expected):
    assert spotted(spotter, text) == expected


@pytest.mark.parametrize("text", [
    "President Volodymyr Zelenskyy said losses were heavy. Zelenskyy added more.",
    "Maj. Gen. Pat Ryder, spokesperson for the Pentagon, stated it. Though Ryder did not give numbers.",
    "The alliance was endorsed by Kim Jong Un himself.",
    "The GUR and the ISW agree, the HUR wrote.",
    "Ukrainska Pravda reported the strike first.",
    "Мирные жители пострадали.",
    "Russia and Ukraine traded blame; North Korea stayed silent.",
])
def test_people_organisations_countries_and_common_words_are_not_places(spotter, text):
    assert spotted(spotter, text) == []


def test_names_after_cues_are_kept_even_when_unknown(spotter):
    found = spotted(spotter, "Clashes near the villages of Zzyzxovka, Foobarino and Sudzha.")
    assert found == [("Zzyzxovka", "cue"), ("Foobarino", "cue"), ("Sudzha", "gazetteer")]


def test_unknown_cued_names_are_unresolved_mentions_with_a_reason(gazetteer):
    mentions = Geoparser(gazetteer).parse("Fighting near Zzyzxovka and Sudzha.", doc_id="d")
    by_text = {m.text: m for m in mentions}
    assert not by_text["Zzyzxovka"].resolution.resolved
    assert "no place called" in by_text["Zzyzxovka"].resolution.reason
    assert by_text["Sudzha"].resolution.resolved


def test_possessive_is_not_part_of_the_name(spotter):
    assert spotted(spotter, "Sudzha's residents fled.") == [("Sudzha", "gazetteer")]


def test_spans_point_into_the_text(spotter):
    text = "В Плёхове и в Sudzha, а также near the villages of Zzyzxovka and Martynovka."
    for s in spotter.spot(text):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text,places", [
    ("Пять человек погибли при обстреле, сообщил губернатор.", []),          # "Пять" had become Pati, Indonesia
    ("Двое военных ранены. Одиннадцать пропали без вести в Судже.", ["Судже"]),
    ("Сто двадцать солдат погибли.", []),
    ("Дві жінки загинули. П'ять людей поранені біля Ворожби.", ["Ворожби"]),
])
def test_number_words_at_a_sentence_start_are_not_places(spotter, text, places):
    assert [name for name, _ in spotted(spotter, text)] == places
