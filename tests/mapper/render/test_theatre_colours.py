"""Side colours and the map's opening view come from the theatre file, on every output."""

import datetime as dt
from pathlib import Path

import pytest

from gazetteer.theatres import find_theatre
from mapper.model.events import Event, EventLocation
from mapper.render.briefing.charts import casualties_by_date
from mapper.render.briefing.map_symbols import actor_key
from mapper.render.export.kml import kml_bytes, kml_colour
from mapper.render.web.bulk_table import event_table
from mapper.render.web.popups import actor_colour
from mapper.render.web.webmap import build_map, render_page

TEST_THEATRE = find_theatre(str(Path(__file__).resolve().parents[2] / "data" / "theatres" / "test_front.toml"))
SUDZHA = EventLocation(mention="Sudzha", name="Sudzha", latitude=51.19, longitude=35.27, country_code="RU",
                       admin1="Kursk Oblast", admin2=None, gazetteer_id="test:sudzha", geo_precision=1,
                       resolved=True, reason="")


def _event(event_id: str, actor: str) -> Event:
    return Event(event_id=event_id, doc_id="d", event_date=dt.date(2024, 12, 14), killed=4, casualties_low=4,
                 casualties_best=4, casualties_high=4, actor=actor, locations=(SUDZHA,), geo_precision=1)


EVENTS = [_event("a", "Civilian population"), _event("b", "Ukrainian forces")]


def test_colours_follow_the_theatre():
    assert actor_colour("Civilian population", TEST_THEATRE) == "#ABCDEF"
    assert actor_colour("Civilian population") == "#6B6B6B"      # not a side of the default theatre
    assert actor_colour("Ukrainian forces", TEST_THEATRE) == "#123456" and actor_colour("Ukrainian forces") == "#0072B2"


def test_web_map_draws_sides_in_the_theatre_colours_and_opens_on_its_view():
    html, _ = render_page(build_map(EVENTS, theatre=TEST_THEATRE, bulk=False))
    assert "#ABCDEF" in html and "#123456" in html and "#0072B2" not in html
    empty = build_map([], theatre=TEST_THEATRE)
    assert list(empty.map.location) == [50.5, 34.0] and empty.map.options["zoom"] == 7
    assert list(build_map([]).map.location) == [51.0, 35.5]


def test_bulk_table_carries_the_theatre_colours():
    actors = dict(event_table(EVENTS, theatre=TEST_THEATRE)["actors"])
    assert actors == {"Civilian population": "#ABCDEF", "Ukrainian forces": "#123456"}


def test_kml_styles_and_legend_use_the_theatre_colours():
    own, default = kml_bytes(EVENTS, theatre=TEST_THEATRE).decode(), kml_bytes(EVENTS).decode()
    assert kml_colour("#ABCDEF") in own and kml_colour("#123456") in own
    assert kml_colour("#ABCDEF") not in default and kml_colour("#0072B2") in default


def test_briefing_groups_aliases_under_their_side():
    assert actor_key("Civilian population", TEST_THEATRE) == "Civilians" and actor_key("Civilian population") == ""
    assert set(casualties_by_date(EVENTS, theatre=TEST_THEATRE).values) == {"Civilians", "Ukrainian forces"}
    assert set(casualties_by_date(EVENTS).values) == {"Civilian population", "Ukrainian forces"}  # never lumped


def test_situation_map_symbols_take_the_theatre_colours(index):
    from matplotlib.colors import to_rgb

    from mapper.render.briefing.situation_map import draw_situation_map

    fig, _ = draw_situation_map(EVENTS[:1], index=index, theatre=TEST_THEATRE)
    filled = [c for c in fig.axes[0].collections if c.get_zorder() == 10 and c.get_alpha() == 0.75]
    assert filled and tuple(filled[0].get_facecolors()[0][:3]) == pytest.approx(to_rgb("#ABCDEF"), abs=0.01)
