"""The field table covers the event record exactly, every column list agrees with it, and
docs/FIELDS.md is the text it generates."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from conftest import REPO

from mapper.model import fields
from mapper.model.events import EVENT_COLUMNS, Event, events_to_geodataframe
from mapper.model.fields import DERIVED, FIELDS, KIND_COLUMN, field_reference, layer_columns, names_of_kind
from mapper.model.source import SOURCE_KEYS, Source
from mapper.render.export import losses
from mapper.render.export.rebuild import _EVENT_TEXT_FIELDS
from mapper.render.export.schema import LAYER_COLUMNS
from mapper.render.export.shapefile import SHAPEFILE_FIELDS


def test_the_table_covers_exactly_the_dataclass_fields_in_order():
    assert list(FIELDS) == [f.name for f in dataclasses.fields(Event)]


def test_each_default_is_the_dataclass_default():
    for spec in dataclasses.fields(Event):
        declared = FIELDS[spec.name].default
        if spec.default is dataclasses.MISSING:
            assert declared is fields._NO_DEFAULT, spec.name
        else:
            assert declared == spec.default, spec.name


def test_each_type_is_the_annotation():
    for spec in dataclasses.fields(Event):
        written = FIELDS[spec.name].type.replace("date", "dt.date").replace("dt.dt.", "dt.")
        assert str(spec.type) in (FIELDS[spec.name].type, written), spec.name


def test_kinds_and_shapefile_names_are_valid():
    names = [f.shapefile for f in (*FIELDS.values(), *DERIVED.values()) if f.shapefile]
    assert all(len(n) <= 10 for n in names) and len(set(names)) == len(names)
    assert {f.kind for f in FIELDS.values()} <= set(KIND_COLUMN)
    for f in (*FIELDS.values(), *DERIVED.values()):
        assert f.formats <= set(fields.FORMATS), f.name
        assert f.description and "\n" not in f.description


def test_every_column_list_is_derived_from_the_table():
    assert LAYER_COLUMNS["events"] == layer_columns()
    assert set(SHAPEFILE_FIELDS) == {c for c, _ in layer_columns()}
    assert SHAPEFILE_FIELDS["quote_start"] == FIELDS["quote_start"].shapefile == "quote_strt"
    assert _EVENT_TEXT_FIELDS == names_of_kind("text")
    assert "quote_start" in EVENT_COLUMNS and "quote_end" in EVENT_COLUMNS
    frame = events_to_geodataframe([Event("e", "d")])
    assert tuple(c for c in frame.columns if c != "geometry") == EVENT_COLUMNS
    assert {c for c in EVENT_COLUMNS if c not in ("locations_json", "sources_json")} == {
        c for c, _ in layer_columns() if "geodataframe" in (FIELDS.get(c) or DERIVED[c]).formats}


def test_the_sources_layer_holds_the_source_fields():
    assert tuple(f.name for f in dataclasses.fields(Source))[:5] == SOURCE_KEYS
    assert [c for c, _ in LAYER_COLUMNS["sources"]][2:7] == list(SOURCE_KEYS)


def test_field_losses_agree_with_the_format_loss_sentences():
    """A format documented as dropping the nested fields is the one the table says lacks them."""
    export_names = {"shapefile": "shp", "kml": "kml"}
    for fmt, key in export_names.items():
        assert set(fields.lost_by(fmt)) == {"locations", "sources"}
        assert {"no_nested", "nested_in_balloon"} & set(losses.FORMAT_LOSSES[key]), fmt
    for fmt in ("jsonl", "geojson", "geodataframe", "gpkg", "parquet", "fgb", "csv"):
        assert fields.lost_by(fmt) == (), fmt


def test_docs_fields_md_is_the_generated_reference():
    committed = (REPO / "docs" / "FIELDS.md").read_text(encoding="utf-8")
    assert committed == field_reference(), "run: python -m mapper.model.fields > docs/FIELDS.md"


def test_the_module_prints_the_reference():
    out = subprocess.run([sys.executable, "-m", "mapper.model.fields"], capture_output=True, text=True, check=True,
                         cwd=REPO).stdout
    assert out == field_reference()
    assert "| `quote_start` |" in out and "kill_wound" in out
