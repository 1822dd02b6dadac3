"""Events read back from a GeoPackage column by column equal those rebuilt row by row.

``read_events_sqlite`` (SQLite columns) and ``events_from_layers`` (GDAL's Arrow columns) make
the objects without calling ``__init__``; ``events_from_rows`` is the plain, row-by-row definition. They
are compared on the exported sample, on a file missing optional columns (an older layout), on
one whose rows are not stored in index order, on NULL texts another tool wrote, and on 3,300
events (enough for the shared-value conversion); a file without ``doc_id`` is refused.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest

from mapper.model.events import Event
from mapper.exc import InputError
from mapper.render.export.gpkg_rows import register_gpkg_functions
from mapper.render.export.gpkg_read import read_events_gpkg
from mapper.render.export.gpkg_read import read_layers
from mapper.render.export.rebuild import events_from_layers, events_from_rows, read_events_sqlite
from mapper.render.export.tables import LAYER_COLUMNS

from export_helpers import exported_sample, sample_events


@pytest.fixture(scope="module")
def events(gazetteer, index):
    return sample_events(gazetteer, index)


@pytest.fixture
def gpkg(gazetteer, index, tmp_path_factory, tmp_path):
    source = exported_sample(gazetteer, index, tmp_path_factory) / "events.gpkg"
    copy = tmp_path / "events.gpkg"
    shutil.copy(source, copy)
    return copy


def _row_by_row(conn: sqlite3.Connection) -> list[Event]:
    def rows(table: str, order: str) -> list[dict]:
        present = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        wanted = [c for c, _ in LAYER_COLUMNS[table] if c in present]
        cur = conn.execute(f'SELECT {", ".join(wanted)} FROM "{table}" ORDER BY {order}')
        return [dict(zip(wanted, r)) for r in cur]

    return events_from_rows(rows("events", "fid"), rows("event_locations", "event_id, location_index"),
                            rows("sources", "event_id, source_index"))


def _both(path):
    """Events by the column-by-column readers (SQLite's, as the event store reads; GDAL's Arrow
    columns, as ``read_events_gpkg`` reads) after checking they agree, and row by row."""
    conn = sqlite3.connect(path)
    try:
        fast, slow = read_events_sqlite(conn), _row_by_row(conn)
    finally:
        conn.close()
    assert read_events_gpkg(path) == events_from_layers(read_layers(path)) == fast
    return fast, slow


def test_columnar_read_equals_the_row_by_row_rebuild(gpkg, events):
    fast, slow = _both(gpkg)
    assert fast == slow
    assert len(fast) == len(events)
    assert sum(len(ev.locations) for ev in fast) > len(fast)
    assert any(len(ev.sources) > 1 for ev in fast) and any(set(s.keys) - {"doc_id", "url", "source_name", "published",
                                                                      "quote"} for ev in fast for s in ev.sources)


def test_events_made_without_init_behave_as_constructed_ones(gpkg):
    fast, _ = _both(gpkg)
    for ev in fast:
        again = Event(**{f.name: getattr(ev, f.name) for f in dataclasses.fields(Event)})
        assert again == ev
        assert list(again.__dict__) == list(ev.__dict__)
        assert ev.to_dict() == again.to_dict()
        with pytest.raises(dataclasses.FrozenInstanceError):
            ev.killed = 1


def test_missing_optional_columns_take_the_event_defaults(gpkg):
    conn = sqlite3.connect(gpkg)
    for column in ("qualifier", "number_of_sources", "approximate", "quote_end"):
        conn.execute(f'ALTER TABLE events DROP COLUMN "{column}"')
    conn.commit()
    conn.close()
    fast, slow = _both(gpkg)
    assert fast == slow
    assert {ev.qualifier for ev in fast} == {""} and {ev.number_of_sources for ev in fast} == {1}
    assert {ev.approximate for ev in fast} == {False} and {ev.quote_end for ev in fast} == {None}


def test_rows_stored_out_of_index_order_come_back_in_index_order(gpkg, events):
    conn = sqlite3.connect(gpkg)
    register_gpkg_functions(conn)  # GDAL's R-tree triggers on the layer call ST_IsEmpty
    many = next(ev for ev in events if len(ev.locations) >= 3)
    n = len(many.locations)
    conn.execute("UPDATE event_locations SET location_index = ? - 1 - location_index WHERE event_id = ?",
                 (n, many.event_id))
    conn.commit()
    conn.close()
    fast, slow = _both(gpkg)
    assert fast == slow
    got = next(ev for ev in fast if ev.event_id == many.event_id)
    assert [loc.mention for loc in got.locations] == [loc.mention for loc in reversed(many.locations)]


def test_a_large_file_reads_back_as_written(events, index, tmp_path):
    """Thousands of rows: the repeated names, sides and dates take the shared-value conversion."""
    from mapper.render.export.gpkg import write

    clean = [ev for ev in events if "\\u0000" not in json.dumps(ev.to_dict())]  # U+0000 is dropped (tested elsewhere)
    assert 0 < len(clean) < len(events)
    many = [dataclasses.replace(ev, event_id=f"{ev.event_id}-{i}") for i in range(300) for ev in clean]
    assert len(many) >= 1024
    path = tmp_path / "many.gpkg"
    write(many, path, index=index)
    layers = read_layers(path)
    assert layers.locations.num_rows >= 1024 and layers.sources.num_rows >= 1024
    assert read_events_gpkg(path) == many


def test_a_file_without_a_required_column_is_refused_in_one_line(gpkg):
    conn = sqlite3.connect(gpkg)
    conn.execute('ALTER TABLE events DROP COLUMN "doc_id"')
    conn.commit()
    with pytest.raises(LookupError, match="doc_id"):
        read_events_sqlite(conn)
    conn.close()
    with pytest.raises(InputError, match="no doc_id column"):
        read_events_gpkg(gpkg)


def test_null_texts_written_by_another_tool_read_back_as_the_rows_give_them(gpkg):
    conn = sqlite3.connect(gpkg)
    register_gpkg_functions(conn)
    conn.execute("UPDATE events SET qualifier = NULL, actor = NULL WHERE fid = 1")
    conn.execute("UPDATE sources SET quote = NULL WHERE fid = 1")
    conn.commit()
    conn.close()
    fast, slow = _both(gpkg)
    assert fast == slow
    assert fast[0].qualifier is None and fast[0].actor is None
