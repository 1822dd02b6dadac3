"""The export tables' fast paths give exactly what the plain, value-by-value conversion gives.

``struct_columns`` converts each event's ``__dict__`` in one pyarrow pass, and the ``sources``
table takes a vectorised path for records as ``extract`` writes them; both are checked here
against a naive reference built attribute by attribute and record by record.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from mapper.model.events import Event, EventLocation
from mapper.render.export.schema import ARROW_TYPES, LAYER_COLUMNS, struct_columns
from mapper.model.source import as_source
from mapper.render.export.source_table import _careful_columns, _standard_columns, sources_table
from mapper.render.export.tables import event_tables

from export_helpers import sample_events


@pytest.fixture(scope="module")
def events(gazetteer, index):
    return sample_events(gazetteer, index)


def _reference_column(objects, name, kind):
    return pa.array([getattr(o, name) for o in objects], type=ARROW_TYPES[kind])


def test_event_columns_equal_the_attribute_by_attribute_conversion(events):
    table = event_tables(events, index=None).events.table
    derived = {"location_names", "place_count", "latitude", "longitude"}
    checked = 0
    for name, kind in LAYER_COLUMNS["events"]:
        if name in derived:
            continue
        assert table[name].combine_chunks().equals(_reference_column(events, name, kind)), name
        checked += 1
    assert checked == len(LAYER_COLUMNS["events"]) - len(derived)


def test_location_columns_equal_the_attribute_by_attribute_conversion(events):
    table = event_tables(events, index=None).event_locations.table
    flat = [loc for ev in events for loc in ev.locations]
    assert table.num_rows == len(flat) > len(events)
    for name, kind in LAYER_COLUMNS["event_locations"]:
        if name in EventLocation.__dataclass_fields__:
            assert table[name].combine_chunks().equals(_reference_column(flat, name, kind)), name


def test_struct_columns_ignore_other_keys_and_null_missing_ones():
    cols = struct_columns([{"a": 1, "b": "x", "points": [(1.0, 2.0)]}, {"b": None}, {}],
                          [("a", "int"), ("b", "str"), ("d", "date")])
    assert cols["a"].to_pylist() == [1, None, None]
    assert cols["b"].to_pylist() == ["x", None, None]
    assert cols["d"].null_count == 3 and cols["d"].type == pa.date32()


def test_struct_columns_refuse_a_value_of_the_wrong_type():
    with pytest.raises(pa.ArrowInvalid):
        struct_columns([{"killed": "three"}], [("killed", "int")])


def test_event_with_a_cached_points_list_converts_the_same(events):
    ev = events[0]
    _ = ev.points  # cached in the instance's __dict__: must not reach the table
    assert "_points" in ev.__dict__
    table = event_tables([ev], index=None).events.table
    assert table.column_names == [c for c, _ in LAYER_COLUMNS["events"]]
    assert table["event_id"].to_pylist() == [ev.event_id]


def _source(published, **extra):
    return {"doc_id": "d", "url": "https://example.org/a", "source_name": "example.org", "published": published,
            "quote": "Two killed.", **extra}


@pytest.mark.parametrize("published", ["2024-11-03", None, "0999-01-31"])
def test_standard_records_take_the_fast_path_with_the_careful_result(published):
    records = [_source(published), _source("2024-02-29")]
    records = [vars(as_source(r)) for r in records]
    fast = _standard_columns(records)
    assert fast is not None
    careful = _careful_columns(records)
    for name in ("doc_id", "url", "source_name", "quote", "published", "extra_json", "record_keys"):
        kind = dict(LAYER_COLUMNS["sources"])[name]
        assert fast[name].equals(pa.array(careful[name], type=ARROW_TYPES[kind])), name


@pytest.mark.parametrize("published", ["2024-02-30", "2024-2-3", "3 Nov 2024", " 2024-11-03", "20241103",
                                       "2024-11-03T10:00"])
def test_a_date_not_written_yyyy_mm_dd_is_kept_as_written(published):
    records = [_source("2024-11-03"), _source(published)]
    assert _standard_columns([vars(as_source(r)) for r in records]) is None
    table = sources_table([Event("e1", "d", sources=tuple(records))])
    assert table["published"].to_pylist() == [dt.date(2024, 11, 3), None]
    assert table["extra_json"].to_pylist()[1] == f'{{"published": "{published}"}}'


@pytest.mark.parametrize("record", [_source("2024-11-03", channel="@x"),
                                    {"url": "u", "doc_id": "d", "source_name": "s", "published": None, "quote": "q"},
                                    {**_source("2024-11-03"), "url": 7}])
def test_other_keys_orders_or_values_go_record_by_record(record):
    assert _standard_columns([vars(as_source(r)) for r in (_source("2024-11-03"), record)]) is None
    table = sources_table([Event("e1", "d", sources=(_source("2024-11-03"), record))])
    assert table.num_rows == 2
    assert table["record_keys"].to_pylist()[1] == '["' + '", "'.join(record) + '"]'
