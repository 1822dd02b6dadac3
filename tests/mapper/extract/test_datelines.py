"""One reader of a report's dateline (issues 16 and 17): its span, place words, date and agency, for
the extractor (the report's day, the reporter's city) and the spotter (a word in capitals there is a place)."""

import datetime as dt

import pytest

from mapper.extract.headers import in_dateline, place_words, wire_dateline


@pytest.mark.parametrize("text,place,agency,date", [
    ("LVIV, Nov 4 (Acme Wire) - A shell hit a depot.", "LVIV", "Acme Wire", dt.date(2024, 11, 4)),
    ("ODESA, Ukraine, March 8 (Harbour News) - Drones struck the port.", "ODESA", "Harbour News", dt.date(2025, 3, 8)),
    ("ОРЕЛ, 14 июля. /Наше агентство/. Беспилотник упал на склад.", "ОРЕЛ", "Наше агентство", dt.date(2025, 7, 14)),
    ("ПОЛТАВА, 2 травня — Уночі було гучно.", "ПОЛТАВА", None, dt.date(2025, 5, 2)),
    ("LONDON/PARIS - Ministers met again.", "LONDON/PARIS", None, None),
])
def test_a_wire_dateline_holds_its_place_agency_and_day(text, place, agency, date):
    found = wire_dateline("Headline of the story\n" + text)
    assert (found.place, found.agency) == (place, agency)
    day = found.date(dt.date(2025, 12, 31) if date is None or date.year == 2025 else dt.date(2024, 12, 1))
    assert (day.start if day else None) == date
    assert found.text.startswith(place) and found.span[0] == len("Headline of the story\n")


def test_an_agency_in_brackets_right_after_the_place_is_a_dateline():
    # "KYIV (Reuters) -": the brackets were once read as part of the place and the dateline missed
    found = wire_dateline("DNIPRO (Acme Wire) - A missile hit a warehouse.")
    assert (found.place, found.agency, found.text) == ("DNIPRO", "Acme Wire", "DNIPRO (Acme Wire) - ")


@pytest.mark.parametrize("text", [
    "Two people were killed in LVIV, officials said.",        # not at the line's start
    "Lviv, Nov 4 (Acme Wire) - A shell hit a depot.",          # not in capitals
    "THE NIGHT WAS QUIET IN THE CITY",                        # nothing ends the words
])
def test_no_wire_dateline(text):
    assert wire_dateline(text) is None


def test_a_spaced_dash_ends_the_place_words():
    # "KHERSON - ..." is a dateline even when the words after the dash are not in capitals
    text = "KHERSON - Shelling went on all day."
    assert in_dateline(text, 0)
    assert place_words(text, 0) == (7, (0,))
    assert wire_dateline(text).place == "KHERSON"
    # words after the dash are no longer read as the dateline's places
    title = "POLTAVA - DAILY NOTE, 3 May 2025"
    assert in_dateline(title, 0) and not in_dateline(title, title.index("DAILY"))


def test_place_words_joined_by_slashes_and_hyphens_and_a_bullet():
    assert in_dateline("ROME/WARSAW: talks", 5)
    assert in_dateline("- LVIV: a drone fell.", 2)
    assert not in_dateline("ROME and WARSAW: talks", 9)


@pytest.mark.parametrize("text,place,day", [
    ("ЛЬГОВ (Курская область), 3 сентября. Беспилотник атаковал автобус, ранены двое.", "ЛЬГОВ",
     dt.date(2025, 9, 3)),
    ("ШОСТКА, 14 квітня. Дрон влучив у склад, поранено охоронця.", "ШОСТКА", dt.date(2025, 4, 14)),
])
def test_a_dateline_of_a_place_and_a_day_without_an_agency(text, place, day):
    found = wire_dateline(text)
    assert found.place == place and found.agency is None and found.date(dt.date(2025, 10, 1)).start == day
    assert text[found.span[1]:].startswith(("Беспилотник", "Дрон"))


@pytest.mark.parametrize("text", [
    "КИЇВ, столиця, знову під ударом. Дрони атакували місто.",     # no day after the comma
    "NATO, EU. Ministers met on 3 May.",
])
def test_a_place_and_words_that_are_no_day_is_no_dateline(text):
    assert wire_dateline(text) is None
