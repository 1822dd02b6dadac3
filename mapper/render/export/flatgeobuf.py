"""FlatGeobuf: one MultiPoint row per event, in the order given, written by GDAL.

GDAL's FlatGeobuf writer sorts features along a Hilbert curve when it builds the
spatial index; the index is turned off so row ``i`` of the file is event ``i``.
Places and sources of each event are JSON text columns (``locations_json``,
``sources_json``), FlatGeobuf having no nested types::

    >>> write(events, "out/events.fgb")          # doctest: +SKIP
    [PosixPath('out/events.fgb')]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from mapper.model.events import Event
from mapper.exc import OutputError
from mapper.render.export.files import atomic_gdal_path
from mapper.render.export.columns import json_columns, strip_nul
from mapper.render.export.tables import EventTables, event_tables

__all__ = ["write", "LAYER_NAME"]

LAYER_NAME = "events"


def write(events: Sequence[Event], path: str | Path, *, index=..., tables: EventTables | None = None,
          **options) -> list[Path]:
    """Write ``events`` as FlatGeobuf at ``path`` (atomically), keeping their order."""
    import pyogrio

    path = Path(path)
    events = list(events)
    tables = tables or event_tables(events, index=index)
    table = tables.events.table
    for name, values in json_columns(events).items():
        table = table.append_column(name, pa.array(values, type=pa.string()))
    table = table.append_column("geom", tables.events.geometry)
    try:
        with atomic_gdal_path(path) as tmp:
            pyogrio.write_arrow(strip_nul(table), tmp, layer=LAYER_NAME, driver="FlatGeobuf", geometry_name="geom",
                                geometry_type="MultiPoint", crs="EPSG:4326",
                                layer_options={"SPATIAL_INDEX": "NO", "TITLE": "Casualty claims"})
    except OutputError:
        raise
    except Exception as exc:
        raise OutputError(path, f"cannot write FlatGeobuf ({str(exc).splitlines()[0][:160]})") from None
    return [path]
