"""A capital abroad where a claim was made is not where the casualties were (issue 16). Own sentences."""

from __future__ import annotations

from mapper.extract.extractor import extract_events
from mapper.ingest.documents import Document


def _events(text: str):
    return extract_events([Document(id="t", text=text)], merge=False)


def test_a_claim_made_in_washington_about_the_kursk_region_is_placed_in_the_kursk_region():
    events = _events("An official said in Washington that 40 soldiers were killed in Russia's Kursk region "
                     "over the weekend.")
    assert events
    placed = [loc for e in events for loc in e.locations if loc.has_point]
    assert placed and all(loc.country_code == "RU" for loc in placed), [loc.name for loc in placed]


def test_casualties_the_text_puts_in_a_capital_abroad_stay_there():
    events = _events("In Washington, two people were killed in a shooting on Monday, police said.")
    assert events and any(loc.name == "Washington" for e in events for loc in e.locations)


def test_a_digest_item_headed_by_a_city_in_capitals_is_not_placed_there():
    text = ("WAR ROUNDUP | 3 March: North Korean troops in the Kursk region\n\nTOKYO: Japan's defence ministry "
            "told reporters that at least 60 soldiers had been killed last month.\n\nKYIV: The General Staff said "
            "5 soldiers were killed near Sudzha on Sunday.")
    placed = {loc.name for e in _events(text) for loc in e.locations if loc.has_point}
    assert "Tokyo" not in placed and "Kyiv" not in placed, placed
    assert "Sudzha" in placed


def test_a_claim_does_not_borrow_the_capital_or_far_city_where_people_spoke_about_it():
    text = ("A glide bomb strike hit a school in Sudzha on Friday. Officials later said 7 people had died in the "
            "attack. The president, speaking in Kyiv after talks in Berlin, condemned the attack.")
    placed = {loc.name for e in _events(text) for loc in e.locations if loc.has_point}
    assert placed == {"Sudzha"}, placed
