"""Place names the spotter used to miss: ALL-CAPS names, lower-case front directions, every
apostrophe, towns grammar reads as nouns or people, places after a title (issue 16)."""

import pytest

from mapper.extract.caps import in_dateline
from mapper.extract.directions import lower_case_directions
from mapper.extract.people import person_names
from mapper.extract.toponyms import _TITLES


def texts(spotter, text):
    return [s.text for s in spotter.spot(text)]


# -- ALL CAPS ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("SUMY, May 2 (Our Wire) - Two drones hit a school.", ["SUMY"]),
    ("KURSK/KYIV, June 5 (Field Desk) - Talks stalled.", ["KURSK", "KYIV"]),
    ("Second part of the story.\nKYIV: officials in the capital gave no figure.", ["KYIV"]),
    ("КУРСК, 3 июня. /Наш корреспондент/. Обстрел продолжался.", ["КУРСК"]),
    ("СУМИ, 4 червня – Уночі місто атакували дрони.", ["СУМИ"]),
])
def test_a_dateline_in_capitals_is_a_place(spotter, text, expected):
    assert texts(spotter, text)[:len(expected)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Envoys met in KYIV and then in SEOUL on Friday.", ["KYIV", "SEOUL"]),
    ("ОБСТРІЛ СУДЖІ ТРИВАЄ ТРЕТІЙ ДЕНЬ", ["СУДЖІ"]),
    ("НОВЫЙ УДАР ПО БЕЛГОРОДУ И СУМАМ", ["БЕЛГОРОДУ", "СУМАМ"]),
    ("ВИБУХИ У СУМАХ", ["СУМАХ"]),
])
def test_names_in_capitals_in_running_text_are_places_inflected_or_not(spotter, text, expected):
    assert texts(spotter, text) == expected


@pytest.mark.parametrize("text", [
    "ЗСУ, ВСУ, ГУР, ООН і СБУ повідомили про обстріл.",
    "The SBU, NATO and the GUR said a KAB hit the area.",
    "NATO: allies met on Monday.",
    "USA, UK and EU leaders met.",
    "ОДА: повідомлення про тривогу.",
    "ТЕРМІНОВО: тривога в області.",
])
def test_acronyms_and_capitalised_words_stay_non_places(spotter, text):
    assert texts(spotter, text) == []


def test_a_dateline_is_the_capitals_opening_a_line_up_to_a_comma_colon_dash_or_bracket():
    assert in_dateline("SEOUL/KYIV, Dec 1 (Wire) - text", 6)
    assert in_dateline("intro\nKYIV (Wire) - text", 6)
    assert not in_dateline("Talks in KYIV, then", 9)
    assert not in_dateline("KYIV SAID NOTHING ELSE TODAY", 0)


def test_a_dateline_is_resolved_on_its_own_not_with_the_story(geoparser):
    text = "KYIV, May 3 (Our Wire) - Fighting went on in Russia's Kursk region near Sudzha."
    found = {m.text: m.resolution for m in geoparser.parse(text)}
    assert found["KYIV"].resolved and found["KYIV"].place.country_code == "UA"
    assert found["Sudzha"].place.country_code == "RU"
    # a place outside the theatre in a country the document names is still placed
    (filed, *_) = geoparser.parse("MURMANSK, May 3 (Our Wire) - Sailors were buried.\n\nIn the Kursk region, flags flew.")
    assert filed.resolution.resolved and filed.place.country_code == "RU"


# -- lower-case front directions -------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Бои шли на курском направлении.", ["курском направлении"]),
    ("Противник усилил давление на белгородское направление.", ["белгородское направление"]),
    ("Потери на курском и белгородском направлениях выросли.", ["курском", "белгородском направлениях"]),
    ("Тяжело на курском, белгородском и брянском направлениях.",
     ["курском", "белгородском", "брянском направлениях"]),
    ("Ситуація на сумському напрямку загострилася.", ["сумському напрямку"]),
    ("Бої точилися на курському та харківському напрямках.", ["курському", "харківському напрямках"]),
    ("Ворог посилив тиск курським напрямком.", ["курським напрямком"]),
])
def test_lower_case_directions_are_their_oblasts(spotter, text, expected):
    found = [s for s in spotter.spot(text) if s.how == "region"]
    assert [s.text for s in found] == expected
    assert all(s.key.split()[0][0].isupper() for s in found)


@pytest.mark.parametrize("text", [
    "На этом направлении противник потерял технику.",
    "На південному напрямку тихо.",
    "Наступление на купянском направлении продолжается.",  # a town's direction, not an oblast's
])
def test_a_lower_case_direction_that_is_no_oblast_gives_nothing(text):
    assert lower_case_directions(text) == []


def test_only_the_direction_word_gives_a_phrase_not_an_admin_word_before_it():
    text = "В пограничной области на курском направлении тихо."
    assert [t[2].split()[0] for t in lower_case_directions(text)] == ["Курском"]


def test_lower_case_directions_resolve_to_the_oblast(geoparser):
    (mention,) = geoparser.parse("За сутки на курском направлении противник потерял технику.")
    assert mention.resolution.resolved and mention.place.is_admin1 and mention.place.admin1 == "Kursk Oblast"


# -- apostrophes -----------------------------------------------------------------------------------
@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ", "‘", "`", "′"])
def test_every_apostrophe_variant_spots_the_name(spotter, apostrophe):
    name = f"Куп{apostrophe}янськ"
    assert texts(spotter, f"Окупанти знову обстріляли {name} вранці.") == [name]
    assert texts(spotter, f"Зведення.\n\n{name}: пошкоджено дві будівлі.") == [name]
    assert texts(spotter, f"Вибухи пролунали у Куп{apostrophe}янську.") == [f"Куп{apostrophe}янську"]


# -- towns grammar reads otherwise, places after a title, names after a place ------------------------
@pytest.mark.parametrize("text,expected", [
    ("Делегація провела переговори у Києві та Львові.", ["Києві", "Львові"]),
    ("Мэр Белгорода Олег Сидоренко сообщил о пострадавших.", ["Белгорода"]),
    ("Міський голова Сум Олександр Лисенко закликав до укриття.", ["Сум"]),
    ("The delegation spoke to the governor. Sudzha was shelled again.", ["Sudzha"]),
    ("Diplomats in Pyongyang confirmed the visit.", ["Pyongyang"]),
    ("Ворог обстріляв Краснопілля КАБами вночі.", ["Краснопілля"]),
    ("Опівдні дрони атакували Стару Гуту з півночі.", ["Стару Гуту"]),
    ("Противник отошёл от Липцов к северу.", ["Липцов"]),
    ("Колона рухалася за Кореневим у бік кордону.", ["Кореневим"]),
])
def test_names_grammar_or_neighbours_used_to_hide(spotter, text, expected):
    assert texts(spotter, text) == expected


@pytest.mark.parametrize("text", [
    "Водитель Андрей Петрович Будков не пострадал.",
    "Механік Іван Будков отримав поранення.",
])
def test_a_surname_after_a_first_name_is_no_inflected_place(spotter, text):
    assert texts(spotter, text) == []


def test_a_person_after_a_title_is_still_a_person_not_the_place_before_him(spotter):
    names = person_names("Мэр Белгорода Олег Сидоренко", "мэр белгорода олег сидоренко", _TITLES,
                         spotter._names.exact)
    assert names == {"Олег", "Сидоренко"}
    assert person_names("Maj. Gen. Pat Ryder said", "maj. gen. pat ryder said", _TITLES, lambda w: ()) == {
        "Pat", "Ryder"}


@pytest.mark.parametrize("text,expected", [
    ("Освобождены населённые пункты Зыбинка и Кругловка.", ["Зыбинка", "Кругловка"]),
    ("Звільнено населені пункти Зозулинка та Дубрівка.", ["Зозулинка", "Дубрівка"]),
])
def test_names_after_settlement_words_are_kept_when_the_gazetteer_lacks_them(spotter, text, expected):
    assert [s.text for s in spotter.spot(text) if s.how == "cue"] == expected



@pytest.mark.parametrize("text, expected", [
    ("Бои шли у Попово-Лежачей и Тёткино.", ["Попово-Лежачей", "Тёткино"]),
    ("Вчера в Попово-Лежачах снова стреляли.", ["Попово-Лежачах"]),
    ("Трасса Суджа-Курск перекрыта после обстрела.", ["Суджа", "Курск"]),
    ("На трасі Суми-Суджа обстріляли авто.", ["Суми", "Суджа"]),
])
def test_a_hyphenated_place_is_read_whole_and_a_road_between_two_places_as_two(spotter, text, expected):
    assert [s.text for s in spotter.spot(text)] == expected


@pytest.mark.parametrize("text, places", [
    ("‼️ КУРСКАЯ ОБЛАСТЬ: ВСУ АТАКОВАЛИ РЫЛЬСК", ["Kursk Oblast", "Rylsk"]),
    ("ШЕБЕКИНО ПОД ОБСТРЕЛОМ", ["Shebekino"]),     # a common word shouted after a cue is no place
])
def test_a_headline_in_capitals_names_its_places(text, places):
    from mapper.extract.geoparse import Geoparser

    assert [m.place.name for m in Geoparser().parse(text) if m.place] == places
    assert all(m.place for m in Geoparser().parse(text))


def test_a_claim_under_a_headline_in_capitals_takes_its_place():
    import datetime

    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    text = "БЕЛГОРОДСКАЯ ОБЛАСТЬ: ДРОН АТАКОВАЛ ГРАЙВОРОН\n\nПогиб мужчина, его жена получила ранения."
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 1)))
    assert [(e.killed, e.wounded, [loc.name for loc in e.locations]) for e in events] == [(1, 1, ["Grayvoron"])]
