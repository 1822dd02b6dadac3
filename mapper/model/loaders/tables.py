"""Any events file as one flat table: its column names, its rows, and each row's geometry.

GIS files (GeoPackage, GeoJSON, FlatGeobuf, Shapefile, KML, GML) are read by GDAL through
pyogrio and reprojected to WGS 84 when their CRS is another; GeoParquet and Parquet by
pyarrow/geopandas; CSV and other delimited text with Python's ``csv`` (UTF-8 with or without
a byte-order mark; the separator, ``,`` ``;`` tab or ``|``, is the one the header line uses
most); JSON Lines and JSON arrays of flat objects by ``json``::

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "deaths.csv"
    >>> _ = path.write_text("\\ufeffPlace;Deaths;Y;X\\nSudzha;3;51,19;35,27\\n", encoding="utf-8")
    >>> table = read_table(path)
    >>> table.columns, table.rows[0]["Deaths"], table.geometries
    (['Place', 'Deaths', 'Y', 'X'], '3', None)
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from mapper.exc import InputError

__all__ = ["Table", "read_table", "GIS_SUFFIXES", "head_of"]

#: Suffixes GDAL reads for us (a ``.json`` file is read as GeoJSON when it is a FeatureCollection).
GIS_SUFFIXES = (".gpkg", ".geojson", ".fgb", ".shp", ".kml", ".gml", ".gpx", ".geojsonl", ".geojsons", ".sqlite")
_SEPARATORS = (",", ";", "\t", "|")


@dataclass
class Table:
    """A file's rows as dicts (column -> value, ``None`` for an empty cell), in the file's order.

    ``geometries``: a shapely geometry (or ``None``) per row for a GIS file, ``None`` for a table
    without geometry; ``frame``: the GeoDataFrame GDAL read, when it did; ``first_row``: the file's
    line number (or feature number) of ``rows[0]``, for messages.
    """

    path: Path
    columns: list[str]
    rows: list[dict]
    geometries: list | None = None
    frame: object = None
    first_row: int = 1
    kind: str = "table"
    nested: dict = field(default_factory=dict)

    def where(self, i: int) -> str:
        """The name of row ``i`` in messages ("line 3", "feature 2")."""
        return f"{'line' if self.kind == 'csv' else 'row'} {i + self.first_row}"


def head_of(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of the file (``InputError`` when it cannot be opened)."""
    if path.is_dir():
        raise InputError(path, "is a folder, not an events file")
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None


def read_table(path: str | Path, head: bytes | None = None) -> Table:
    """The table of the file at ``path`` (``InputError``: one line naming the file, when it is none)."""
    path = Path(path)
    head = head_of(path) if head is None else head
    suffix = path.suffix.lower()
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PAR1") or suffix == ".parquet":
        return _read_parquet(path)
    if head.startswith((b"SQLite format 3\x00", b"fgb\x03")) or suffix in GIS_SUFFIXES \
            or (stripped.startswith(b"{") and b"FeatureCollection" in head) or stripped.startswith(b"<"):
        return _read_layer(path)
    if stripped.startswith((b"{", b"[")):
        return _read_json(path)
    return _read_csv(path)


def _decoded(path: Path) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            return f.read()
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None


def _separator(header: str) -> str:
    """The separator the header line uses most, outside quotes (``,`` when it has none)."""
    outside = "".join(part for i, part in enumerate(header.split('"')) if i % 2 == 0)
    counts = {sep: outside.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(path: Path) -> Table:
    text = _decoded(path)
    if not text.strip():
        raise InputError(path, "empty file")
    header_line = text.split("\n", 1)[0]
    try:
        reader = csv.reader(io.StringIO(text), delimiter=_separator(header_line), strict=True)
        header = [h.strip() for h in next(reader)]
        rows = [row for row in reader]
    except csv.Error as exc:
        raise InputError(path, f"not a readable CSV ({exc})") from None
    _unique(path, header)
    out = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        cells = row + [""] * (len(header) - len(row))
        out.append({name: (cell if cell.strip() else None) for name, cell in zip(header, cells)})
    return Table(path, header, out, kind="csv", first_row=2)


def _unique(path: Path, header: list[str]) -> None:
    seen = set()
    for name in header:
        if name in seen:
            raise InputError(path, f"the column {name!r} appears twice in the header")
        seen.add(name)


def _read_json(path: Path) -> Table:
    """JSON Lines, or one JSON array, of flat objects (nested values are kept as they are)."""
    text = _decoded(path)
    try:
        if text.lstrip().startswith("["):
            records = json.loads(text)
        else:
            records = [json.loads(line) for line in text.split("\n") if line.strip()]
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(path, "not a list of JSON objects")
    columns = list(dict.fromkeys(key for record in records for key in record))
    return Table(path, columns, [{c: r.get(c) for c in columns} for r in records], kind="json")


def _read_layer(path: Path) -> Table:
    import warnings

    import pyogrio

    try:
        with warnings.catch_warnings():  # GDAL's warnings are no lines of ours: the error below says it
            warnings.simplefilter("ignore")
            layers = pyogrio.list_layers(path)
            layer = _point_layer(layers)
            frame = pyogrio.read_dataframe(path, layer=layer)
    except Exception as exc:  # GDAL's message names what is wrong with the file
        raise InputError(path, f"not a readable GIS file ({str(exc).splitlines()[0][:160]})") from None
    return table_of_frame(path, frame)


def _point_layer(layers) -> str | None:
    """The first layer with point geometries (or the first with any geometry, or the first) of a file."""
    names = [(str(name), str(kind or "")) for name, kind in layers]
    for want in (lambda k: "Point" in k, lambda k: k not in ("", "None")):
        for name, kind in names:
            if want(kind):
                return name
    return names[0][0] if names else None


def table_of_frame(path: Path, frame) -> Table:
    """A (Geo)DataFrame as a :class:`Table`; a CRS other than WGS 84 is reprojected to it."""
    geometries = None
    geometry_name = getattr(frame, "_geometry_column_name", None)
    if geometry_name is not None and geometry_name in frame.columns:
        if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
            try:
                frame = frame.to_crs("EPSG:4326")
            except Exception as exc:  # an unknown or broken CRS
                raise InputError(path, f"cannot reproject to WGS 84 ({str(exc).splitlines()[0][:120]})") from None
        geometries = list(frame.geometry)
        attributes = frame.drop(columns=geometry_name)
    else:
        attributes = frame
    columns = [str(c) for c in attributes.columns]
    _unique(path, columns)
    plain = attributes.astype(object).where(attributes.notna(), None)
    rows = [{c: _python(v) for c, v in zip(columns, values)} for values in plain.itertuples(index=False, name=None)]
    return Table(path, columns, rows, geometries, frame, kind="layer")


def _python(value):
    """numpy scalars as Python values; lists and arrays (nested Parquet values) as lists."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    return value


def _read_parquet(path: Path) -> Table:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
        if b"geo" in (schema.metadata or {}):
            import geopandas

            frame = geopandas.read_parquet(path)
        else:
            frame = pq.read_table(path).to_pandas()
    except Exception as exc:  # pyarrow's message names what is wrong with the file
        raise InputError(path, f"not a readable Parquet file ({str(exc).splitlines()[0][:160]})") from None
    table = table_of_frame(path, frame)
    table.kind = "parquet"
    return table
