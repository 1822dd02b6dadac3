"""Dates a report's opening gives its claims (issue 17): a header line, a wire dateline (a
yearless one never after publication), the lead paragraph, a title above the lead."""

import datetime as dt

import pytest

from mapper.extract.extractor import extract_events
from mapper.extract.headers import header_date
from mapper.ingest.documents import Document


@pytest.fixture(scope="module")
def events(gazetteer):
    def run(text, published=None):
        found = extract_events([Document(id="t", text=text, published=published)], gazetteer=gazetteer,
                               merge=False)
        return sorted(found, key=lambda e: e.quote_start or 0)
    return run


def _dates(found):
    return [(e.event_date, e.event_date_end) for e in found]


HEADER = ("Kharkiv Regional Military Administration / Telegram, 9 April 2025\n\n"
          "This morning the enemy struck Zolochiv with a guided bomb. Two people were killed and four injured.\n\n"
          "In Kupiansk a drone hit a bus stop; one woman was wounded.")


def test_a_header_line_dates_the_claims_below_it_and_their_this_morning(events):
    found = events(HEADER)
    day = dt.date(2025, 4, 9)
    assert len(found) == 2 and _dates(found) == [(day, day), (day, day)]


def test_a_header_line_date_is_found_only_in_a_short_line_that_is_no_sentence():
    assert header_date(HEADER, None, None).start == dt.date(2025, 4, 9)
    assert header_date("On 9 April 2025 a guided bomb killed two people in Zolochiv.\n\nMore later.", None, None) is None
    assert header_date("[Telegram post, 2 June 2024, 07:15]\n\nThree were hurt.", None, None).start == dt.date(2024, 6, 2)


def test_a_header_line_after_publication_is_no_date():
    assert header_date("Telegram, 9 April 2025\n\nTwo were killed.", dt.date(2025, 4, 1), None) is None


def test_a_yearless_december_dateline_in_a_january_report_is_last_year(events):
    text = ("LVIV, Dec 30 (Acme News) - Officials gave no new figures.\n\n"
            "Three civilians were killed by shelling of a school, the mayor said.")
    found = events(text, dt.date(2025, 1, 2))
    assert found and _dates(found)[0] == (dt.date(2024, 12, 30), dt.date(2024, 12, 30))


def test_a_lead_date_dates_the_paragraphs_below_that_say_none(events):
    text = ("Over the past day, Russian forces shelled 25 settlements of Sumy Oblast.\n\n"
            "Bilopillia community: a drone hit a car, two men were killed.\n"
            "Khotin community: a guided bomb wounded two women.")
    found = events(text, dt.date(2025, 6, 3))
    assert len(found) == 2 and set(_dates(found)) == {(dt.date(2025, 6, 2), dt.date(2025, 6, 3))}


def test_a_title_without_a_date_takes_the_date_of_the_lead_below(events):
    text = ("Удар по Сумах: поранено сім людей\n\n"
            "У неділю ввечері російський дрон влучив у житловий будинок у Сумах. Поранено сім людей.\n\n"
            "Ще один удар припав на околицю Білопілля, там загинув чоловік.")
    found = events(text, dt.date(2025, 6, 3))          # a Tuesday: Sunday is 1 June
    sunday = (dt.date(2025, 6, 1), dt.date(2025, 6, 1))
    assert found and all(d == sunday for d in _dates(found))


def test_a_title_with_a_date_is_the_lead(events):
    text = ("Белгородская область за сутки: обзор\n\n"
            "Шебекино: дрон атаковал легковой автомобиль, ранены двое мирных жителей.")
    found = events(text, dt.date(2024, 9, 10))
    assert found and _dates(found) == [(dt.date(2024, 9, 9), dt.date(2024, 9, 10))]


def test_the_lead_event_date_wins_over_its_statement_date(events):
    text = ("The ministry said on Tuesday that its forces had repelled attacks near Lyptsi over the past 24 hours.\n\n"
            "Ukrainian losses there amounted to 120 servicemen, it said.")
    found = events(text, dt.date(2024, 6, 4))          # a Tuesday
    assert found and _dates(found)[-1] == (dt.date(2024, 6, 3), dt.date(2024, 6, 4))


def test_an_agency_dateline_with_slashes_is_no_date_of_the_claims(events):
    text = ("MOSCOW, June 4. /Acme/. Russian forces repelled four attacks near Glushkovo on Sunday.\n\n"
            "Enemy losses amounted to 80 servicemen, the ministry said.")
    found = events(text, dt.date(2024, 6, 4))
    assert found and _dates(found)[-1] == (dt.date(2024, 6, 2), dt.date(2024, 6, 2))


def test_an_earlier_event_date_of_the_paragraph_wins_over_a_statement_date(events):
    text = ("On Saturday a missile hit the centre of Sumy. Officials said on Monday that 21 people had died there.\n\n"
            "Rescue work is over.")
    found = events(text, dt.date(2025, 4, 14))          # a Monday
    assert found and _dates(found) == [(dt.date(2025, 4, 12), dt.date(2025, 4, 12))]


def test_a_statement_date_of_its_own_paragraph_wins_over_the_lead(events):
    text = ("Russia's offensive near Vovchansk began on May 10, officials in Kharkiv recalled.\n\n"
            "The governor reported on June 5 that shelling wounded six civilians in Shebekino.")
    found = events(text, dt.date(2024, 6, 6))
    assert found and _dates(found) == [(dt.date(2024, 6, 5), dt.date(2024, 6, 5))]


def test_items_of_a_digest_do_not_take_each_others_dates(events):
    text = ("WEEKLY BORDER NOTES | 6-12 October 2025\n\n"
            "Oryol region: a drone hit a fuel depot on Thursday, wounding two guards, the governor said.\n\n"
            "Lipetsk region: a man was killed when debris fell on a farm, officials said.")
    found = events(text, dt.date(2025, 10, 13))
    assert [e.event_date for e in found] == [dt.date(2025, 10, 9), dt.date(2025, 10, 6)]


def test_a_paragraph_under_a_digest_item_takes_its_date(events):
    text = ("Oryol region: a drone hit a fuel depot on Thursday, wounding two guards, the governor said.\n\n"
            "Later, a man was killed when debris fell on a farm, officials said.")
    found = events(text, dt.date(2025, 10, 13))
    assert [e.event_date for e in found] == [dt.date(2025, 10, 9), dt.date(2025, 10, 9)]
