"""``--theatre NAME|FILE`` on every command that resolves places or draws a map, and what it changes."""

import json
from pathlib import Path

import pytest

from mapper.cli.commands import build_parser, main
from mapper.render.export.kml import kml_colour

TEST_THEATRE = Path(__file__).resolve().parents[2] / "data" / "theatres" / "test_front.toml"
REPORT = "Three civilians were killed in Sudzha on Sunday, the Testovo council said."


@pytest.mark.parametrize("argv", [
    ["geocode", "Sudzha"], ["extract", "r.txt"], ["geoparse", "r.txt"], ["map", "e.jsonl", "-o", "m.html"],
    ["export", "e.jsonl", "-o", "out"], ["brief", "e.jsonl", "-o", "b.pptx"], ["run"],
])
def test_every_place_or_map_command_takes_a_theatre(argv):
    assert build_parser().parse_args(argv + ["--theatre", "kharkiv_front"]).theatre.name == "Kharkiv front"
    assert build_parser().parse_args(argv + ["--theatre", str(TEST_THEATRE)]).theatre.name == "Test front"
    assert build_parser().parse_args(argv).theatre is None


def test_a_bad_theatre_is_a_usage_error_naming_it(tmp_path, capsys):
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(SystemExit) as stop:
        main(["geocode", "Sudzha", "--theatre", str(missing)])
    assert stop.value.code == 2
    assert f"{missing}: no such file" in capsys.readouterr().err


def test_extract_uses_the_theatres_claimants(tmp_path, gazetteer):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(report), "--published", "2024-12-16", "-o", str(out), "--theatre",
                 str(TEST_THEATRE)]) == 0
    [event] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert event["claimed_by"] == "Testovo village council"
    assert main(["extract", str(report), "--published", "2024-12-16", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["claimed_by"] == ""


def test_run_draws_and_exports_in_the_theatres_colours(tmp_path, gazetteer):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(report), "-o", str(out), "--published", "2024-12-16", "--no-pdf", "-q",
                 "--theatre", str(TEST_THEATRE)]) == 0
    assert "#ABCDEF" in (out / "map.html").read_text(encoding="utf-8")
    assert kml_colour("#ABCDEF") in (out / "events.kml").read_text(encoding="utf-8")
    [event] = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert event["claimed_by"] == "Testovo village council"
