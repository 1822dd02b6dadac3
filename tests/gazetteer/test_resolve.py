"""Resolution against the real bundled gazetteer: spellings, inflections, homonyms, context."""

import pytest

from gazetteer import Context, haversine_km
from gazetteer.exc import QueryError
from spellings import PLEKHOVO_SPELLINGS

PLYOKHOVO = (51.10, 35.33)
VORONEZH_TOWN_SUMY = (51.17, 34.23)
MARTYNOVKA_KURSK = (51.24, 35.37)


def near(place, point, km=2.0):
    return haversine_km(place.latitude, place.longitude, *point) <= km


@pytest.mark.parametrize("spelling", [*PLEKHOVO_SPELLINGS, "в Плёхове", "у Плехова"])
def test_every_spelling_reaches_plyokhovo(gazetteer, spelling):
    res = gazetteer.resolve(spelling)
    assert res.resolved, res.reason
    assert res.place.name == "Plyokhovo"
    assert res.place.country_code == "RU" and res.place.admin1 == "Kursk Oblast"
    assert near(res.place, PLYOKHOVO)
    assert res.geo_precision == 1


@pytest.mark.parametrize("form", ["Суджа", "Суджи", "Суджей", "під Суджею", "в Судже", "Sudža"])
def test_inflected_sudzha(gazetteer, form):
    res = gazetteer.resolve(form)
    assert res.place is not None and res.place.name == "Sudzha" and res.place.country_code == "RU"


def test_ukrainian_locative_vorozhba_is_the_sumy_town_without_other_context(gazetteer):
    res = gazetteer.resolve("у Ворожбі")
    assert res.resolved and near(res.place, VORONEZH_TOWN_SUMY)


def test_vorozhba_in_russias_kursk_region_is_not_placed_in_sumy(gazetteer):
    ctx = "near the villages of Plekhovo, Vorozhba and Martynovka in Russia's Kursk region"
    res = gazetteer.resolve("Vorozhba", ctx)
    assert not res.resolved
    assert "Kursk" in res.reason and "Sumy" in res.reason
    # The Sumy candidates stay visible as ruled-out alternatives.
    assert res.alternatives and all(c.contradiction for c in res.alternatives)


def test_vorozhba_listed_with_kursk_villages_and_no_region_word(gazetteer):
    res = gazetteer.resolve("Vorozhba", "fierce clashes near the villages of Plekhovo, Vorozhba, and Martynovka")
    assert not res.resolved
    assert "Plyokhovo" in res.reason and "Martynovka" in res.reason


def test_vorozhba_in_sumy_oblast_is_the_town(gazetteer):
    res = gazetteer.resolve("Vorozhba", "a strike on Vorozhba in Sumy Oblast")
    assert res.resolved
    assert near(res.place, VORONEZH_TOWN_SUMY)
    assert res.place.country_code == "UA"
    assert res.alternatives and res.alternatives[0].place.id != res.place.id


def test_comma_context_in_the_query(gazetteer):
    res = gazetteer.resolve("Vorozhba, Sumy Oblast")
    assert res.resolved and near(res.place, VORONEZH_TOWN_SUMY)


def test_martynovka_in_kursk_region_is_the_sudzhansky_village(gazetteer):
    res = gazetteer.resolve("Martynovka", "Kursk region")
    assert res.resolved
    assert near(res.place, MARTYNOVKA_KURSK)
    assert res.place.admin2 == "Sudzhansky District"


def test_co_mentioned_places_pull_towards_the_theatre(gazetteer):
    res = gazetteer.resolve("Korenevo", "shelling of Korenevo and Sudzha")
    assert res.place.admin1 == "Kursk Oblast"
    assert any("Sudzha" in r for r in res.reason.split("; "))


def test_country_filter(gazetteer):
    res = gazetteer.resolve("Moscow", country_codes=["US"])
    assert res.resolved and res.place.country_code == "US"
    assert gazetteer.resolve("Moscow").place.country_code == "RU"


@pytest.mark.parametrize("name,country", [("Moscow", "RU"), ("Kyiv", "UA"), ("Pyongyang", "KP"),
                                          ("Seoul", "KR"), ("Washington", "US"), ("Minsk", "BY"),
                                          ("Москва", "RU"), ("Київ", "UA")])
def test_world_capitals_resolve(gazetteer, name, country):
    res = gazetteer.resolve(name)
    assert res.resolved and res.place.country_code == country


@pytest.mark.parametrize("phrase", ["Kursk region", "Kursk Oblast", "Курская область", "Курской области",
                                    "Курщина", "на Курщині", "Kurskaya oblast"])
def test_region_words_give_the_oblast_at_precision_3(gazetteer, phrase):
    res = gazetteer.resolve(phrase)
    assert res.resolved, res.reason
    assert res.place.is_admin1 and res.place.admin1_code == "RU.41"
    assert res.geo_precision == 3


@pytest.mark.parametrize("phrase", ["Sudzhansky district", "Sudzhanskiy Rayon", "Суджанский район",
                                    "Суджанском районе"])
def test_adjectival_district_forms_give_the_district(gazetteer, phrase):
    res = gazetteer.resolve(phrase)
    assert res.resolved and res.place.is_admin2
    assert res.place.name == "Sudzhansky District" and res.geo_precision == 2


def test_bare_city_name_is_the_city_not_its_oblast(gazetteer):
    res = gazetteer.resolve("Sumy")
    assert res.place.is_settlement and res.place.country_code == "UA"


def test_curated_lgov_wins_over_geonames_population_swap(gazetteer):
    res = gazetteer.resolve("L'gov")
    assert res.place.id.startswith("curated:")
    assert res.place.source_url


def test_unknown_name_is_unresolved_with_a_reason(gazetteer):
    res = gazetteer.resolve("Qwxzyvillebergstadt")
    assert not res.resolved and "no place called" in res.reason


@pytest.mark.parametrize("bad", ["", "   ", "!!!", "x" * 500])
def test_bad_queries_raise_query_error(gazetteer, bad):
    with pytest.raises(QueryError):
        gazetteer.resolve(bad)


def test_resolution_record_shape(gazetteer):
    d = gazetteer.resolve("Vorozhba").to_dict()
    for key in ("query", "resolved", "name", "latitude", "longitude", "country_code", "admin1", "admin2",
                "feature", "gazetteer_id", "geo_precision", "score", "reason", "alternatives"):
        assert key in d
    assert set(d["alternatives"][0]) >= {"name", "latitude", "longitude", "country_code", "admin1", "score"}
    assert 0.0 < d["score"] <= 1.0


def test_explicit_context_object(gazetteer):
    kursk = gazetteer.resolve("Plekhovo").place
    ctx = Context(near=(kursk,))
    res = gazetteer.resolve("Sudzha", ctx)
    assert res.resolved and "from Plyokhovo" in res.reason


def test_reverse_nearest(gazetteer):
    found = gazetteer.nearest(51.1001, 35.3302, max_km=5)
    assert found and found[0][0].name == "Plyokhovo" and found[0][1] < 0.1
