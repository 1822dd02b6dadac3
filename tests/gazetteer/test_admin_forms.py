"""Admin units and names in every shape: oblast, district, okrug, hromada and direction phrases in
all cases, lists of districts, regional nouns, hyphenated and adjective + noun names, apostrophes,
capitals. Sentences are written for these tests."""

import pytest

from gazetteer.context import admin_phrase_spans, names_oblast
from gazetteer.hromada import hromada_stems
from gazetteer.morphology import nominative_candidates
from gazetteer.normalize import name_key


def _geoparse(text):
    from mapper.extract.geoparse import geoparse_text

    return geoparse_text(text)


# -- oblasts -------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", [
    "Курская область", "Курской области", "Курскую область", "Курской областью", "о Курской области",
    "Курська область", "Курської області", "Курську область", "Курською областю", "на Курській області",
])
def test_oblast_adjective_in_every_case_is_kursk_oblast(gazetteer, phrase):
    res = gazetteer.resolve(phrase)
    assert res.resolved, res.reason
    assert res.place.is_admin1 and res.place.admin1 == "Kursk Oblast" and res.geo_precision == 3


@pytest.mark.parametrize("noun, oblast", [
    ("Курщина", "Kursk Oblast"), ("на Курщині", "Kursk Oblast"), ("Курщиною", "Kursk Oblast"),
    ("Сумщина", "Sumy Oblast"), ("по Сумщині", "Sumy Oblast"), ("Белгородчина", "Belgorod Oblast"),
    ("на Белгородчине", "Belgorod Oblast"), ("Белгородчины", "Belgorod Oblast"),
    ("Харківщина", "Kharkiv Oblast"), ("з Харківщини", "Kharkiv Oblast"),
])
def test_regional_nouns(gazetteer, noun, oblast):
    res = gazetteer.resolve(noun)
    assert res.resolved and res.place.is_admin1 and res.place.admin1 == oblast, res.reason


def test_a_list_of_oblasts_gives_each_oblast_and_no_settlement_from_the_bare_adjective():
    mentions = _geoparse("Вночі ворог обстріляв прикордоння Сумської та Харківської областей.")
    placed = {m.text: m.place for m in mentions}
    assert placed["Сумської"].admin1 == "Sumy Oblast" and placed["Сумської"].is_admin1
    assert placed["Харківської областей"].admin1 == "Kharkiv Oblast"
    assert all(m.place is None or m.place.country_code == "UA" for m in mentions)


def test_sumskoi_never_becomes_a_siberian_village():
    for text in ("Сили оборони Сумської області відбили атаку.", "Вибухи лунали на півночі Сумської області."):
        for m in _geoparse(text):
            assert m.place is None or m.place.country_code == "UA", (m.text, m.place)


# -- districts, okrugs and lists ----------------------------------------------------------------
@pytest.mark.parametrize("phrase, district", [
    ("Суджанского района", "Sudzhansky District"), ("в Суджанском районе", "Sudzhansky District"),
    ("Суджанским районом", "Sudzhansky District"), ("Глушковский район", "Glushkovsky District"),
    ("Грайворонского городского округа", "Grayvoronsky District"),
    ("Грайворонскому муниципальному округу", "Grayvoronsky District"),
])
def test_district_and_okrug_phrases(gazetteer, phrase, district):
    spans = admin_phrase_spans("Обстрел " + phrase + " продолжился.")[1]
    assert len(spans) == 1
    res = gazetteer.resolve(spans[0][2])
    assert res.resolved and res.place.admin2 == district and res.geo_precision == 2, res.reason


def test_list_of_districts_gives_one_phrase_per_district(gazetteer):
    text = "Эвакуация объявлена для Глушковского, Кореневского и Суджанского районов."
    districts = admin_phrase_spans(text)[1]
    assert [text[a:b] for a, b, _ in districts] == ["Глушковского", "Кореневского", "Суджанского районов"]
    names = [gazetteer.resolve(phrase).place.admin2 for _, _, phrase in districts]
    assert names == ["Glushkovsky District", "Korenevsky District", "Sudzhansky District"]


def test_english_list_of_regions():
    regions = admin_phrase_spans("Drones were downed over the Bryansk, Kursk and Belgorod regions.")[0]
    assert [phrase for _, _, phrase in regions] == ["Bryansk regions", "Kursk regions", "Belgorod regions"]


def test_an_okrug_without_an_area_is_placed_at_its_centre_inside_the_theatre(gazetteer):
    res = gazetteer.resolve("Шебекинского муниципального округа")
    assert res.resolved and res.place.name.startswith("Shebekino") and res.geo_precision == 2


def test_a_district_name_far_outside_the_theatre_is_not_guessed(gazetteer):
    res = gazetteer.resolve("Тайшетского района")  # Irkutsk oblast: no centre is looked for outside the theatre
    assert not res.resolved or res.place.admin1 != "Irkutsk Oblast" or res.place.is_admin2


# -- hromadas -----------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, centre", [
    ("Білопільська громада", "Bilopillia"), ("Білопільської громади", "Bilopillia"),
    ("у Білопільській громаді", "Bilopillia"), ("Краснопільську громаду", "Krasnopillia"),
    ("Миропільською громадою", "Myropillia"), ("Юнаківської громади", "Yunakivka"),
    ("Белопольская громада", "Bilopillia"), ("Bilopillia hromada", "Bilopillia"),
    ("Великописарівської громади", "Velyka Pysarivka"), ("Ворожбянській громаді", "Vorozhba"),
])
def test_hromada_resolves_to_its_centre_with_precision_2(gazetteer, phrase, centre):
    res = gazetteer.resolve(phrase)
    assert res.resolved, res.reason
    assert res.place.name == f"{centre} hromada" and res.geo_precision == 2
    assert centre in [p.name for p, _, _ in gazetteer.candidates(centre)]
    twin = next(p for p, _, _ in gazetteer.candidates(centre) if p.id in res.place.aliases)
    assert (twin.latitude, twin.longitude) == (res.place.latitude, res.place.longitude)


def test_hromada_stems():
    assert hromada_stems("Білопільської громади") == ["білопіл"]
    assert hromada_stems("Сумська область") == []


def test_hromada_in_a_sentence_is_spotted_whole():
    mentions = _geoparse("Ворог скинув дві авіабомби на територію Краснопільської громади.")
    [m] = [m for m in mentions if m.how == "district"]
    assert m.text == "Краснопільської громади" and m.place.geo_precision == 2


# -- directions ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, oblast", [
    ("Противник потерял до роты на Курском направлении.", "Kursk Oblast"),
    ("Ворог штурмував позиції на Курському напрямку.", "Kursk Oblast"),
    ("Тяжелые бои идут на Белгородском направлении.", "Belgorod Oblast"),
    ("Heavy fighting continued on the Kharkiv axis overnight.", "Kharkiv Oblast"),
])
def test_a_front_direction_is_its_oblast_at_precision_3(text, oblast):
    [m] = [m for m in _geoparse(text) if m.how == "region"]
    assert m.place.admin1 == oblast and m.place.geo_precision == 3


def test_a_direction_named_after_a_town_is_not_an_oblast():
    assert not names_oblast("Pokrovsk") and not names_oblast("Покровском")
    assert admin_phrase_spans("fighting on the Pokrovsk direction")[0] == []
    assert admin_phrase_spans("бої на Курському та Покровському напрямках")[0] == [
        (7, 16, "Курському область")]


# -- names in every shape ----------------------------------------------------------------------
@pytest.mark.parametrize("form", ["Хутір-Михайлівський", "у Хуторі-Михайлівському", "Хутора-Михайлівського"])
def test_hyphenated_name_with_both_halves_inflected(gazetteer, form):
    res = gazetteer.resolve(form)
    assert res.resolved and res.place.name == "Khutir-Mykhailivskyi", res.reason


def test_hyphenated_name_with_the_last_half_inflected():
    assert "николаево-дарьино" in nominative_candidates("в Николаево-Дарьине")
    assert "попово-лежачи" in nominative_candidates("Попово-Лежачах")
    assert "хутір-михайлівський" in nominative_candidates("Хуторі-Михайлівському")


@pytest.mark.parametrize("form", ["у Великій Писарівці", "Великої Писарівки", "з Великою Писарівкою"])
def test_adjective_noun_name_in_oblique_cases(gazetteer, form):
    res = gazetteer.resolve(form)
    assert res.resolved and res.place.name == "Velyka Pysarivka", res.reason


def test_a_lone_name_adjective_proposes_nothing():
    assert nominative_candidates("Нижней") == ("нижней",)
    assert nominative_candidates("Великій") == ("великій",)
    assert "нижняя мордовка" in nominative_candidates("в Нижней Мордовке")


def test_adjectives_of_admin_phrases_agree_with_the_noun():
    assert "курская область" in nominative_candidates("Курском область")
    assert "курська область" in nominative_candidates("Курському область")


@pytest.mark.parametrize("mark", ["'", "’", "ʼ", "‘", "`", "′"])
def test_every_apostrophe_folds_the_same(gazetteer, mark):
    assert name_key(f"Куп{mark}янськ") == name_key("Купянськ") == name_key(f"Kup{mark}yansk")
    res = gazetteer.resolve(f"Куп{mark}янськ")
    assert res.resolved and res.place.admin1 == "Kharkiv Oblast"


@pytest.mark.parametrize("form", ["СУДЖА", "ГЛУШКОВО", "ВЕЛИКА ПИСАРІВКА", "КУРСЬКОЇ ОБЛАСТІ"])
def test_names_in_capitals(gazetteer, form):
    res = gazetteer.resolve(form)
    assert res.resolved and res.place.admin1 in ("Kursk Oblast", "Sumy Oblast"), res.reason
