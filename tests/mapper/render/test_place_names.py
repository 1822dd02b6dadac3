"""Map labels in one script: Latin by default, Russian or Ukrainian on request, from a place's names."""

from __future__ import annotations

import pytest

from mapper.render.place_names import check_script, country_label, oblast_label, place_label, romanise

NAMES = ("Ворожбянка", ["Vorozhbianka", "Vorozhbyanka (Sumy Raion)", "Ворожбянка", "Ворожбянка"])


def test_latin_prefers_the_gazetteer_name_then_plain_spellings():
    assert place_label("Krasnopillia", ["Краснополье", "Krasnopol'ye"]) == "Krasnopillia"
    assert place_label("Велика Писарівка", ["Velýka Pysarivka", "Velyka Pysarivka"]) == "Velyka Pysarivka"
    assert place_label("Borisovka, Borisovsky District", []) == "Borisovka"
    assert place_label("Прилепы", ["Prilepy (Kursk)"]) == "Prilepy"            # only a qualified Latin name


def test_latin_romanises_a_place_with_only_cyrillic_names():
    assert place_label("Петрушівка", ["Петрушевка"]) == "Petrushivka"
    assert romanise("нова січ") == "Nova Sich"
    assert romanise("Кам'янка-Дніпровська") == "Kamyanka-Dniprovska"


def test_ukrainian_and_russian_take_their_own_spelling():
    names = ("Mezenivka", ["Mezenevka", "Мезеновка", "Мезенівка"])
    assert place_label(*names, "uk") == "Мезенівка"
    assert place_label(*names, "ru") == "Мезеновка"
    assert place_label("Pishchane", ["Піщане", "Песчаное"], "ru") == "Песчаное"
    assert place_label("Pishchane", ["Песчаное", "Піщане"], "uk") == "Піщане"
    assert place_label("Turia", ["Турья", "Тур’я"], "uk") == "Тур’я"            # the apostrophe is Ukrainian


def test_cyrillic_script_falls_back_to_the_sister_language_never_to_belarusian_or_latin():
    assert place_label("Plyokhovo", ["Плёхово", "Plekhovo"], "uk") == "Плёхово"
    assert place_label("Chernihiv", ["Чарнігаў", "Чернигов", "Чернігів"], "uk") == "Чернігів"
    assert place_label("Chernihiv", ["Чарнігаў", "Чернигов"], "ru") == "Чернигов"
    assert place_label("Novaya", ["Novaja"], "ru") is None


def test_area_names_and_bad_scripts():
    assert country_label("RU", "Russia", "en") == "Russia"
    assert country_label("UA", "Ukraine", "uk") == "Україна"
    assert country_label("UA", "Ukraine", "ru") == "Украина"
    assert oblast_label(["Kurskaya oblast'", "Курская Область", "Курская область", "Курська область"], "uk") \
        == "Курська область"
    assert oblast_label(["Курская Область", "Курская область"], "ru") == "Курская область"
    assert check_script("uk") == "uk"
    with pytest.raises(ValueError, match="en, ru, uk"):
        check_script("de")
