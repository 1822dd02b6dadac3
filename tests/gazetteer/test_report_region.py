"""A village far from every oblast a report names is not the one village of that name the data has;
a country before a verb of saying is the report's source, not its place.

Every sentence here is written for the test; none comes from the development corpus.
"""

from __future__ import annotations

import pytest

from gazetteer.context import find_country_words
from mapper.extract.geoparse import geoparse_text


def _resolved(text: str) -> dict[str, str | None]:
    return {m.text: (m.place.name if m.resolution.resolved else None) for m in geoparse_text(text, doc_id="t")}


def test_a_village_hundreds_of_km_from_the_oblast_the_report_names_stays_unresolved():
    text = ("Чернігівщина: підсумки тижня.\n\nУ Чернігові відкрили пункт незламності. "
            "У Ягідному відновлюють школу, де під час окупації тримали людей.")
    found = _resolved(text)
    assert found["Чернігові"] == "Chernihiv"
    assert found["Ягідному"] is None  # the Ягідне the data has is in Kharkiv oblast, 450 km off


def test_the_same_village_is_placed_when_the_report_names_its_oblast_or_nothing():
    assert _resolved("На Харківщині: у Ягідному відновлюють школу.")["Ягідному"] == "Ягідне"
    assert _resolved("У Ягідному відновлюють школу.")["Ягідному"] == "Ягідне"


def test_a_town_far_from_the_named_oblast_is_still_the_town():
    text = ("In the Kursk region two people were hurt, the governor said. In Severomorsk, sailors "
            "laid wreaths for the crew of the submarine.")
    assert _resolved(text)["Severomorsk"] == "Severomorsk"


@pytest.mark.parametrize("sentence", [
    "В Україні повідомляють, що бої тривають.",
    "В России заявили, что обстрел продолжался всю ночь.",
    "У Росії визнали втрати.",
])
def test_a_country_before_a_verb_of_saying_is_the_source_not_a_place(sentence):
    assert find_country_words(sentence) == set()


@pytest.mark.parametrize("sentence, code", [
    ("В Україні тривають бої.", "UA"),
    ("В России прошли учения.", "RU"),
])
def test_a_country_before_another_verb_is_still_a_place(sentence, code):
    assert find_country_words(sentence) == {code}


def test_a_russian_village_in_a_report_from_ukraine_is_not_vetoed_by_the_source_country():
    text = "В Україні повідомляють, що біля Любимівки ліквідовано кілька десятків військових."
    assert _resolved(text)["Любимівки"] == "Lyubimovka"


@pytest.mark.parametrize("text", ["Женщина получила ранения при обстреле.", "Пожилая женщина погибла, сообщил глава района."])
def test_a_woman_is_no_regional_noun(text):
    from gazetteer.admin_phrases import region_phrases

    assert region_phrases(text) == []
    assert not [m for m in geoparse_text(text, doc_id="t") if m.text.casefold().startswith("женщин")]


def test_the_regional_nouns_are_still_regions():
    from gazetteer.admin_phrases import region_phrases

    assert region_phrases("Курщина и Белгородчина под обстрелом, на Сумщині тривога.") == [
        "Курщина", "Белгородчина", "Сумщині"]
