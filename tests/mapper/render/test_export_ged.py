"""The UCDP GED-style CSV (``--to ged``): GED's columns in codebook order, deaths on the side that suffered them."""

from __future__ import annotations

import csv
import datetime as dt
import io

from mapper.model.events import Event, EventLocation
from mapper.render.export import export_events
from mapper.render.export.csv_ged import GED_COLUMNS

CODEBOOK_START = ("id", "relid", "year", "active_year", "code_status", "type_of_violence")
CODEBOOK_END = ("date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
                "high", "low", "gwnoa", "gwnob")


def _event(event_id: str, actor: str, **changes) -> Event:
    place = EventLocation("Kupiansk", "Kupiansk", 49.71, 37.61, "UA", "Kharkiv Oblast", "Kupiansk Raion", None, 1,
                          True, "")
    record = dict(event_id=event_id, doc_id="d", event_date=dt.date(2025, 6, 2), event_date_end=dt.date(2025, 6, 4),
                  date_precision=2, killed=4, actor=actor, claimed_by="Kharkiv Oblast governor", locations=(place,),
                  geo_precision=1, source_name="Wire One", published=dt.date(2025, 6, 5),
                  source_quote="Four people were killed in shelling.")
    record.update(changes)
    return Event(**record)


def _rows(tmp_path, events) -> list[dict]:
    result = export_events(events, tmp_path, ["csv", "ged"])
    assert result.ok and [p.name for p in result.written] == ["events.csv", "events.ged.csv"]
    raw = (tmp_path / "events.ged.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def test_ged_columns_in_codebook_order(tmp_path):
    _rows(tmp_path, [_event("e1", "Civilians")])
    header = (tmp_path / "events.ged.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header) == GED_COLUMNS and len(GED_COLUMNS) == 49
    assert tuple(header[:6]) == CODEBOOK_START and tuple(header[-11:]) == CODEBOOK_END


def test_deaths_go_to_the_side_that_suffered_them(tmp_path):
    rows = _rows(tmp_path, [_event("civ", "Civilians"), _event("ru", "Russian forces"),
                            _event("ua", "Ukrainian forces", killed=None), _event("x", "Unknown gunmen")])
    got = {r["id"]: (r["deaths_a"], r["deaths_b"], r["deaths_civilians"], r["deaths_unknown"], r["best"]) for r in rows}
    assert got == {"civ": ("0", "0", "4", "0", "4"), "ru": ("4", "0", "0", "0", "4"),
                   "ua": ("0", "0", "0", "0", "0"), "x": ("0", "0", "0", "4", "4")}
    civ, unknown = rows[0], rows[3]
    assert (civ["type_of_violence"], civ["side_a"], civ["side_b"]) == (
        "1", "Government of Russia (Soviet Union)", "Government of Ukraine")
    assert (unknown["type_of_violence"], unknown["side_a"], unknown["gwnoa"]) == ("", "", "")


def test_place_date_and_source_codes(tmp_path):
    (row,) = _rows(tmp_path, [_event("e1", "Civilians")])
    assert (row["country"], row["country_id"], row["adm_1"], row["where_coordinates"], row["where_prec"]) == (
        "Ukraine", "369", "Kharkiv Oblast", "Kupiansk", "1")
    assert (row["date_start"], row["date_end"], row["date_prec"]) == ("2025-06-02", "2025-06-04", "2")
    assert (row["source_office"], row["source_original"], row["source_date"]) == (
        "Wire One", "Kharkiv Oblast governor", "2025-06-05")
    assert row["priogrid_gid"] == str(279 * 720 + 435 + 1) and row["geom_wkt"] == "POINT (37.61 49.71)"


def test_the_ged_file_reads_back_as_a_ged_export(tmp_path):
    from mapper.render.export import read_any_events

    _rows(tmp_path, [_event("civ", "Civilians"), _event("ru", "Russian forces", killed=9)])
    back = read_any_events(tmp_path / "events.ged.csv")
    assert [(ev.event_id, ev.killed, ev.event_date) for ev in back] == [
        ("civ", 4, dt.date(2025, 6, 2)), ("ru", 9, dt.date(2025, 6, 2))]
    assert back[0].actor == "Civilians" and back[0].locations[0].latitude == 49.71


def test_ged_sides_read_back_as_the_sides_written(tmp_path):
    from mapper.render.export import read_any_events

    sides = ["Civilians", "Russian forces", "Ukrainian forces", "Unknown gunmen", "North Korean forces"]
    _rows(tmp_path, [_event(f"e{i}", side) for i, side in enumerate(sides)])
    back = [ev.actor for ev in read_any_events(tmp_path / "events.ged.csv")]
    # GED counts North Korea's dead on side_a, the Russian government's side (docs/EXPORT.md); an unknown
    # side's deaths are deaths_unknown: no side is read back.
    assert back == ["Civilians", "Russian forces", "Ukrainian forces", "", "Russian forces"]
