"""``conflictmap export`` as a user runs it: files, the event store, exit codes and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO, run_cli

from mapper.render.export import DEFAULT_FORMATS, EXPORTERS, read_any_events
from mapper.assemble.merge import merge_events

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
CORPUS = REPO / "tests" / "data" / "reports"

# Until mapper/cli/commands.py registers the subcommand, run it through the same parser class and register().
_STANDALONE = """
import sys
from mapper.cli.commands import _Parser
from mapper.cli import export as cli_export
parser = _Parser(prog="conflictmap")
sub = parser.add_subparsers(dest="command", parser_class=_Parser)
cli_export.register(sub)
args = parser.parse_args(sys.argv[1:])
sys.exit(args.func(args))
"""


def _wired() -> bool:
    from mapper.cli.commands import build_parser

    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    return "export" in sub.choices


def run_export(*args: str) -> subprocess.CompletedProcess:
    if _wired():
        return run_cli("export", *map(str, args))
    return subprocess.run([sys.executable, "-c", _STANDALONE, "export", *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=REPO, env=dict(os.environ))


@pytest.fixture(scope="module")
def seed_jsonl(index, tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "seed.jsonl"
    done = run_cli("extract", str(SEED), "--published", "2024-12-16", "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def corpus_geojson(index, tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "corpus.geojson"
    reports = sorted(str(p) for p in CORPUS.glob("[0-9]*.txt"))
    done = run_cli("extract", *reports, "--published", "2024-12-16", "--format", "geojson", "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path


def test_export_writes_every_requested_format(seed_jsonl, tmp_path):
    done = run_export(seed_jsonl, "--to", "gpkg,geojson,kml,fgb,parquet,csv,shp", "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(["events.gpkg", "events.geojson", "events.kml", "events.fgb", "events.parquet",
                            "events.csv", "events.shp", "events.shx", "events.dbf", "events.prj", "events.cpg"])
    assert f"wrote {tmp_path / 'out' / 'events.kml'}" in done.stderr
    assert read_any_events(tmp_path / "out" / "events.gpkg") == read_any_events(seed_jsonl)


def test_default_formats_leave_out_the_shapefile(seed_jsonl, tmp_path):
    done = run_export(seed_jsonl, "-o", tmp_path, "--name", "kursk")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"kursk{EXPORTERS[f].suffix}" for f in DEFAULT_FORMATS)


def test_store_accumulates_across_runs_and_exports_like_any_events_file(seed_jsonl, corpus_geojson, tmp_path):
    store = tmp_path / "all_events.gpkg"
    first = run_export(seed_jsonl, "--store", store)
    assert first.returncode == 0, first.stderr
    assert "2 added" in first.stderr and "2 events in the store" in first.stderr
    again = run_export(seed_jsonl, "--store", store)
    assert "0 added" in again.stderr and "2 already stored" in again.stderr
    corpus = read_any_events(corpus_geojson)
    third = run_export(corpus_geojson, "--store", store)
    assert third.returncode == 0, third.stderr
    stored = read_any_events(store)
    # the same events extract gives for all reports at once: duplicates across runs merged by its rule
    together = merge_events(read_any_events(seed_jsonl) + corpus)
    assert sorted(ev.event_id for ev in stored) == sorted(ev.event_id for ev in together)
    assert sum(ev.number_of_sources for ev in stored) == sum(ev.number_of_sources for ev in together)
    # the store is an EVENTS file like any other
    done = run_export(store, "--to", "kml,csv", "-o", tmp_path / "from_store")
    assert done.returncode == 0, done.stderr
    kml = (tmp_path / "from_store" / "events.kml").read_text(encoding="utf-8")
    assert kml.count("<Placemark") == len(stored)


@pytest.mark.parametrize("args, message", [
    (["--to", "gpkg,xls", "-o", "out"], "unknown format 'xls'"),
    ([], "give -o DIR"),
    (["--to", "kml"], "--to needs -o DIR"),
])
def test_usage_errors_exit_2(seed_jsonl, tmp_path, args, message):
    done = run_export(seed_jsonl, *[str(tmp_path / a) if a == "out" else a for a in args])
    assert done.returncode == 2 and message in done.stderr
    assert "Traceback" not in done.stderr


def test_unreadable_events_exit_1_with_one_line(tmp_path):
    garbage = tmp_path / "events.jsonl"
    garbage.write_text("this is not json\n")
    not_ours = tmp_path / "roads.gpkg"  # a GeoPackage of another tool is read as a point layer: lines are refused
    import geopandas
    from shapely.geometry import LineString

    geopandas.GeoDataFrame({"name": ["x"]}, geometry=[LineString([(35.3, 51.1), (35.4, 51.2)])],
                           crs="EPSG:4326").to_file(not_ours)
    for path, reason in ((tmp_path / "missing.jsonl", "no such file"), (garbage, "not an event record"),
                         (not_ours, "a LineString geometry: only points are mapped")):
        done = run_export(path, "-o", tmp_path / "out")
        assert done.returncode == 1, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0], done.stderr
    assert not (tmp_path / "out").exists()


def test_unwritable_output_exits_1_and_names_the_file(seed_jsonl, tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder")
    done = run_export(seed_jsonl, "--to", "csv,geojson", "-o", blocker)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert str(blocker / "events.csv") in done.stderr and str(blocker / "events.geojson") in done.stderr


def test_excel_gives_the_csv_a_byte_order_mark(seed_jsonl, tmp_path):
    plain = run_export(seed_jsonl, "--to", "csv", "-o", tmp_path / "plain")
    excel = run_export(seed_jsonl, "--to", "csv", "--excel", "-o", tmp_path / "excel")
    assert plain.returncode == 0 and excel.returncode == 0, plain.stderr + excel.stderr
    assert (tmp_path / "plain" / "events.csv").read_bytes().startswith(b"event_id_cnty,")
    assert (tmp_path / "excel" / "events.csv").read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,")
