"""Ukrainian spellings of Russian villages (Любимівка for Любимовка, Журавлівка for Журавлёвка), the
Ukrainian ї/є alternation (Київ, у Києві), and a fuzzy reading that an inflected one overrules.

Every sentence here is written for the test; none comes from the development corpus.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.matching import inflected_candidates, key_candidates
from gazetteer.morphology import nominative_candidates
from gazetteer.normalize import fold, name_key, sister_keys
from gazetteer.place import MatchKind
from mapper.extract.geoparse import geoparse_text


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_sister_keys_read_ukrainian_endings_as_russian_ones():
    assert sister_keys("Журавлівка") == (name_key("Журавловка"), name_key("Журавлевка"))
    assert sister_keys("Климове") == (name_key("Климово"),)
    assert sister_keys("Кореневе") == (name_key("Коренево"),)
    assert sister_keys("Суми") == () and sister_keys("Lyubimivka") == ()


@pytest.mark.parametrize("sentence, mention", [
    ("Під Любимівкою на Курщині тривають бої, повідомили у штабі.", "Любимівкою"),
    ("Окупанти обстріляли Журавлівку Бєлгородської області з мінометів, кажуть місцеві.", "Журавлівку"),
])
def test_a_russian_village_in_ukrainian_spelling_is_that_village(gaz, sentence, mention):
    [m] = [m for m in geoparse_text(sentence, doc_id="t") if m.text == mention]
    assert m.resolution.resolved, m.resolution.to_dict()
    assert m.place.country_code == "RU" and m.place.admin1 in ("Kursk Oblast", "Belgorod Oblast")


def test_a_ukrainian_village_of_that_name_in_the_theatre_is_not_read_as_the_russian_one(gaz):
    res = gaz.resolve("Борисівці", "У Борисівці Липецької громади поранено чоловіка.")
    assert res.resolved and res.place.country_code == "UA", res.to_dict()


@pytest.mark.parametrize("form", ["Києві", "Києва", "Києвом", "у Києві"])
def test_kyiv_in_every_case(gaz, form):
    res = gaz.resolve(form)
    assert res.resolved and res.place.name == "Kyiv", res.to_dict()
    assert res.match is MatchKind.INFLECTED


def test_an_inflected_reading_overrules_a_fuzzy_one_of_the_same_place(gaz):
    found = key_candidates(gaz.index.lookup, "Києві", fold("Києві"))
    kyiv = [pid for pid, (p, how, _) in found.items() if p.name == "Kyiv"]
    assert kyiv and found[kyiv[0]][1] is MatchKind.FUZZY  # "Києві" shares its key with Kyiv's "Kievi"
    later = inflected_candidates(gaz.index.lookup, nominative_candidates("Києві")[1:], found)
    assert later[kyiv[0]][1] is MatchKind.INFLECTED


def test_the_kyiv_of_a_report_on_kursk_is_kyiv():
    text = "Двоє полонених, узятих на Курщині, перебувають у Києві, повідомили в розвідці."
    [m] = [m for m in geoparse_text(text, doc_id="t") if m.text == "Києві"]
    assert m.resolution.resolved and m.place.name == "Kyiv"


def test_russian_reports_spell_ukrainian_villages_their_own_way(gaz):
    assert name_key("Бологівка") in sister_keys("Бологовка")
    res = gaz.resolve("Бологовке", "В Бологовке повреждён дом, сообщили в районе.")
    assert res.resolved and res.place.name == "Бологівка", res.to_dict()


def test_a_bundled_osm_settlement_keeps_the_oblast_its_extract_was_cut_from(gaz):
    """Бологівка lies where the simplified oblast polygons leave it outside Kharkiv oblast; the OSM
    table says which oblast's extract it came from, so a text naming Kharkiv oblast still finds it."""
    [place] = [p for p, _, _ in gaz.candidates("Бологівка") if p.id == "osm:relation/3553960"]
    assert place.admin1 == "Kharkiv Oblast"
    res = gaz.resolve("Бологовке", "В Бологовке Харьковской области повреждён дом.")
    assert res.resolved and res.place.name == "Бологівка", res.to_dict()
