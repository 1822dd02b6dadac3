"""`conflictmap run`: the whole job on the bundled sample and on mixed good and bad inputs."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, run_cli
from mapper.pipeline import OUTPUT_NAMES, run_pipeline, summarise

REPORTS = REPO / "tests" / "data" / "reports"


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "outputs"
    proc = run_cli("run", "-o", str(out))
    return proc, out


def test_run_on_the_bundled_sample_writes_every_artefact(sample_run):
    proc, out = sample_run
    assert proc.returncode == 0, proc.stderr
    expected = set(OUTPUT_NAMES) - {"briefing.pdf"}
    assert expected <= {p.name for p in out.iterdir()}
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    kursk = next(e for e in events if e["killed_or_wounded"] == 30)
    assert kursk["actor"] == "North Korean forces" and kursk["event_date"] == "2024-12-14"
    assert {loc["name"] for loc in kursk["locations"] if loc["resolved"]} == {"Plyokhovo", "Martynovka"}


def test_run_prints_the_summary(sample_run):
    proc, out = sample_run
    err = proc.stderr
    assert "reports read: 1" in err and "events: 2" in err
    assert "North Korean forces, per" in err and "killed or wounded 30" in err and "missing 3" in err
    assert "Vorozhba:" in err and "Sumy Oblast" in err            # unresolved, with the reason
    assert str(out / "map.html") in err and str(out / "briefing.pptx") in err


def test_run_goes_on_past_bad_inputs(tmp_path):
    out = tmp_path / "out"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_pipeline([REPORTS / "01_wire_reuters_gur_nk_weekend.txt", empty], out, pdf=False)
    assert [str(e) for e in result.errors] == [f"{empty}: empty file"]
    assert result.documents == 1 and result.events and not result.ok
    assert (out / "events.gpkg").exists() and (out / "map.html").exists()
    lines = summarise(result)
    assert lines[0] == "reports read: 1 (1 failed)"


def test_run_exit_code_is_1_when_an_input_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run_cli("run", str(REPORTS / "01_wire_reuters_gur_nk_weekend.txt"), str(empty), "-o",
                   str(tmp_path / "out"), "--no-pdf", "--quiet")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"conflictmap: error: {empty}: empty file"]


def test_run_with_a_theatre_file_ranks_and_draws_by_it(tmp_path):
    from gazetteer.theatres import EXAMPLE_THEATRE

    report = tmp_path / "r.txt"
    report.write_text("Two civilians were killed by shelling in Vovchansk on Saturday, officials said.",
                      encoding="utf-8")
    result = run_pipeline([report], tmp_path / "out", published=None, pdf=False, theatre=EXAMPLE_THEATRE)
    [event] = result.events
    [loc] = event.locations
    assert loc.resolved and "Kharkiv" in (loc.admin1 or "") and "Kharkiv front" in loc.reason
    assert "Kharkiv Raion" in (tmp_path / "out" / "map.html").read_text(encoding="utf-8")


def test_a_run_where_every_input_fails_leaves_earlier_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.jsonl").write_text("earlier\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_pipeline([empty], out, pdf=False)
    assert not result.ok and result.written == []
    assert [p.name for p in out.iterdir()] == ["events.jsonl"]
    assert (out / "events.jsonl").read_text(encoding="utf-8") == "earlier\n"


def test_run_labels_the_maps_in_the_script_asked(tmp_path):
    def label(name):  # a settlement label as the page's label rows hold it (JSON, ASCII escapes)
        return (json.dumps(name) + ", ").lower()

    def page(out):
        html = (out / "map.html").read_text(encoding="utf-8")
        return html.encode("ascii", "backslashreplace").decode("ascii").lower()

    result = run_pipeline(None, tmp_path / "uk", pdf=False, labels="uk")
    latin = run_pipeline(None, tmp_path / "latin", pdf=False)
    assert result.ok and latin.ok
    assert label("Суджа") in page(tmp_path / "uk") and label("Sudzha") not in page(tmp_path / "uk")
    assert label("Sudzha") in page(tmp_path / "latin") and label("Суджа") not in page(tmp_path / "latin")
    assert (tmp_path / "uk" / "events.kmz").stat().st_size > 0   # the offline KMZ beside the KML
