"""ESRI Shapefile, for tools that take nothing else: the ``events`` layer with 10-character names.

dBASE field names hold at most 10 characters, so every column is renamed by
the explicit map :data:`SHAPEFILE_FIELDS` (never by GDAL's automatic
truncation, which can differ between versions); a ``.cpg`` file declares UTF-8.
Text fields hold at most 254 bytes: longer text (quotes, place lists) is cut at
a character boundary before writing, so what is lost is predictable. Places and
sources of each event, which do not fit, are left to the other formats::

    >>> SHAPEFILE_FIELDS["killed_or_wounded"], SHAPEFILE_FIELDS["number_of_sources"]
    ('kill_wound', 'n_sources')
    >>> fit_dbf_text("Плёхово" * 40)[-3:], len(fit_dbf_text("Плёхово" * 40).encode())
    ('воП', 254)
    >>> write(events, "out/events.shp")      # doctest: +SKIP
    [PosixPath('out/events.shp'), PosixPath('out/events.shx'), PosixPath('out/events.dbf'), ...]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from mapper.model.events import Event
from mapper.model.fields import shapefile_names
from mapper.exc import OutputError
from mapper.render.export.files import atomic_file_set
from mapper.render.export.columns import strip_nul
from mapper.render.export.tables import LAYER_COLUMNS, EventTables, event_tables

__all__ = ["write", "SHAPEFILE_FIELDS", "DBF_TEXT_BYTES", "SUFFIXES", "fit_dbf_text"]

#: Column of the ``events`` layer -> dBASE field name (at most 10 characters), from the field table.
SHAPEFILE_FIELDS = shapefile_names()
#: Longest text a dBASE character field holds, in bytes (UTF-8 here).
DBF_TEXT_BYTES = 254
#: Files of one Shapefile, the ``.shp`` written last.
SUFFIXES = (".shp", ".shx", ".dbf", ".prj", ".cpg")

assert set(SHAPEFILE_FIELDS) == {c for c, _ in LAYER_COLUMNS["events"]}
assert all(len(v) <= 10 for v in SHAPEFILE_FIELDS.values()) and len(set(SHAPEFILE_FIELDS.values())) == len(
    SHAPEFILE_FIELDS)


def fit_dbf_text(text: str | None, limit: int = DBF_TEXT_BYTES) -> str | None:
    """``text`` cut to at most ``limit`` UTF-8 bytes without splitting a character."""
    if text is None:
        return None
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def shapefile_table(tables: EventTables) -> pa.Table:
    """The events table renamed by :data:`SHAPEFILE_FIELDS`, text cut to fit, geometry as ``geom``."""
    columns, names = [], []
    for name, kind in LAYER_COLUMNS["events"]:
        column = tables.events.table[name]
        if kind == "str":
            column = pa.array([fit_dbf_text(v) for v in column.to_pylist()], type=pa.string())
        columns.append(column)
        names.append(SHAPEFILE_FIELDS[name])
    columns.append(tables.events.geometry)
    names.append("geom")
    return strip_nul(pa.table(columns, names=names))


def write(events: Sequence[Event], path: str | Path, *, index=..., tables: EventTables | None = None,
          **options) -> list[Path]:
    """Write ``events`` as a Shapefile at ``path`` (``.shp`` plus ``.shx``, ``.dbf``, ``.prj``, ``.cpg``)."""
    import pyogrio

    path = Path(path)
    if path.suffix.lower() != ".shp":
        raise OutputError(path, "a Shapefile path must end in .shp")
    tables = tables or event_tables(events, index=None)
    table = shapefile_table(tables)
    try:
        with atomic_file_set(path, SUFFIXES) as tmp:
            pyogrio.write_arrow(table, tmp, layer=path.stem, driver="ESRI Shapefile", geometry_name="geom",
                                geometry_type="MultiPoint", crs="EPSG:4326", layer_options={"ENCODING": "UTF-8"})
    except OutputError:
        raise
    except Exception as exc:
        raise OutputError(path, f"cannot write Shapefile ({str(exc).splitlines()[0][:160]})") from None
    return [path.with_suffix(s) for s in SUFFIXES]
