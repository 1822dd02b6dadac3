"""Neighbours settle homonyms (gazetteer/neighbours.py): the places a report names without doubt pull
a shared name to the namesake near them; a namesake far from all of them is not taken on population
or the theatre default; a place the data lacks stays unresolved with the neighbours named; a
namesake clause lends nothing; a front direction named after a town is no village.
The sentences are written for these tests."""

import pytest

from gazetteer.context import front_sector_spans
from gazetteer.neighbours import FAR_KM, clause_of, namesake_marker


def _geoparse(text):
    from mapper.extract.geoparse import geoparse_text

    return geoparse_text(text)


def _one(text, mention):
    found = [m for m in _geoparse(text) if m.text == mention]
    assert found, f"{mention!r} not spotted in {text!r}"
    return found[0].resolution


# -- a homonym pulled by a neighbour, in each language ----------------------------------------------
# Semenivka: a town of Chernihiv oblast (Novhorod-Siverskyi Raion) and villages of Kharkiv oblast,
# one of them in the theatre; alone, the theatre's wins. Chornozem and Khotiivka lie beside the first.
@pytest.mark.parametrize("text, mention, raion", [
    ("A mortar round landed in Chornozem on Tuesday. Later a drone struck a shop in Semenivka.", "Semenivka",
     "Novhorod-Siverskyi Raion"),
    ("Вечером снаряд попал в Мезеновку.\n\nНочью дрон атаковал Дружбу, пострадавших нет.", "Дружбу",
     "Okhtyrka Raion"),
    ("Уранці обстріляли Хотіївку. Пізніше дрон влучив у Семенівку.", "Семенівку", "Novhorod-Siverskyi Raion"),
])
def test_a_neighbour_in_the_paragraph_or_document_pulls_the_homonym(text, mention, raion):
    res = _one(text, mention)
    assert res.place is not None and res.place.admin2.startswith(raion), res.reason
    assert "named in the same" in res.reason


@pytest.mark.parametrize("text, mention, raion", [
    ("Later a drone struck a shop in Semenivka.", "Semenivka", "Kharkiv Raion"),
    ("Ночью дрон атаковал Дружбу, пострадавших нет.", "Дружбу", "Shostka Raion"),
    ("Пізніше дрон влучив у Семенівку.", "Семенівку", "Kharkiv Raion"),
])
def test_without_the_neighbour_another_namesake_wins(text, mention, raion):
    """The control of the test above: the pull, not the name, moves it."""
    res = _one(text, mention)
    assert res.place is not None and res.place.admin2.startswith(raion)


# -- a far namesake refused, with its reason ------------------------------------------------------------
@pytest.mark.parametrize("text, mention, neighbour", [
    ("Artillery hit Yunakivka overnight; fighting continued near Oleksiivka.", "Oleksiivka", "Yunakivka"),
    ("Артиллерия била по Юнаковке всю ночь. Бои шли у Андреевки.", "Андреевки", "Yunakivka"),
    ("Ворог обстріляв Юнаківку. Бої тривають біля Олексіївки.", "Олексіївки", "Yunakivka"),
])
def test_a_namesake_far_from_every_neighbour_is_refused(text, mention, neighbour):
    res = _one(text, mention)
    assert res.place is None, res.place
    assert neighbour in res.reason and f"within {FAR_KM:.0f} km" in res.reason
    assert res.alternatives, "the namesakes stay listed as alternatives"


def test_a_city_far_from_the_neighbours_is_still_the_city():
    res = _one("Drones hit Yunakivka again. Officials in Kharkiv condemned the attack.", "Kharkiv")
    assert res.place is not None and res.place.name == "Kharkiv"


# -- a place absent from the data stays unresolved ------------------------------------------------------
@pytest.mark.parametrize("text, mention", [
    ("Russia's Kursk region saw heavy fighting. Two soldiers died near Vorozhba.", "Vorozhba"),
    ("Курская область снова под ударом. Двое военных погибли у Ворожбы.", "Ворожбы"),
    ("Бої в Курській області тривають. Двоє військових загинули біля Ворожби.", "Ворожби"),
])
def test_the_namesake_across_the_border_is_not_taken_for_a_missing_place(text, mention):
    """Only the two Sumy-oblast Vorozhbas are in the data; the text speaks of Kursk oblast."""
    res = _one(text, mention)
    assert res.place is None, res.place
    assert "Kursk Oblast" in res.reason and "Sumy Oblast" in res.reason


def test_the_same_name_in_its_own_oblast_is_placed():
    res = _one("Shelling hit Sumy Oblast again. A woman was hurt in Vorozhba.", "Vorozhba")
    assert res.place is not None and res.place.admin1 == "Sumy Oblast"


# -- a country named elsewhere never vetoes ---------------------------------------------------------------
def test_a_country_named_elsewhere_does_not_veto_the_neighbours_choice():
    res = _one("Officials in Russia said nothing. Shells hit Chornozem and later Semenivka.", "Semenivka")
    assert res.place is not None and res.place.country_code == "UA" and res.place.admin1 == "Chernihiv Oblast"


def test_a_unique_place_on_the_neighbours_side_of_the_border_is_kept():
    """Chornozem lies outside the theatre box; a Ukrainian raion named elsewhere does not refuse it."""
    res = _one("Shells hit Chornozem. Shells also hit Semenivka (Kharkiv Raion).", "Chornozem")
    assert res.place is not None and res.place.name == "Chornozem"


def test_a_district_named_beside_the_name_outranks_the_neighbours():
    res = _one("Shells hit Chornozem. Shells also hit Semenivka (Kharkiv Raion).", "Semenivka")
    assert res.place is not None and res.place.admin2 == "Kharkiv Raion"


# -- a namesake clause speaks of another place ------------------------------------------------------------
def test_a_namesake_clause_lends_no_context_to_the_name_before_it():
    text = ("Shelling hit Vorozhba, a village in Russia's Kursk region, not to be confused with the town "
            "of Vorozhba in Sumy Oblast.")
    first, second = [m.resolution for m in _geoparse(text) if m.text == "Vorozhba"]
    assert first.place is None and "Kursk Oblast" in first.reason
    assert second.place is not None and second.place.admin1 == "Sumy Oblast"


@pytest.mark.parametrize("sentence, marker", [
    ("This village is not to be confused with the town.", "be confused"),
    ("Её не следует путать с одноимённым городом.", "путать"),
    ("Це село не слід плутати з однойменним містом.", "плутати"),
    ("Vorozhba of Sumy Raion was shelled.", None),
])
def test_namesake_markers_in_each_language(sentence, marker):
    assert namesake_marker(sentence) == (sentence.index(marker) if marker else -1)


def test_clause_of_splits_only_a_sentence_with_a_marker():
    text = "Ahead: X is not to be confused with Y. Z follows."
    cut = text.index("be confused")
    assert clause_of(text, 0, 38, 7) == (0, cut)
    assert clause_of(text, 0, 38, 36) == (cut, 38)
    assert clause_of(text, 39, 49, 39) == (39, 49)


# -- a front direction named after a town --------------------------------------------------------------------
@pytest.mark.parametrize("text, mention", [
    ("Most clashes were on the Pokrovsk and Kursk directions.", "Pokrovsk"),
    ("Больше всего атак было на Покровском и Курском направлениях.", "Покровском"),
    ("Найбільше атак було на Покровському та Курському напрямках.", "Покровському"),
])
def test_a_direction_named_after_a_town_is_not_a_kursk_village(text, mention):
    res = _one(text, mention)
    assert res.place is None or res.place.admin1 != "Kursk Oblast", res.place
    assert res.place is None and "front direction" in res.reason


def test_a_direction_named_after_a_known_town_keeps_the_town():
    res = _one("Near Synkivka on the Kupiansk axis, two soldiers were captured.", "Kupiansk")
    assert res.place is not None and res.place.name == "Kupiansk"


def test_front_sector_spans_skip_oblast_directions():
    text = "on the Kupiansk axis and in the Kursk direction"
    assert [text[a:b] for a, b in front_sector_spans(text)] == ["Kupiansk axis"]


# -- the oblast named beside a name says more than a country named in the same sentence -------------------
@pytest.mark.parametrize("text, mention", [
    ("Обстріл з території Росії: у Сумській області поранено чоловіка в Миропіллі.", "Миропіллі"),
    ("Shells fired from Russia wounded a man in Myropillia, Sumy Oblast.", "Myropillia"),
])
def test_an_oblast_named_beside_the_name_outranks_a_country_named_in_the_sentence(text, mention):
    res = _one(text, mention)
    assert res.place is not None and res.place.admin1 == "Sumy Oblast", res.reason


def test_a_place_before_its_oblast_is_no_list_of_oblasts():
    from gazetteer.context import admin_phrase_spans

    assert admin_phrase_spans("in Vorozhba, Sumy Oblast")[0] == [(13, 24, "Sumy Oblast")]
    regions = [phrase for _, _, phrase in admin_phrase_spans("the Kursk, Belgorod and Bryansk regions")[0]]
    assert regions == ["Kursk regions", "Belgorod regions", "Bryansk regions"]


# -- a capital standing for its government is no place of events ------------------------------------------
@pytest.mark.parametrize("text, mention", [
    ("Moscow blamed Ukraine for the blast in Shebekino.", "Moscow"),
    ("Загалом, за версією Москви, за тиждень загинули сотні військових.", "Москви"),
    ("По версии Москвы, потери противника превысили тысячу человек.", "Москвы"),
    ("The governor urged Washington to send more air defence.", "Washington"),
])
def test_a_capital_standing_for_its_government_reads_as_an_organisation(text, mention):
    found = [m for m in _geoparse(text) if m.text == mention]
    # after a source head ("за версією", "по версии") the name is not spotted at all; either way no event place
    assert all(m.how == "organisation" and m.place is not None and m.place.feature_code == "PPLC" for m in found)
    assert found or "верс" in text


@pytest.mark.parametrize("text, mention", [
    ("A drone hit a building in Moscow on Sunday.", "Moscow"),
    ("Уламки дрона впали в Москві.", "Москві"),
])
def test_a_capital_as_a_place_stays_a_place(text, mention):
    [m] = [m for m in _geoparse(text) if m.text == mention]
    assert m.how != "organisation" and m.place is not None


# -- an office named after an oblast's centre speaks of its oblast -----------------------------------
# The gazetteer knows Vorozhbas of Sumy oblast only: a Kursk governor's Vorozhba is not one of them.
def test_a_governors_report_is_of_places_in_his_oblast():
    text = "Kursk governor Alexei Smirnov said a man was wounded in Vorozhba."
    res = _one(text, "Vorozhba")
    assert not res.resolved and "Kursk Oblast" in res.reason


def test_a_regional_administration_pulls_the_homonym_into_its_oblast():
    text = ("Shelling hit Belgorod overnight.\n\n"
            "The Kharkiv Regional Military Administration said two women were wounded in Andriivka.")
    assert _one(text, "Andriivka").place.admin1 == "Kharkiv Oblast"
    assert _one(text.replace("Kharkiv", "Sumy"), "Andriivka").place is None


def test_an_office_named_after_a_town_that_names_no_oblast_lends_no_oblast():
    from gazetteer.neighbours import _office_oblast
    from gazetteer.resolver import Gazetteer

    gaz = Gazetteer.default()
    pogar, sumy = gaz.resolve("Pogar").place, gaz.resolve("Sumy").place
    assert _office_oblast(gaz, "Pogar", pogar) is None
    assert _office_oblast(gaz, "Sumy", sumy).name == "Sumy Oblast"
    assert _office_oblast(gaz, "Moscow", gaz.resolve("Moscow").place) is None


def test_the_elsewhere_test_reads_only_anchors_near_the_places_parallel():
    from gazetteer.neighbours import Anchor, Neighbourhood
    from gazetteer.place import Place
    from gazetteer.resolver import Gazetteer

    hood = Neighbourhood(Gazetteer.default(), "", [], [], [], [])
    places = [Place(id=f"t:{lat}", name=f"P{lat}", latitude=lat, longitude=35.0) for lat in (45.0, 50.0, 51.5, 69.0)]
    hood.anchors = [Anchor(p, k, 0, 0, p.name.lower(), False) for k, p in enumerate(places)]
    hood._latitudes = sorted((p.latitude, k) for k, p in enumerate(places))
    here = Place(id="t:here", name="Here", latitude=51.0, longitude=35.0)
    assert [p.name for p in hood._within_band(here)] == ["P50.0", "P51.5"]  # 45° and 69° are > 200 km off
