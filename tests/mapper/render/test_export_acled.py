"""The ACLED-compatible CSV: ACLED's full column set in codebook order, filled from the event, read back with ``csv``."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from mapper.model.events import Event, EventLocation
from mapper.model.source import Source
from mapper.render.export import csv_acled
from mapper.render.export.csv_acled import ACLED_COLUMNS

BOM = b"\xef\xbb\xbf"
NOW = 1_700_000_000

CODEBOOK = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
            "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
            "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
            "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")


def _place(name: str, lat: float, lon: float, country: str, admin1: str, admin2: str) -> EventLocation:
    return EventLocation(name, name, lat, lon, country, admin1, admin2, None, 1, True, "")


def _event(**changes) -> Event:
    record = dict(
        event_id="ev-1", doc_id="doc-1", event_date=dt.date(2025, 3, 4), event_date_end=dt.date(2025, 3, 4),
        date_precision=1, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        killed=3, wounded=5, actor="Ukrainian forces", claimed_by="Russian Ministry of Defence",
        locations=(_place("Vovchansk", 50.29, 36.94, "UA", "Kharkiv Oblast", "Chuhuiv Raion"),
                   _place("Starytsia", 50.23, 36.83, "UA", "Kharkiv Oblast", "Chuhuiv Raion")),
        geo_precision=2, source_name="Daily Wire Service", published=dt.date(2025, 3, 5),
        source_quote="A drone strike killed three soldiers near the river.",
        sources=(Source(doc_id="doc-1", source_name="Daily Wire Service"), Source(doc_id="doc-2", source_name="Radio X")))
    record.update(changes)
    return Event(**record)


def _written(tmp_path, events, **options) -> tuple[bytes, list[dict]]:
    path = tmp_path / "events.csv"
    csv_acled.write(events, path, now=NOW, **options)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig" if raw.startswith(BOM) else "utf-8")
    return raw, list(csv.DictReader(io.StringIO(text, newline="")))


def test_every_acled_column_in_codebook_order(tmp_path):
    raw, _ = _written(tmp_path, [_event()])
    header = next(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert ACLED_COLUMNS == CODEBOOK
    assert tuple(header[:len(CODEBOOK)]) == CODEBOOK
    assert len(header) == len(set(header))  # no column twice


def test_a_full_event_reads_back_as_acled_would_code_it(tmp_path):
    _, (row,) = _written(tmp_path, [_event()])
    assert {k: row[k] for k in CODEBOOK if k not in ("latitude", "longitude")} == {
        "event_id_cnty": "UKRev-1", "event_date": "2025-03-04", "year": "2025", "time_precision": "1",
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Ukraine (2019-)", "assoc_actor_1": "",
        "inter1": "State forces", "actor2": "", "assoc_actor_2": "", "inter2": "", "interaction": "State forces only",
        "civilian_targeting": "", "iso": "804", "region": "Europe", "country": "Ukraine",
        "admin1": "Kharkiv Oblast", "admin2": "Chuhuiv Raion", "admin3": "", "location": "Vovchansk",
        "geo_precision": "2", "source": "Daily Wire Service; Radio X", "source_scale": "",
        "notes": "A drone strike killed three soldiers near the river. (claimed by Russian Ministry of Defence)",
        "fatalities": "3", "tags": "",
        "timestamp": str(int(dt.datetime(2025, 3, 5, tzinfo=dt.timezone.utc).timestamp())),
    }
    assert float(row["latitude"]) == pytest.approx(50.26) and float(row["longitude"]) == pytest.approx(36.885)
    assert row["claimed_by"] == "Russian Ministry of Defence" and row["killed"] == "3"  # our columns follow


def test_no_killed_figure_is_zero_fatalities_and_no_date_is_the_time_of_writing(tmp_path):
    _, (row,) = _written(tmp_path, [_event(killed=None, published=None, cumulative=True)])
    assert row["fatalities"] == "0" and row["killed"] == "" and row["wounded"] == "5"
    assert row["timestamp"] == str(NOW) and row["tags"] == "cumulative total"


def test_civilians_are_civilian_targeting_named_by_the_events_country(tmp_path):
    belgorod = _place("Shebekino", 50.41, 36.89, "RU", "Belgorod Oblast", "Shebekinsky District")
    events = [_event(actor="Civilians"), _event(event_id="ev-2", actor="Civilians", locations=(belgorod,)),
              _event(event_id="ev-3", actor="Russian forces", locations=(belgorod,))]
    _, rows = _written(tmp_path, events)
    assert [(r["actor1"], r["civilian_targeting"], r["iso"], r["country"]) for r in rows] == [
        ("Civilians (Ukraine)", "Civilian targeting", "804", "Ukraine"),
        ("Civilians (Russia)", "Civilian targeting", "643", "Russia"),
        ("Military Forces of Russia (2000-)", "", "643", "Russia")]
    assert rows[0]["inter1"] == "Civilians" and rows[0]["interaction"] == "Civilians only"


def test_an_unplaced_event_has_no_country_nor_place(tmp_path):
    vague = EventLocation("Dovhe", None, None, None, None, None, None, None, None, False, "several places so named")
    _, (row,) = _written(tmp_path, [_event(locations=(vague,), geo_precision=None, actor="")])
    assert (row["iso"], row["country"], row["location"], row["admin1"], row["actor1"]) == ("", "", "", "", "")
    assert row["event_id_cnty"] == "ev-1" and row["geo_precision"] == ""


def test_no_bom_by_default_and_a_bom_for_excel(tmp_path):
    raw, _ = _written(tmp_path, [_event()])
    assert raw.startswith(b"event_id_cnty,")
    raw, (row,) = _written(tmp_path, [_event()], excel=True)
    assert raw.startswith(BOM + b"event_id_cnty,") and row["country"] == "Ukraine"


def test_an_outlet_a_spreadsheet_would_run_is_neutralised(tmp_path):
    _, (row,) = _written(tmp_path, [_event(source_name="=cmd|' /C calc'!A0", sources=(),
                                           source_quote="-5 dead, they said")])
    assert row["source"] == "'=cmd|' /C calc'!A0" and row["notes"].startswith("'-5 dead")


def test_acled_columns_alone_read_back_with_the_sides_written(tmp_path):
    """Only ACLED's columns kept (as another tool would pass the file on): the ACLED reader gives each side again."""
    from mapper.model.loaders import load_events

    sides = ["Russian forces", "Ukrainian forces", "North Korean forces", "Civilians", "Unknown gunmen"]
    _, rows = _written(tmp_path, [_event(event_id=f"ev-{i}", actor=side) for i, side in enumerate(sides)])
    acled_only = tmp_path / "acled_only.csv"
    with open(acled_only, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    back = load_events(acled_only)
    assert [ev.actor for ev in back] == sides
    assert [ev.event_id for ev in back] == [f"UKRev-{i}" for i in range(5)] and back[0].killed == 3


def test_an_acled_row_read_in_is_written_back_with_its_own_coding(tmp_path):
    """actor2 (the attacker ACLED names), admin3 and source_scale of an ACLED row survive a read and a write."""
    from mapper.model.loaders import load_events

    given = {name: "" for name in ACLED_COLUMNS}
    given.update({"event_id_cnty": "UKR777", "event_date": "2025-01-09", "event_type": "Explosions/Remote violence",
                  "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Russia (2000-)",
                  "inter1": "State forces", "actor2": "Civilians (Ukraine)", "inter2": "Civilians",
                  "interaction": "State forces-Civilians", "civilian_targeting": "Civilian targeting",
                  "iso": "804", "country": "Ukraine", "admin1": "Sumy", "admin2": "Shostkynskyi",
                  "admin3": "Seredyno-Budska", "location": "Seredyna-Buda", "latitude": "52.1862",
                  "longitude": "33.9298", "geo_precision": "1", "source": "A Local Paper", "source_scale": "Subnational",
                  "notes": "Shelling killed one resident.", "fatalities": "1"})
    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerow(given)
    (ev,) = load_events(path)
    assert ev.actor == "Civilians"
    _, (row,) = _written(tmp_path, [ev])
    same = ("event_id_cnty", "actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting", "admin1",
            "admin2", "admin3", "location", "source", "source_scale", "fatalities", "event_type", "sub_event_type")
    assert {k: row[k] for k in same} == {k: given[k] for k in same}


def test_source_scale_is_new_media_only_when_every_report_is_a_telegram_post(tmp_path):
    posts = (Source(doc_id="telegram-1001:7", source_name="Sumy OVA"),
             Source(doc_id="web-2", url="https://t.me/sumy_ova/8", source_name="Sumy OVA"))
    mixed = (*posts, Source(doc_id="doc-3", url="https://example.org/a", source_name="Example"))
    _, rows = _written(tmp_path, [_event(sources=posts), _event(event_id="ev-2", sources=mixed),
                                  _event(event_id="ev-3", sources=())])
    assert [r["source_scale"] for r in rows] == ["New media", "", ""]
    assert [r["actor2"] for r in rows] == ["", "", ""] and rows[0]["admin3"] == ""   # never guessed
