"""Theatre files as data: the default theatre's values, sides, claimants, view, and clear errors."""

from pathlib import Path

import pytest

from gazetteer.exc import DataFileError
from gazetteer.theatre import MapView
from gazetteer.theatres import DEFAULT_THEATRE, EXAMPLE_THEATRE, default_theatre, find_theatre, load_theatre

TEST_THEATRE = Path(__file__).resolve().parents[1] / "data" / "theatres" / "test_front.toml"


def test_default_theatre_holds_the_kursk_border_values():
    t = default_theatre()
    assert t.name == "Kursk–Belgorod–Sumy border" and t.bbox == (49.8, 32.9, 52.5, 38.6)
    assert t.countries == {"RU", "UA"} and t.admin1_codes == {"RU.41", "RU.09", "UA.21"}
    assert t.view == MapView((51.0, 35.5), 8)
    assert t.colours == {"North Korean forces": "#D55E00", "Russian forces": "#CC79A7", "Ukrainian forces": "#0072B2",
                         "Civilians": "#009E73", "": "#6B6B6B"}
    assert {"Ukraine's military intelligence (GUR)", "General Staff of the Armed Forces of Ukraine"} <= {
        c.name for c in t.claimants}
    assert {c.side for c in t.claimants} == {"", "Ukrainian forces", "Russian forces"}


def test_the_default_is_read_once_and_found_by_name():
    assert default_theatre() is default_theatre() is find_theatre(None)
    assert find_theatre("kursk_border") == load_theatre(DEFAULT_THEATRE)


def test_the_example_theatre_shares_the_sides_and_keeps_claimants_that_apply():
    kharkiv, kursk = load_theatre(EXAMPLE_THEATRE), default_theatre()
    assert kharkiv.sides == kursk.sides
    names = [c.name for c in kharkiv.claimants]
    assert names == [c.name for c in kursk.claimants if c.name in names]
    assert "Kursk Oblast governor" not in names and "Belgorod Oblast governor" in names
    assert kharkiv.view.centre == (49.8, 36.75)


def test_a_theatre_of_our_own_with_side_aliases_and_claimants():
    t = find_theatre(str(TEST_THEATRE))
    assert t.name == "Test front" and t.view == MapView((50.5, 34.0), 7)
    assert t.side_of("Civilian population") == "Civilians" and t.colour_of("Civilian population") == "#ABCDEF"
    assert t.colour_of("Russian forces") == "#111111" and t.colour_of(None) == "#111111"
    [claimant] = t.claimants
    assert (claimant.name, claimant.side, claimant.aliases) == ("Testovo village council", "Civilians",
                                                               ("Testovo council",))
    assert t != default_theatre()


def test_a_theatre_without_a_view_opens_on_the_middle_of_its_box(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("name = 'Box'\nbbox = [40, 20, 42, 24]\n", encoding="utf-8")
    assert load_theatre(path).view == MapView((41.0, 22.0), 8)


_HEAD = "name = 'x'\nbbox = [49, 35, 50, 36]\n"


@pytest.mark.parametrize("body, reason", [
    (_HEAD + "claimant = []\n", "unknown key 'claimant'"),
    (_HEAD + "other_side_colour = 'grey'\n", "'other_side_colour' must be a colour"),
    (_HEAD + "[[sides]]\nname = 'A'\ncolour = '#12345'\n", "'sides[0].colour' must be a colour"),
    (_HEAD + "[[sides]]\ncolour = '#123456'\n", "'sides[0].name' is missing"),
    (_HEAD + "[[sides]]\nname = 'A'\ncolour = '#123456'\n[[sides]]\nname = 'A'\ncolour = '#654321'\n",
     "two sides have the same name"),
    (_HEAD + "sides = 'A'\n", "'sides' must be a list of tables"),
    (_HEAD + "[[claimants]]\nname = 'C'\nside = 'Nobody'\naliases = ['c']\n", "'claimants[0].side' is not one"),
    (_HEAD + "[[claimants]]\nname = 'C'\npatterns = ['(unclosed']\n", "bad regular expression"),
    (_HEAD + "[[claimants]]\nname = 'C'\npatterns = ['x*']\n", "must not match empty text"),
    (_HEAD + "[[claimants]]\nname = 'C'\n", "'claimants[0]' needs aliases or patterns"),
    (_HEAD + "[[claimants]]\nname = 'C'\naliases = 'C'\npatterns = [3]\n", "'claimants[0].patterns' must be"),
    (_HEAD + "[view]\ncentre = [51]\n", "'view.centre' must be a list of 2 numbers"),
    (_HEAD + "[view]\ncentre = [51, 35]\nzoom = 30\n", "'view.zoom' must be a whole number"),
    (_HEAD + "[view]\ncentre = [95, 35]\n", "'view.centre' must be [latitude, longitude]"),
])
def test_a_malformed_theatre_is_one_line_naming_the_file(tmp_path, body, reason):
    path = tmp_path / "bad theatre.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_theatre(path)
    message = str(err.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_an_unknown_theatre_name_lists_the_bundled_ones():
    with pytest.raises(DataFileError) as err:
        find_theatre("atlantis")
    assert "atlantis" in str(err.value) and "kharkiv_front, kursk_border" in str(err.value)
