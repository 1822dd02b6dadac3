"""One claim, one place (mapper/extract/claim_places.py): figures a sentence gives for places far
apart become separate claims at their own places; villages named together stay one area. The
sentences are written for these tests."""

import datetime

import pytest

from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document


def _claims(text):
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2024, 12, 16)))
    return [(e.killed, e.wounded, sorted(loc.name for loc in e.locations if loc.resolved)) for e in events]


@pytest.mark.parametrize("text", [
    "Five people were killed in Kharkiv and 20 wounded in Odesa, officials said.",
    "In Kharkiv, five people were killed, and in Odesa 20 were wounded.",
])
def test_figures_for_far_apart_places_are_separate_claims(text):
    assert sorted(_claims(text), key=str) == sorted([(5, None, ["Kharkiv"]), (None, 20, ["Odesa"])], key=str)


def test_figures_for_villages_named_together_stay_one_claim():
    claims = _claims("Two soldiers were killed and three wounded near Plekhovo and Martynovka.")
    assert claims == [(2, 3, ["Martynovka", "Plyokhovo"])]


def test_a_figure_whose_part_names_no_place_keeps_the_sentences_places():
    claims = _claims("Shelling of Sumy and Kharkiv killed four people and wounded nine.")
    assert claims == [(4, 9, ["Kharkiv", "Sumy"])]


def test_an_item_of_a_list_by_community_keeps_its_community_not_the_next_items_village():
    text = ("За добу ворог 40 разів обстріляв прикордоння області.\n\n"
            "Миропільська громада: мінометний обстріл, загинула жінка 1951 року народження. "
            "Краснопільська громада: удар FPV-дрона по Угроїдах, поранено чоловіка. "
            "Білопільська громада: артобстріл, травмований тракторист. "
            "Великописарівська громада: обстріл Кам'янки, пошкоджено склад.")
    places = [names for _, _, names in _claims(text)]
    assert places == [["Myropillia hromada"], ["Uhroidy"], ["Bilopillia hromada"]], places


def test_a_neighbour_saying_nobody_was_hurt_lends_no_place_and_the_community_before_does():
    text = ("Утром беспилотник атаковал грузовик в Семеновской громаде Новгород-Северского района. "
            "Водитель, 51-летний местный житель, погиб на месте, сообщили в ОВА. "
            "Также обстреляны Хотиевка и Тимоновичи, пострадавших нет.")
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 2)))
    assert [(e.killed, [loc.name for loc in e.locations], e.geo_precision) for e in events] == [
        (1, ["Semenivka hromada"], 2)]


@pytest.mark.parametrize("text, place", [
    ("Днём дрон атаковал автомобиль на окраине Суджи. Водитель погиб, пассажир с ранениями госпитализирован в Курск.",
     "Sudzha"),
    ("Уранці дрон атакував авто в Білопіллі. Водій загинув, пасажира госпіталізовано до Сум.", "Bilopillia"),
    ("A drone struck a minibus in Shebekino in the morning. One passenger was killed and two were taken to "
     "hospital in Belgorod.", "Shebekino"),
])
def test_where_the_wounded_were_taken_is_no_place_of_the_claim(text, place):
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 2)))
    assert events and all([loc.name for loc in e.locations if loc.resolved] == [place] for e in events), [
        (e.killed, e.wounded, [loc.name for loc in e.locations]) for e in events]


def test_a_claim_borrows_its_own_paragraphs_place_before_the_next_paragraphs():
    text = ("Белгородский район. Утром по селу Дубовое нанесён ракетный удар. Погиб мужчина, ранена женщина.\n\n"
            "Грайворонский округ. Село Головчино обстреляно из миномётов, повреждён дом.")
    assert [names for _, _, names in _claims(text)] == [["Dubovoye, Belgorod Oblast"]]


def test_a_list_of_communities_shelled_is_not_the_place_of_a_claim_in_its_own_area():
    text = ("Протягом доби обстрілів зазнали Есманська, Шалигинська, Краснопільська та Білопільська громади.\n\n"
            "На Краснопільщині ворожа ДРГ обстріляла дорогу, ще один чоловік зник безвісти.")
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 2)))
    assert [(e.missing, len(e.locations)) for e in events] == [(1, 1)], [
        (e.missing, [loc.name for loc in e.locations]) for e in events]


@pytest.mark.parametrize("text, place", [
    # a short heading line before the claim says where it happened
    ("Shostka, this morning.\nA drone hit a van carrying builders: two men perished and five were hurt.", "Shostka"),
    # the claim goes on from the paragraph before it, not from the next paragraph's incident
    ("Guardsmen captured 7 enemy soldiers near Hlukhiv on Tuesday.\n\nThree more surrendered on Wednesday.\n\n"
     "In Sumy, a drone strike wounded 4 people.", "Hlukhiv"),
    # the wounded died on the way to hospital in another city
    ("Shebekino came under fire.\nOne man was injured and died on the way to hospital in Belgorod.", "Shebekino"),
    ("Днём дрон атаковал автомобиль у Суджи. Водитель погиб, пассажир находится в больнице Курска.", "Sudzha"),
])
def test_the_place_of_a_claim_told_in_a_heading_or_an_earlier_paragraph(text, place):
    claims = _claims(text)
    assert claims and all(names == [place] for _, _, names in claims[:2]), claims


def test_a_district_named_by_the_gazetteer_is_the_claims_place_before_the_oblast():
    claims = _claims("Russian strikes on Novhorod-Siverskyi Raion in Chernihiv Oblast killed two people.")
    assert claims == [(2, None, ["Novhorod-Siverskyi Raion"])], claims


def test_the_direction_the_enemy_came_from_is_no_place_of_the_claim():
    claims = _claims("Противник атаковал Тёткино со стороны Рыжевки. Погиб один военный.")
    assert [names for _, _, names in claims] == [["Tyotkino"]], claims


@pytest.mark.parametrize("text, place", [
    ("Противник пытался прорваться у Тёткино. По данным разведки, здесь он потерял 40 человек.", "Tyotkino"),
    ("Ворог намагався просунутися біля Білопілля. Наші воїни знищили тут 30 окупантів.", "Bilopillia"),
])
def test_a_claim_saying_here_takes_the_places_just_named(text, place):
    assert [names for _, _, names in _claims(text)] == [[place]]


def test_front_sectors_named_together_are_no_place_of_a_nationwide_count():
    text = ("Генштаб: за добу противник втратив 1 340 осіб.\n"
            "Найзапекліші бої тривають на Покровському та Курському напрямках.")
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 2)))
    assert [(e.killed_or_wounded, [loc for loc in e.locations if loc.has_point]) for e in events] == [(1340, [])]


def test_a_digest_item_takes_no_region_from_another_item():
    text = ("Ранковий дайджест\n\nГенштаб: за добу окупанти втратили 1 250 осіб.\n"
            "ГУР: на Курщині за тиждень загинули 30 військових КНДР.\n"
            "Харківщина: у Куп'янську поранено двох жінок.")
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 3)))
    assert [[loc.name for loc in e.locations] for e in events] == [[], ["Kursk Oblast"], ["Kupiansk"]]


def test_a_digests_heading_region_still_holds_for_its_items():
    text = ("Харківщина: головне за тиждень\n\nЗа тиждень загинули шестеро цивільних, ще 19 поранені.\n"
            "Найбільше постраждала Вовчанська громада.")
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 3)))
    assert [[loc.name for loc in e.locations] for e in events] == [["Kharkiv Oblast"]]


@pytest.mark.parametrize("text, place", [
    ("Kharkiv: one killed, five wounded after a guided bomb hit Zolochiv.", "Zolochiv"),
    ("- Суми: у Білопіллі через удар дрона загинув чоловік, ще двоє поранені.", "Bilopillia"),
])
def test_a_line_heading_is_no_site_beside_the_place_its_line_names(text, place):
    import datetime

    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 1)))
    assert [[loc.name for loc in e.locations] for e in events] == [[place]]


def test_a_later_paragraph_telling_its_own_casualties_lends_no_villages():
    """A bulletin: the day's losses in one region, then a paragraph of villages elsewhere with its own
    losses. The first figure is not put at the second paragraph's villages."""
    import datetime

    from mapper.extract.extractor import Extractor
    from mapper.ingest.documents import Document

    text = ("Бои на территории Курской области продолжаются. За сутки противник потерял до 120 военнослужащих.\n\n"
            "Нанесено поражение живой силе ВСУ в районах Юнаковки и Хотени. Потери ВСУ составили до 40 человек.")
    events, _ = Extractor().extract(Document(id="t", text=text, published=datetime.date(2025, 3, 1)))
    places = {e.killed_or_wounded: [loc.name for loc in e.locations] for e in events}
    assert "Yunakivka" not in places[120] and "Khotin" not in places[120]
    assert "Yunakivka" in places[40]
