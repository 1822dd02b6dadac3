"""``map``, ``export`` and ``brief`` on other tools' files: an ACLED export gives a map and files with its points."""

from __future__ import annotations

import json

from conftest import run_cli

from mapper.model.loaders.foreign import ACLED_COLUMNS

_ROWS = [
    ["UKR90101", "14 December 2024", "2024", "1", "Political violence", "Explosions/Remote violence",
     "Air/drone strike", "Military Forces of Russia (2000-)", "", "State forces", "Civilians (Ukraine)", "",
     "Civilians", "State forces-Civilians", "Civilian targeting", "804", "Europe", "Ukraine", "Sumy", "Sumskyi",
     "", "Sumy", "50.9077", "34.7981", "1", "Example Wire", "National", "A drone hit a house; two died.", "2", "",
     "1734567890"],
    ["RUS90102", "2024-12-15", "2024", "1", "Political violence", "Battles", "Armed clash",
     "Military Forces of Ukraine (2019-)", "", "State forces", "Military Forces of Russia (2000-)", "",
     "State forces", "State forces-State forces", "", "643", "Europe", "Russia", "Kursk", "Sudzhanskiy", "",
     "Plekhovo", "51.1043", "35.3312", "1", "Other Wire", "National", "Fighting near the village.", "5", "",
     "1734567891"],
]


def _acled(tmp_path, header=ACLED_COLUMNS):
    path = tmp_path / "acled_export.csv"
    keep = [i for i, name in enumerate(ACLED_COLUMNS) if name in header]
    lines = [",".join(header)] + [",".join(f'"{row[i]}"' for i in keep) for row in _ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_map_of_an_acled_export_draws_its_points(tmp_path):
    out = tmp_path / "map.html"
    done = run_cli("map", str(_acled(tmp_path)), "-o", str(out), "--offline")
    assert done.returncode == 0, done.stderr
    assert "(2 events" in done.stderr
    html = out.read_text(encoding="utf-8")
    assert "34.7981" in html and "35.3312" in html


def test_export_of_an_acled_export_keeps_points_ids_and_figures(tmp_path):
    done = run_cli("export", str(_acled(tmp_path)), "--to", "geojson,gpkg", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    features = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [(f["id"], f["properties"]["killed"], f["geometry"]["coordinates"]) for f in features] == \
        [("UKR90101", 2, [34.7981, 50.9077]), ("RUS90102", 5, [35.3312, 51.1043])]
    assert features[0]["properties"]["sources"][0]["origin"] == "ACLED"
    again = run_cli("export", str(tmp_path / "out" / "events.gpkg"), "--to", "csv", "-o", str(tmp_path / "back"))
    assert again.returncode == 0, again.stderr


def test_an_acled_export_without_fatalities_is_one_line(tmp_path):
    path = _acled(tmp_path, [c for c in ACLED_COLUMNS if c != "fatalities"])
    for command in (["map", str(path), "-o", str(tmp_path / "m.html")],
                    ["export", str(path), "-o", str(tmp_path / "out")]):
        done = run_cli(*command)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 1 and len(lines) == 1, done.stderr
        assert str(path) in lines[0] and "'fatalities'" in lines[0] and "Traceback" not in done.stderr


def test_columns_on_the_command_line(tmp_path):
    path = tmp_path / "casualties.csv"
    path.write_text("\ufeffWhen;Where;Deaths;Y;X\n2024-12-14;Sudzha;3;51,19;35,27\n", encoding="utf-8")
    done = run_cli("export", str(path), "--columns", "date=When,place=Where,killed=Deaths,lat=Y,lon=X",
                   "--to", "geojson", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    (feature,) = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert feature["geometry"]["coordinates"] == [35.27, 51.19] and feature["properties"]["killed"] == 3
    bad = run_cli("export", str(path), "--columns", "killed=Dead", "-o", str(tmp_path / "out2"))
    assert bad.returncode == 1 and "no column 'Dead'" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_brief_of_an_acled_export(tmp_path):
    deck = tmp_path / "briefing.pptx"
    done = run_cli("brief", str(_acled(tmp_path)), "-o", str(deck))
    assert done.returncode == 0, done.stderr
    assert "(9 slides, 2 events)" in done.stderr and deck.stat().st_size > 0  # two places: a chart by place, a slide each
