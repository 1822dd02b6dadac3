"""Admin units and city-vs-region: Russian districts in English and Ukrainian spelling, city districts
placed at their city's point (or left unresolved), regional nouns of a hromada, and a bare city name
against "X region". Sentences are written for these tests."""

from __future__ import annotations

import pytest

from gazetteer.exc import DataFileError
from gazetteer.place import Place
from gazetteer.theatres import find_theatre, load_theatre

KHARKIV = Place(id="p", name="Kharkiv", latitude=49.98081, longitude=36.25272)
SUMY = Place(id="p", name="Sumy", latitude=50.9167, longitude=34.7833)
SHEBEKINO = Place(id="p", name="Shebekino", latitude=50.417, longitude=36.9)


def _geoparse(text):
    from mapper.extract.geoparse import geoparse_text

    return geoparse_text(text)


def _mention(text, starts_with):
    found = [m for m in _geoparse(text) if m.text.startswith(starts_with) and m.how != "region"]
    assert found, [m.text for m in _geoparse(text)]
    return found[0].resolution


# -- Russian districts in English and Ukrainian spelling ----------------------------------------------
@pytest.mark.parametrize("phrase", ["Shebekinsky district", "Shebekinskiy District", "Shebekinsky rayon",
                                    "Шебекінський район", "Шебекінського району", "у Шебекінському районі"])
def test_shebekino_district_written_any_way_is_placed_in_its_okrug(gazetteer, phrase):
    res = gazetteer.resolve(phrase, "reports from the border")
    assert res.resolved, res.reason
    assert res.place.admin1 == "Belgorod Oblast" and res.geo_precision == 2
    assert res.place.distance_km(SHEBEKINO) < 25


def test_valuysky_district_in_an_english_sentence(gazetteer):
    res = _mention("A tractor driver was hurt by a drone near a farm in the Valuysky district on Sunday.", "Valuysky")
    assert res.resolved and res.place.admin1 == "Belgorod Oblast" and res.geo_precision == 2, res.reason


@pytest.mark.parametrize("phrase", ["Біловський район", "Біловського району", "у Біловському районі",
                                    "Біловським районом", "Беловском районе"])
def test_belovsky_district_in_ukrainian_spelling_and_every_case(gazetteer, phrase):
    res = gazetteer.resolve(phrase, "обстріл")
    assert res.resolved, res.reason
    assert res.place.is_admin2 and res.place.admin1 == "Kursk Oblast" and res.place.name == "Belovsky District"


@pytest.mark.parametrize("phrase, district", [
    ("Глушковському районі", "Glushkovsky District"), ("Кореневського району", "Korenevsky District"),
    ("Суджанському районі", "Sudzhansky District"), ("Рильського району", "Rylsky District"),
])
def test_ukrainian_spelling_of_kursk_districts(gazetteer, phrase, district):
    res = gazetteer.resolve(phrase, "бої")
    assert res.resolved and res.place.name == district, res.reason


# -- city districts ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, start", [
    ("A glide bomb damaged flats in Kharkiv's Kyivskyi district on Tuesday.", "Kyivskyi"),
    ("Уламки дрона впали у Київському районі Харкова, повідомив мер.", "Київському"),
    ("В Киевском районе Харькова повреждены окна жилого дома.", "Киевском"),
])
def test_a_shared_district_name_with_its_city_is_the_citys_point(text, start):
    res = _mention(text, start)
    assert res.resolved, res.reason
    assert res.place.distance_km(KHARKIV) < 1 and res.geo_precision == 2
    assert res.reason.startswith("city district of Kharkiv; the city's point")


@pytest.mark.parametrize("phrase, city", [
    ("Saltivskyi district", KHARKIV), ("Салтівському районі", KHARKIV), ("Салтовского района", KHARKIV),
    ("Немишлянський район", KHARKIV), ("Kholodnohirsky district", KHARKIV),
    ("Kovpakivskyi district", SUMY), ("Ковпаківського району", SUMY), ("Ковпаковском районе", SUMY),
])
def test_a_district_known_to_be_one_citys_is_placed_without_the_city_named(gazetteer, phrase, city):
    res = gazetteer.resolve(phrase, "an explosion was heard at night")
    assert res.resolved, res.reason
    assert res.place.distance_km(city) < 1 and res.geo_precision == 2
    assert f"city district of {city.name}" in res.reason


@pytest.mark.parametrize("phrase, context", [
    ("Kyivskyi district", "A drone hit a garage overnight."),
    ("Київський район", "Дрон влучив у гараж уночі."),
    ("Киевского района", "Ночью дрон попал в гараж."),
    ("Kyivskyi district", "Fighting continued in the Kursk region."),
    ("Київському районі", "Тривають бої у Курській області."),
    ("Киевском районе", "Бои идут в Курской области."),
])
def test_kyivskyi_district_is_never_a_kursk_district(gazetteer, phrase, context):
    res = gazetteer.resolve(phrase, context)
    assert not res.resolved, res.place
    assert "city district of Kharkiv" in res.reason and "no point" in res.reason


def test_kyivskyi_district_alone_in_a_sentence_stays_unresolved():
    res = _mention("Windows were blown out in the Kyivskyi district, officials said.", "Kyivskyi")
    assert not res.resolved and "Kursk" not in res.reason


def test_a_shared_district_with_its_oblast_named_is_the_citys(gazetteer):
    res = gazetteer.resolve("Zarichnyi district", "shelling of Sumy Oblast went on")
    assert res.resolved and res.place.distance_km(SUMY) < 1, res.reason
    assert not gazetteer.resolve("Zarichnyi district", "shelling went on").resolved


def test_city_districts_come_from_the_theatre_file(tmp_path):
    kharkiv = find_theatre("kharkiv_front")
    names = {n for d in kharkiv.city_districts for n in d.names}
    assert {"Saltivskyi", "Kyivskyi"} <= names and not any(d.city == "Sumy" for d in kharkiv.city_districts)
    assert all(d.source.startswith("https://") for d in kharkiv.city_districts)
    bad = tmp_path / "t.toml"
    bad.write_text('name = "T"\nbbox = [49.0, 35.0, 50.0, 36.0]\n[[city_districts]]\ncity = "X"\n'
                   'city_id = "x:1"\nsource = "ftp://example.org"\ndistricts = [{ names = ["A"] }]\n')
    with pytest.raises(DataFileError, match="source"):
        load_theatre(bad)
    bad.write_text(bad.read_text().replace("ftp://", "https://").replace('["A"] }', '["A"], shared = "yes" }'))
    with pytest.raises(DataFileError, match="shared"):
        load_theatre(bad)


# -- regional nouns of a hromada -------------------------------------------------------------------
@pytest.mark.parametrize("noun", ["Краснопільщина", "на Краснопільщині", "Краснопільщину"])
def test_a_hromada_regional_noun_is_placed_at_its_centre(gazetteer, noun):
    res = gazetteer.resolve(noun, "обстріли")
    assert res.resolved, res.reason
    assert res.place.admin1 == "Sumy Oblast" and res.geo_precision == 2
    assert res.place.distance_km(Place(id="k", name="K", latitude=50.77, longitude=35.276)) < 5


@pytest.mark.parametrize("noun, oblast", [("на Путивльщині", "Sumy Oblast"), ("Охтирщину", "Sumy Oblast"),
                                          ("на Глушковщине", "Kursk Oblast")])
def test_regional_nouns_of_other_centres(gazetteer, noun, oblast):
    res = gazetteer.resolve(noun, "обстріли")
    assert res.resolved and res.place.admin1 == oblast and res.geo_precision == 2, res.reason


@pytest.mark.parametrize("word", ["Батьківщина", "Годовщина", "Дівчина"])
def test_a_common_noun_ending_like_a_regional_noun_is_no_place(gazetteer, word):
    assert not gazetteer.resolve(word, "x").resolved


# -- a bare city against "X region" ----------------------------------------------------------------
@pytest.mark.parametrize("name, settlement", [
    ("Belgorod", True), ("Belgorod region", False), ("Belgorod Oblast", False),
    ("Bryansk", True), ("Bryansk Oblast", False), ("Брянськ", True), ("Брянської області", False),
    ("Белгород", True), ("Белгородской области", False), ("у Бєлгороді", True),
])
def test_a_bare_city_is_the_city_and_x_region_the_oblast(gazetteer, name, settlement):
    res = gazetteer.resolve(name, "news of the day")
    assert res.resolved, res.reason
    assert res.place.is_settlement is settlement and res.place.is_admin1 is (not settlement)


@pytest.mark.parametrize("text, city", [
    ("In Bryansk Oblast drones struck Sevsk and Suzemka and two more were downed over Bryansk.", "Bryansk"),
    ("У Брянській області дрони атакували Севськ і Суземку, ще два збили над Брянськом.", "Брянськом"),
    ("В Брянской области дроны атаковали Севск и Суземку, еще два сбиты над Брянском.", "Брянском"),
])
def test_an_oblast_centre_named_beside_its_villages_is_the_city(text, city):
    res = _mention(text, city)
    assert res.resolved and res.place.is_settlement and res.place.population > 100_000, res.reason
