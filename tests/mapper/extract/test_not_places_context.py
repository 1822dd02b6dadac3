"""Words that are not places by their neighbours: people after a title, names of streets, sources
of a claim, broadcasters and newspapers, and adjectives of nationality opening a sentence (sentences
written for these tests)."""

import datetime as dt

import pytest

from mapper.extract.extractor import Extractor
from mapper.extract.geoparse import Geoparser
from mapper.extract.not_places import common_word, organisation_head_after, vessel_head_before
from spotting import spotted
from mapper.ingest.documents import Document


# -- people after a title ------------------------------------------------------------------------
@pytest.mark.parametrize("text,places", [
    # "Сирський" is the commander-in-chief, and Syrskoye a village of Lipetsk oblast.
    ("Головнокомандувач Олександр Сирський доповів про бої біля Суджі. Сирський: ворог відступає.", ["Суджі"]),
    ("Командувач Сирський доповів про Суджу.", ["Суджу"]),
    ("Главнокомандующий Александр Сырский приехал под Суджу. Сырский: линия держится.", ["Суджу"]),
    ("Доклад генерала Сырского касался Суджи.", ["Суджи"]),
])
def test_a_surname_after_a_commanders_title_is_a_person(spotter, text, places):
    assert [name for name, _ in spotted(spotter, text)] == places


@pytest.mark.parametrize("text,places", [
    # Florence, Sydney, Jordan and Alexander(-ia) are places too: their position makes them people.
    ("Florence Nightingale said Kursk was cold.", ["Kursk"]),
    ("Governor Alexander Bogomaz said Klintsy was hit.", ["Klintsy"]),
    ("Lt. Gen. Sydney Ross said Sudzha was quiet.", ["Sudzha"]),
    ("Troops left Sudzha, Jordan Smith wrote.", ["Sudzha"]),
    ("Commander Oleksandr Syrskyi said Sudzha held.", ["Sudzha"]),
])
def test_english_given_names_before_a_surname_or_after_a_title_are_people(spotter, text, places):
    assert [name for name, _ in spotted(spotter, text)] == places


def test_a_real_place_that_is_also_a_surname_stays_a_place(spotter):
    # "Суджа" and "Курск" are surnames too; no title stands before them here.
    assert [n for n, _ in spotted(spotter, "Командувач доповів: бої біля Суджі, удар по Курську.")] == ["Суджі",
                                                                                                      "Курську"]


# -- streets, sources and broadcasters --------------------------------------------------------------
@pytest.mark.parametrize("text,start,head", [
    ("Дрон вдарив по вулиці Шевченка.", 22, "вулиця"),
    ("На майдані Незалежності зібралися люди.", 11, "майдан"),
    ("Снаряд упал на улице Ленина.", 21, "улица"),
    ("Пожар на проспекте Мира потушили.", 19, "проспект"),
    ("За версією Києва, атаку відбито.", 11, "за версією"),
    ("По словам Гладкова, пострадали двое.", 10, "по словам"),
    ("According to Moscow, the attack failed.", 13, "according to"),
    ("Радіо Свобода пише про це.", 6, "радіо"),
])
def test_heads_before_a_name_tell_streets_sources_and_broadcasters(text, start, head):
    assert vessel_head_before(text, start) == head


def test_no_head_before_a_plain_place():
    assert vessel_head_before("Дрон вдарив по Сумах.", 15) is None
    assert vessel_head_before("Shelling near Sumy went on.", 14) is None


@pytest.mark.parametrize("text,end,head", [
    ("Газета Белгородская правда пишет", 19, "правда"),
    ("повідомляє Сумський вісник", 19, "вісник"),
    ("раненых доставили в Климовскую ЦРБ", 30, "црб"),
    ("the Zaporizhzhia NPP lost power", 16, "npp"),
    ("a shell hit Lenin Street in the town", 17, "street"),
    ("were taken to the Rylsk central district hospital", 23, "central district hospital"),
    ("доставили до Охтирської районної лікарні", 23, "районна лікарня"),
])
def test_newspapers_hospitals_plants_and_streets_are_heads_after_a_name(text, end, head):
    assert organisation_head_after(text, end) == head


@pytest.mark.parametrize("text,name", [
    ("Дрон атаковал автомобиль на улице Куйбышева в Грайвороне.", "Куйбышева"),
    ("Ракета влучила в будинок на вулиці Свободи у Харкові.", "Свободи"),
    ("За версією Москви, наступ триває біля Суджі.", "Москви"),
    ("Радіо Свобода повідомило про удар по Сумах.", "Свобода"),
    ("The strike hit Kuibyshev Street in Sumy.", "Kuibyshev"),
])
def test_street_source_and_broadcaster_names_are_no_places_of_events(spotter, text, name):
    found = dict(spotted(spotter, text))
    assert found.get(name, "organisation") == "organisation"


def test_the_town_of_a_hospital_victims_were_taken_to_is_no_event_place(gazetteer):
    doc = Document(id="hospital", text="A drone hit a car in Glotovo, killing two; one more man was taken to "
                   "the Grayvoron central district hospital.", published=dt.date(2025, 3, 4))
    events, mentions = Extractor(gazetteer).extract(doc)
    assert {m.text: m.how for m in mentions}.get("Grayvoron") == "organisation"
    assert events and all(loc.mention != "Grayvoron" for event in events for loc in event.locations)


def test_a_street_named_after_a_far_city_gives_no_event_point_there(gazetteer):
    # Kuibyshev was Samara's name; the street is in Grayvoron, and the event must not go to the Volga.
    doc = Document(id="street", text="Дрон ударил по автомобилю на улице Куйбышева в Грайвороне, погибли два человека.",
                   published=dt.date(2025, 3, 4))
    events, _ = Extractor(gazetteer).extract(doc)
    assert events and all(loc.mention != "Куйбышева" for event in events for loc in event.locations)
    assert any(loc.mention == "Грайвороне" for event in events for loc in event.locations)


# -- adjectives of nationality opening a sentence ----------------------------------------------------
@pytest.mark.parametrize("word", ["Українська", "Українські", "Украинские", "Украинская", "Российские",
                                  "Російська"])
def test_adjectives_of_nationality_are_common_words(word):
    assert common_word(word) == "adjective"


@pytest.mark.parametrize("text,places", [
    ("Українська сторона не коментує обстріл Суджі.", ["Суджі"]),
    ("Украинские источники пишут о боях у Суджи.", ["Суджи"]),
    ("Украинская сторона сообщила об ударе по Белгороду.", ["Белгороду"]),
])
def test_a_sentence_opened_by_a_nationality_adjective_names_no_village(spotter, text, places):
    assert [name for name, _ in spotted(spotter, text)] == places


def test_the_village_ukrainske_is_still_found_inside_a_sentence(gazetteer):
    mentions = Geoparser(gazetteer).parse("Ворог обстріляв Українське та Суджу.")
    assert "Українське" in [m.text for m in mentions]


# -- a woman is no region ------------------------------------------------------------------------
@pytest.mark.parametrize("text,place", [
    ("Женщина погибла в Шебекино.", "Shebekino"),
    ("Женщину ранило осколком в Грайвороне.", "Grayvoron"),
    ("Жінка загинула в Сумах.", "Sumy"),
    ("Жінку поранено у Білопіллі.", "Bilopillia"),
])
def test_a_woman_is_never_placed_as_a_region(gazetteer, text, place):
    # "Женщина" ends like a regional noun (Курщина); no oblast, raion or hromada centre is called "Жен".
    resolved = [m for m in Geoparser(gazetteer).parse(text) if m.resolution.resolved]
    assert [m.place.name for m in resolved] == [place]


@pytest.mark.parametrize("text", [
    "Two medics died near Kupiansk, the Kharkiv regional prosecutor's office said.",
    "A man was wounded in Kupiansk, according to the Kharkiv prosecutor's office.",
])
def test_a_place_before_a_possessive_head_names_an_office(text):
    end = text.index("Kharkiv") + len("Kharkiv")
    assert organisation_head_after(text, end)
    events, _ = Extractor().extract(Document(id="t", text=text, published=dt.date(2025, 3, 12)))
    assert [loc.name for e in events for loc in e.locations] == ["Kupiansk"]
