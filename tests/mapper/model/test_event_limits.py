"""Event records with values no writer can store are refused in one line, never a traceback.

"9223372036854775808 soldiers were killed" had overflowed pyarrow after only the JSON lines and the
GeoJSON were written. Extraction no longer reads such a figure (``tests/mapper/extract/test_casualties.py``);
events files from elsewhere are checked when they are read.
"""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from mapper.model.events import MAX_FIGURE, Event


def record(**changes) -> dict:
    loc = {"mention": "Sudzha", "name": "Sudzha", "latitude": 51.19139, "longitude": 35.27056, "country_code": "RU",
           "admin1": "Kursk Oblast", "admin2": None, "gazetteer_id": "curated:ru-kursk-sudzha", "geo_precision": 1,
           "resolved": True, "reason": ""}
    loc.update(changes.pop("location", {}))
    base = {"event_id": "ev-1", "doc_id": "d", "killed": 5, "casualties_low": 5, "casualties_best": 5,
            "casualties_high": 5, "locations": [loc], "geo_precision": 1}
    base.update(changes)
    return base


@pytest.mark.parametrize("changes,field", [
    ({"killed": 9223372036854775808}, "killed"),
    ({"casualties_high": MAX_FIGURE + 1}, "casualties_high"),
    ({"wounded": -3}, "wounded"),
    ({"killed": 2.5}, "killed"),
    ({"killed": "12"}, "killed"),
    ({"killed": True}, "killed"),
    ({"number_of_sources": 2**40}, "number_of_sources"),
    ({"location": {"latitude": 95.0}}, "latitude"),
    ({"location": {"longitude": float("nan")}}, "longitude"),
    ({"location": {"longitude": float("inf")}}, "longitude"),
])
def test_a_value_no_writer_can_store_is_refused_naming_the_field(changes, field):
    with pytest.raises(ValueError, match=field):
        Event.from_dict(record(**changes))


def test_the_largest_figure_and_integral_floats_are_kept():
    ev = Event.from_dict(record(killed=float(MAX_FIGURE), casualties_best=MAX_FIGURE))
    assert ev.killed == MAX_FIGURE and isinstance(ev.killed, int)


def test_export_and_map_refuse_the_file_in_one_line(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(record()) + "\n" + json.dumps(record(event_id="ev-2", killed=9223372036854775808))
                    + "\n", encoding="utf-8")
    for args in (("export", str(path), "-o", str(tmp_path / "out")), ("map", str(path), "-o", str(tmp_path / "m.html"))):
        proc = run_cli(*args)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        [line] = proc.stderr.splitlines()
        assert line.startswith(f"conflictmap: error: {path}:2: ") and "killed" in line


def test_a_record_without_the_counted_fields_keeps_their_defaults():
    """Checking the figures and counts must not blank the ones a record leaves out."""
    ev = Event.from_dict({"event_id": "e", "doc_id": "d"})
    assert ev.number_of_sources == 1 and ev.killed is None and ev.quote_start is None
