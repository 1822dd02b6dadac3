"""The ``conflictmap`` command line, run as a user runs it (a subprocess)."""

import json

import pytest

from conftest import run_cli
from gazetteer import haversine_km
from spellings import PLEKHOVO_SPELLINGS


@pytest.mark.parametrize("spelling", [*PLEKHOVO_SPELLINGS[:7], "в Плёхове"])
def test_geocode_spellings_reach_plyokhovo(spelling):
    proc = run_cli("geocode", spelling, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["resolved"] and out["country_code"] == "RU" and out["admin1"] == "Kursk Oblast"
    assert haversine_km(out["latitude"], out["longitude"], 51.10, 35.33) <= 2.0


def test_geocode_vorozhba_with_kursk_context_is_unresolved_and_says_why():
    proc = run_cli("geocode", "Vorozhba", "--context",
                   "near the villages of Plekhovo, Vorozhba and Martynovka in Russia's Kursk region",
                   "--format", "json")
    out = json.loads(proc.stdout)
    assert out["resolved"] is False and out["latitude"] is None
    assert "Kursk" in out["reason"]
    assert proc.returncode == 1


def test_geocode_vorozhba_in_sumy_oblast():
    proc = run_cli("geocode", "Vorozhba", "--context", "a strike on Vorozhba in Sumy Oblast", "--format", "json")
    out = json.loads(proc.stdout)
    assert proc.returncode == 0
    assert haversine_km(out["latitude"], out["longitude"], 51.17, 34.23) <= 2.0
    assert out["alternatives"], "the Sumy-raion village should be listed as runner-up"


def test_geocode_martynovka_kursk_region():
    out = json.loads(run_cli("geocode", "Martynovka", "--context", "Kursk region", "--format", "json").stdout)
    assert haversine_km(out["latitude"], out["longitude"], 51.24, 35.37) <= 2.0
    assert out["geo_precision"] == 1 and out["gazetteer_id"].startswith("curated:")


def test_geocode_text_output_and_all_candidates():
    proc = run_cli("geocode", "Vorozhba", "--context", "Kursk region", "--all")
    assert proc.returncode == 1
    assert proc.stdout.startswith("unresolved: Vorozhba:")
    assert proc.stdout.count("ruled out") == 2


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_is_a_usage_error_without_traceback(query):
    proc = run_cli("geocode", query)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "empty place name" in proc.stderr


def test_missing_argument_is_a_usage_error():
    proc = run_cli("geocode")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_gazetteer_info_names_the_index_and_sources():
    proc = run_cli("gazetteer", "info", "--format", "json")
    assert proc.returncode == 0
    info = json.loads(proc.stdout)
    assert info["index_path"].endswith(".sqlite") and info["places"] > 30_000
    kinds = {s["kind"] for s in info["sources"]}
    assert {"curated", "geonames", "osm_settlements"} <= kinds


def test_import_of_missing_and_non_gazetteer_files(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("just some words\nnothing tabular\n")
    proc = run_cli("gazetteer", "import", str(tmp_path / "missing.zip"), str(junk),
                   env={"CONFLICTMAP_CACHE_DIR": str(tmp_path / "cache-not-built")})
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and "missing.zip: no such file" in lines[0] and "notes.txt" in lines[1]
    assert "Traceback" not in proc.stderr


def test_python_dash_m_and_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("conflictmap ")
