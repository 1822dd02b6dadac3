"""Loaders: each reads one kind of file and yields :class:`~gazetteer.place.Place` rows.

Every loader shares one signature, ``read_*(path, *, report=None) -> Iterator[Place]``,
streams its file, and counts what it skipped in a :class:`LoadReport` instead of
failing on a bad row. A file that is not of the loader's kind at all raises
:class:`~gazetteer.exc.DumpFormatError`.

:data:`LOADERS` holds the loaders of Places by file kind (the kinds
:func:`detect_kind` names); another package adds one with an entry point in the
group ``conflictmap.gazetteer_loaders`` naming such a function, and its files
are imported with ``PlaceIndex.import_file(path, kind=NAME)``::

    >>> list(LOADERS.builtin)
    ['geonames', 'curated', 'osm_settlements', 'osm_extract', 'settlement_table']

``osm_extract`` (``.osm.pbf``/``.osm`` through GDAL) and ``settlement_table`` (CSV, TSV,
GeoPackage, GeoJSON) take keyword options too: ``bbox`` to clip, ``country``, and for
tables ``columns`` (the column mapping), ``source`` and ``layer``.
"""

from gazetteer.registry import Registry

from gazetteer.loaders.admin_codes import AdminCode, read_admin_codes
from gazetteer.loaders.curated import read_curated
from gazetteer.loaders.geonames import read_alternate_names, read_geonames
from gazetteer.loaders.osm import read_osm_settlements
from gazetteer.loaders.osm_extract import read_osm_extract
from gazetteer.loaders.settlement_table import read_settlement_table
from gazetteer.loaders.report import LoadReport
from gazetteer.loaders.sniff import detect_kind, open_text_lines

#: ``read_*(path, *, report=None) -> Iterator[Place]`` by file kind; plugins from ``conflictmap.gazetteer_loaders``.
LOADERS: Registry = Registry("conflictmap.gazetteer_loaders", "gazetteer loader", check=callable)
LOADERS.register("geonames", read_geonames)
LOADERS.register("curated", read_curated)
LOADERS.register("osm_settlements", read_osm_settlements)
LOADERS.register("osm_extract", read_osm_extract)
LOADERS.register("settlement_table", read_settlement_table)

__all__ = [
    "AdminCode",
    "LOADERS",
    "LoadReport",
    "detect_kind",
    "open_text_lines",
    "read_admin_codes",
    "read_alternate_names",
    "read_curated",
    "read_geonames",
    "read_osm_extract",
    "read_osm_settlements",
    "read_settlement_table",
]
