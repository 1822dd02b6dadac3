"""A report's total and the counts of its places: each casualty counted once, the total kept."""

import datetime as dt
from dataclasses import replace

import pytest

from mapper.assemble.subtotals import fold_parts
from mapper.extract.extractor import Extractor
from mapper.ingest.documents import Document
from mapper.model.events import Event, EventLocation, Source

PUBLISHED = dt.date(2025, 3, 12)
FIELDS = ("killed", "wounded", "missing", "captured", "killed_or_wounded")


@pytest.fixture(scope="module")
def extractor(gazetteer):
    return Extractor(gazetteer)


def _events(extractor, text: str) -> list[Event]:
    return extractor.extract(Document(id="t", text=text, published=PUBLISHED))[0]


def _figures(events: list[Event]) -> list[dict]:
    return [{c: getattr(e, c) for c in FIELDS if getattr(e, c) is not None} for e in events]


# --- a total and its parts: one event, the total -------------------------------------------------
@pytest.mark.parametrize("text, total, named", [
    # the lead's count, then each village's share of it
    ("Russian drones struck the Krasnopillia community on Tuesday, killing three residents and wounding "
     "two more, the regional military administration said.\n\n"
     "In Uhroidy, two farm workers were killed and one was wounded in a field.\n\n"
     "In Pokrovka, a pensioner was killed and a neighbour was wounded.",
     {"killed": 3, "wounded": 2}, ["Uhroidy", "Pokrovka"]),
    # the villages first, then the day's sum (which may count one the post did not list)
    ("Shebekino district: in Novaya Tavolzhanka a drone hit a tractor, two men were wounded.\n"
     "Valuysky district: in Urazovo a woman was wounded by shell fragments.\n"
     "In total, four civilians were wounded today.",
     {"wounded": 4}, ["Novaya Tavolzhanka", "Urazovo"]),
    ("Сумський район: у Миропіллі дрон атакував авто, загинув чоловік.\n"
     "Охтирський район: у Тростянці поранено двох жінок.\n"
     "Загалом за добу загинула одна людина, ще двоє поранені.",
     {"killed": 1, "wounded": 2}, ["Myropillia", "Trostianets"]),
    ("Грайворонский округ: в селе Дорогощь ранены двое мужчин.\n"
     "Белгородский район: в Щетиновке ранена женщина.\n"
     "Всего за сутки ранены три мирных жителя.",
     {"wounded": 3}, ["Dorogoshch", "Shchetinovka"]),
])
def test_a_total_keeps_its_count_and_names_its_parts(extractor, text, total, named):
    events = _events(extractor, text)
    assert _figures(events) == [total]
    note = events[0].location_note
    assert "of which:" in note
    for name in named:
        assert name.split()[0][:5] in note


# --- not a total: each count stays ----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # two towns far from the city whose dead happen to add up to its toll
    ("Two people were killed in Kharkiv on Monday, the governor said.\n\n"
     "In Kupiansk, one man was killed by shelling.\n\n"
     "In Izium, one woman was killed when a drone hit her house.",
     [{"killed": 2}, {"killed": 1}, {"killed": 1}]),
    # the villages' counts add up to more than the "total": not its parts
    ("Shebekino district: in Novaya Tavolzhanka three men were wounded.\n"
     "Valuysky district: in Urazovo two women were wounded.\n"
     "In total, four civilians were wounded today.",
     [{"wounded": 3}, {"wounded": 2}, {"wounded": 4}]),
])
def test_counts_that_are_not_parts_stay_apart(extractor, text, expected):
    assert _figures(_events(extractor, text)) == expected


def _at(name: str, lat: float, lon: float, admin2: str) -> EventLocation:
    return EventLocation(name, name, lat, lon, "UA", "Sumy Oblast", admin2, name.lower(), 1, True, "")


def _ev(i: int, quote: str, place: EventLocation, claimed_by: str = "", **figures) -> Event:
    return Event(f"ev-{i}", "doc", event_date=PUBLISHED, actor="Civilians", claimed_by=claimed_by,
                 locations=(place,), sources=(Source("doc", quote=quote),), **figures)


def test_parts_told_by_another_claimant_are_not_folded():
    a, b = _at("Ambarne", 50.70, 35.30, "Sumy Raion"), _at("Bilka", 50.72, 35.25, "Sumy Raion")
    quotes = ["Drones hit Ambarne, killing two.", "In Ambarne a woman died.", "In Bilka a man was killed."]
    events = [_ev(1, quotes[0], a, "Sumy Oblast military administration", killed=2),
              _ev(2, quotes[1], a, "Sumy Oblast military administration", killed=1),
              _ev(3, quotes[2], b, "Russian Ministry of Defence", killed=1)]
    assert [e.event_id for e in fold_parts(events, " ".join(quotes))] == ["ev-1", "ev-2", "ev-3"]


def test_a_running_total_has_no_parts():
    a = _at("Ambarne", 50.70, 35.30, "Sumy Raion")
    quotes = ["Since May, 2 killed in Ambarne.", "In Ambarne a woman died.", "Later a man was killed there."]
    events = [replace(_ev(1, quotes[0], a, killed=2), cumulative=True), _ev(2, quotes[1], a, killed=1),
              _ev(3, quotes[2], a, killed=1)]
    assert len(fold_parts(events, " ".join(quotes))) == 3



def test_an_item_of_a_list_is_no_total_of_the_items_after_it(extractor):
    text = ("Минулої доби росіяни обстріляли 20 населених пунктів області.\n\n"
            "Юнаківська громада: загинув чоловік. Хотінська громада: поранено двох жінок. "
            "Есманська громада: тракторист травмований. Також у Сумах постраждав 39-річний чоловік.")
    assert _figures(_events(extractor, text)) == [{"killed": 1}, {"wounded": 2}, {"wounded": 1}, {"wounded": 1}]
