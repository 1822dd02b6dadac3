"""Theatres from TOML: loading, errors naming the file, and the boundaries they draw."""

import pytest

from gazetteer import Gazetteer
from gazetteer.exc import DataFileError
from gazetteer.theatres import EXAMPLE_THEATRE, boundary_files, default_theatre, load_theatre
from mapper.render.web.basemap import base_layers
from mapper.render.web.webmap import write_map


def test_example_theatre_loads_and_draws_its_own_districts():
    theatre = load_theatre(EXAMPLE_THEATRE)
    assert theatre.countries == {"UA", "RU"} and theatre.admin1_codes == {"UA.07", "RU.09"}
    files = dict(boundary_files(theatre))
    assert files["districts"] == ("osm_ua_kharkivska_raions.geojson.gz", "osm_ru_belgorod_districts.geojson.gz")
    assert [name for name, _ in base_layers(theatre)] == ["Border", "Oblasts", "Districts", "Rivers"]


def test_default_theatre_draws_the_bundled_set():
    files = dict(boundary_files(None))
    assert boundary_files(None) == default_theatre().boundaries
    assert "osm_ru_kursk_districts.geojson.gz" in files["districts"] and files["border"] == ("ne_ru_ua_border.geojson.gz",)


def test_map_of_a_theatre_labels_its_districts(tmp_path):
    html_path = tmp_path / "map.html"
    write_map([], html_path, offline=True, theatre=load_theatre(EXAMPLE_THEATRE))
    html = html_path.read_text(encoding="utf-8")
    assert "Kharkiv Raion" in html and "Sumy Raion" not in html   # the Kharkiv raions, not Sumy's


def test_theatre_changes_resolution(index):
    """Without context, a name shared by places in both theatres goes to the theatre's own."""
    kharkiv = Gazetteer(index, theatre=load_theatre(EXAMPLE_THEATRE))
    kursk = Gazetteer(index)
    a, b = kharkiv.resolve("Vovchansk"), kursk.resolve("Vovchansk")
    assert a.resolved and a.place.admin1 and "Kharkiv" in a.place.admin1
    assert "Kharkiv front" in a.reason and "Kharkiv front" not in b.reason


@pytest.mark.parametrize("body, reason", [
    ("name = 'x'\nbbox = [1, 2, 3]\n", "'bbox' must be a list of 4 numbers"),
    ("name = 'x'\nbbox = [50, 40, 49, 41]\n", "south < north"),
    ("bbox = [49, 35, 50, 36]\n", "'name' is missing"),
    ("name = 'x'\nbbox = [49, 35, 50, 36]\ncountries = ['Ukraine']\n", "two-letter"),
    ("name = 'x'\nbbox = [49, 35, 50, 36]\n[boundaries]\nroads = 'a.geojson'\n", "unknown boundary layer 'roads'"),
    ("name = 'x'\nbbox = [49, 35, 50, 36]\n[boundaries]\nborder = 'missing.geojson'\n", "no such file: missing.geojson"),
    ("name = [\n", "not a theatre TOML file"),
    ("name = 'x'\nbbox = [49, 35, 50, 36]\n[[claimants]]\nname = 'G'\npatterns = ['G']\n[[claimants.holders]]\n"
     "name = 'P'\nstart = 'May 2024'\n", "start and end must be dates"),
    ("name = 'x'\nbbox = [49, 35, 50, 36]\n[[claimants]]\nname = 'G'\npatterns = ['G']\n[[claimants.holders]]\n"
     "name = 'P'\npatterns = ['(?P<x>P)']\n", "must not match empty text or name groups"),
])
def test_bad_theatre_files_name_the_file_and_the_reason(tmp_path, body, reason):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_theatre(path)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_theatre_boundary_may_be_a_users_file(tmp_path):
    import geopandas
    from shapely.geometry import box

    own = tmp_path / "area.gpkg"
    geopandas.GeoDataFrame({"name": ["Test area"]}, geometry=[box(36, 49.5, 37, 50)], crs="EPSG:4326").to_file(own)
    path = tmp_path / "t.toml"
    path.write_text("name = 'Mine'\nbbox = [49, 35, 51, 38]\n[boundaries]\ndistricts = 'area.gpkg'\n", encoding="utf-8")
    theatre = load_theatre(path)
    layers = dict(base_layers(theatre))
    assert list(layers) == ["Districts"]


def test_claimant_offices_regions_and_holders_are_read(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("name = 'x'\nbbox = [49, 35, 50, 36]\n[[claimants]]\nname = 'Test governor'\noffice = 'governor'\n"
                    "regions = ['Testovo']\npatterns = ['Test governor']\n[[claimants.holders]]\nname = 'A'\n"
                    "patterns = ['Ann']\nend = '2024-05-15'\n[[claimants.holders]]\nname = 'B'\nstart = '2024-05-15'\n",
                    encoding="utf-8")
    [claimant] = load_theatre(path).claimants
    assert claimant.office == "governor" and claimant.regions == ("Testovo",) and not claimant.needs_verb
    assert [(h.name, h.patterns, h.start, h.end) for h in claimant.holders] == [
        ("A", ("Ann",), "", "2024-05-15"), ("B", (), "2024-05-15", "")]
