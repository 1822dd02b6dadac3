"""Loaders: each reads one kind of file and yields :class:`~gazetteer.place.Place` rows.

Every loader shares one signature, ``read_*(path, *, report=None) -> Iterator[Place]``,
streams its file, and counts what it skipped in a :class:`LoadReport` instead of
failing on a bad row. A file that is not of the loader's kind at all raises
:class:`~gazetteer.exc.DumpFormatError`.
"""

from gazetteer.loaders.admin_codes import AdminCode, read_admin_codes
from gazetteer.loaders.curated import read_curated
from gazetteer.loaders.geonames import read_alternate_names, read_geonames
from gazetteer.loaders.osm import read_osm_settlements
from gazetteer.loaders.report import LoadReport
from gazetteer.loaders.sniff import detect_kind, open_text_lines

__all__ = [
    "AdminCode",
    "LoadReport",
    "detect_kind",
    "open_text_lines",
    "read_admin_codes",
    "read_alternate_names",
    "read_curated",
    "read_geonames",
    "read_osm_settlements",
]
