"""Words that are not places never become places: sentence openers, weapons and units, people's
names, and place names inside organisations, titles and vessels (sentences written for these tests)."""

import datetime as dt

import pytest

from mapper.extract.extractor import Extractor
from mapper.extract.lang import LANGUAGES
from mapper.extract.lang.schema import NotPlace
from mapper.extract.not_places import (CLOSED_CLASS, PERSON, common_word, organisation_head_after,
                                       vessel_head_before, word_class)
from spotting import spotted
from mapper.ingest.documents import Document


# -- sentence openers and other common words -----------------------------------------------------
@pytest.mark.parametrize("text,place", [
    ("Tonight the shelling of Sudzha went on. However, nobody was hurt. Today it is quiet.", "Sudzha"),
    ("Police cordoned off the market in Sumy.", "Sumy"),
    ("Air raid alerts sounded in Sumy; the air defence worked all night.", "Sumy"),
    ("Сегодня днём обстреляли Суджу. Однако жертв нет. Кроме того, пострадал дом.", "Суджу"),
    ("Вчера вечером Белгород атаковали дроны. Их сбили. Также повреждена линия.", "Белгород"),
    ("Сьогодні зранку ворог обстріляв Білопілля. Це вже п'ятий удар. Після обстрілу є поранені.", "Білопілля"),
    ("Наші захисники тримають Вовчанськ. Усі атаки відбито. Дякую рятувальникам. Їм вдалося.", "Вовчанськ"),
])
def test_sentence_openers_are_not_places(spotter, text, place):
    assert [name for name, _ in spotted(spotter, text)] == [place]


@pytest.mark.parametrize("word", ["Це", "Наші", "Їм", "Дякую", "Все", "Их", "Не"])
def test_closed_class_words_are_told_by_their_tags(word):
    assert word_class(word) == CLOSED_CLASS


def test_a_verb_in_the_imperative_is_no_closed_class_word_and_a_village_opens_a_sentence(spotter):
    # "Уди" is a village of Kharkiv oblast and a Russian imperative; "Липці" a village and a surname.
    assert word_class("Уди") is None
    found = spotter.spot("Уди знову обстріляли. Липці під ударом.")
    assert [s.text for s in found] == ["Уди", "Липці"]


def test_common_nouns_open_sentences_but_a_theatre_place_of_that_very_name_does_not(spotter):
    assert common_word("Бої") == "noun"
    assert spotted(spotter, "Бої тривають. Суми знову під обстрілом.") == [("Суми", "gazetteer")]


def test_an_english_opener_written_in_lower_case_elsewhere_is_a_common_word(spotter):
    assert spotted(spotter, "Mission staff left. The mission said Sumy was shelled.") == [("Sumy", "gazetteer")]


# -- weapons and units ---------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["КАБ", "КАБом", "КАБами", "КАБи", "Шахед", "Шахедами", "Искандером", "Градом",
                                  "Iskander", "Iskanders", "Shaheds", "HIMARS", "Lancet", "Калібрами"])
def test_weapons_in_any_form_are_weapons(word):
    assert word_class(word) == NotPlace.WEAPON.value


@pytest.mark.parametrize("text,places", [
    ("An Iskander hit Sumy; two Grad launchers fired at Sudzha.", ["Sumy", "Sudzha"]),
    ("Росіяни вдарили КАБом по Ворожбі, а ввечері Шахедами по Сумах.", ["Ворожбі", "Сумах"]),
    ("Искандер ударил по Белгороду. Градом обстреляли окраины Суджи.", ["Белгороду", "Суджи"]),
])
def test_weapon_words_are_never_spotted(spotter, text, places):
    assert [name for name, _ in spotted(spotter, text)] == places


def test_units_are_a_word_class_of_every_language():
    kinds = {cls.kind for lang in LANGUAGES for cls in lang.places.not_places}
    assert kinds == {NotPlace.COMMON, NotPlace.WEAPON, NotPlace.UNIT}
    assert word_class("Wagner") == word_class("Ахмата") == NotPlace.UNIT.value


# -- people --------------------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["Олександр", "Вячеслав", "Гладков", "Олегович", "Надія"])
def test_first_names_surnames_and_patronymics_are_people(word):
    assert word_class(word) == PERSON


@pytest.mark.parametrize("text,places", [
    ("Олександр Григоров повідомив про обстріл Ромнів.", ["Ромнів"]),
    ("Губернатор Вячеслав Гладков сообщил об обстреле Шебекино.", ["Шебекино"]),
    ("Загинула 70-річна Надія Петрівна з Краснопілля.", ["Краснопілля"]),
])
def test_people_are_not_places(spotter, text, places):
    assert [name for name, _ in spotted(spotter, text)] == places


def test_an_adjective_shared_with_surnames_is_not_taken_for_a_person():
    assert word_class("Сумської") is None and word_class("Курской") is None


# -- organisations, titles, vessels ----------------------------------------------------------------
@pytest.mark.parametrize("text,head", [
    ("the Kursk Group of Forces said", "group of forces"),
    ("the Sumy Regional Military Administration said", "regional military administration"),
    ("the Kursk governor said", "governor"),
    ("начальник Сумської ОВА заявив", "ова"),
    ("командование Курской группировки войск", "группировка войск"),
    ("бійці Харківського угруповання", "угруповання"),
])
def test_organisation_heads_are_read_in_every_language_and_case(text, head):
    words = text.split()
    index = next(i for i, w in enumerate(words) if w[:1].isupper() and i > 0 or w in ("Kursk", "Sumy"))
    end = len(" ".join(words[:index + 1]))
    assert organisation_head_after(text, end) == head


@pytest.mark.parametrize("text,start,head", [
    ("The submarine Kursk sank in 2000.", 14, "submarine"),
    ("Крейсер «Москва» затонул.", 9, "крейсер"),
    ("Підводний човен «Запоріжжя» стоїть у доці.", 17, "підводний човен"),
])
def test_vessel_heads_before_a_name(text, start, head):
    assert vessel_head_before(text, start) == head


@pytest.mark.parametrize("text,name", [
    ("The Kursk Group of Forces said it repelled four attacks.", "Kursk"),
    ("A spokesman for the Sumy Regional Military Administration said the strike hit a school.", "Sumy"),
    ("Начальник Сумської ОВА повідомив про атаку.", "Сумської"),
    ("A tractor driver was hurt near Krasnopillia, the Sumy regional administration said.", "Sumy"),
    ("Kursk police said a shell hit a car in Rylsk.", "Kursk"),
    ("Belgorod officials said two houses burned in Shebekino.", "Belgorod"),
])
def test_names_inside_organisations_are_kept_as_organisation_mentions(spotter, text, name):
    assert (name, "organisation") in spotted(spotter, text)


@pytest.mark.parametrize("text", [
    "The submarine Kursk sank long ago.",
    "Підводний човен «Запоріжжя» стоїть у доці.",
    "На вулиці Свободи поранено перехожого.",
    "За словами Сирського, ворог втратив два батальйони.",
])
def test_the_name_of_a_vessel_street_or_source_is_no_place_at_all(spotter, text):
    assert spotted(spotter, text) == []


def test_an_organisation_mention_is_no_event_place_but_the_named_village_is(gazetteer):
    text = ("The Sumy Regional Military Administration said two civilians were killed "
            "by shelling in Bilopillia on Monday.")
    doc = Document(id="org", text=text, published=dt.date(2025, 3, 4))
    events, mentions = Extractor(gazetteer).extract(doc)
    assert {m.text: m.how for m in mentions} == {"Sumy": "organisation", "Bilopillia": "gazetteer"}
    assert len(events) == 1 and [loc.mention for loc in events[0].locations] == ["Bilopillia"]


def test_a_title_alone_leaves_the_claim_without_the_titles_city(gazetteer):
    doc = Document(id="gov", text="The Kursk governor said three people were wounded in a drone attack.",
                   published=dt.date(2025, 3, 4))
    events, _ = Extractor(gazetteer).extract(doc)
    assert len(events) == 1 and not any(loc.mention == "Kursk" for loc in events[0].locations)


# -- the regression of issue 16 --------------------------------------------------------------------
def test_a_military_administration_post_with_a_guided_bomb_stays_in_the_theatre(gazetteer, geoparser):
    text = ("Сумська ОВА: за минулу добу ворог завдав удару КАБом по Ворожбі, пошкоджено два будинки. "
            "Ще один КАБ упав на околиці Білопілля, поранено жінку. Також ворог атакував громаду Шахедами.")
    mentions = geoparser.parse(text, doc_id="ova")
    names = {m.text for m in mentions}
    assert not names & {"КАБом", "КАБ", "Шахедами", "Також"}
    assert all(m.place.country_code in ("UA", "RU") for m in mentions if m.resolution.resolved)
    assert not any(m.place.name in ("Quiapo", "Manila") for m in mentions if m.resolution.resolved)
    doc = Document(id="ova", text=text, published=dt.date(2025, 3, 4))
    events, _ = Extractor(gazetteer).extract(doc)
    theatre = gazetteer.theatre
    for event in events:
        for loc in event.locations:
            if loc.has_point:
                assert theatre.contains(type("P", (), {"latitude": loc.latitude, "longitude": loc.longitude})())


@pytest.mark.parametrize("text", [
    "Сирський заявив, що бої тривають.",
    "Сырский сообщил о продвижении.",
    "Syrskyi said the front held.",
])
def test_a_name_before_a_verb_of_saying_is_a_speaker_not_a_place(spotter, text):
    assert spotted(spotter, text) == []


@pytest.mark.parametrize("text", [
    "Бої тривають біля кордону, повідомив Сирський.",
    "Продвижение продолжается, сообщил Сырский.",
])
def test_a_name_after_a_verb_of_saying_ending_the_clause_is_a_speaker_not_a_place(spotter, text):
    assert spotted(spotter, text) == []


def test_an_organisation_after_a_verb_of_saying_is_still_its_seat(spotter):
    assert spotted(spotter, "Про обстріл повідомила Сумська ОВА.") == [("Сумська", "organisation")]


def test_a_place_after_a_preposition_before_a_verb_of_saying_is_still_a_place(spotter):
    assert [name for name, _ in spotted(spotter, "В Судже заявили о двух раненых.")] == ["Судже"]
