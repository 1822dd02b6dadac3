"""Read the OpenStreetMap settlements TSV (``ua_settlements_osm.tsv``).

Points are OSM's point-on-surface of settlement polygons, with ``name``,
``name_uk``, ``name_ru`` and ``name_en``. Boroughs and city districts are not
settlements and are left out.

    >>> places = list(read_osm_settlements(DATA / "ua_settlements_osm.tsv.gz"))  # doctest: +SKIP
    >>> places[0].source                                                        # doctest: +SKIP
    'OpenStreetMap (ODbL)'
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from gazetteer.loaders.report import LoadReport
from gazetteer.loaders.sniff import tsv_records
from gazetteer.place import Place

__all__ = ["read_osm_settlements", "OSM_SOURCE"]

OSM_SOURCE = "OpenStreetMap (ODbL)"
_PLACE_CODES = {"city": "PPLA2", "town": "PPL", "village": "PPL", "hamlet": "PPL",
                "isolated_dwelling": "PPL", "locality": "PPLL"}
REQUIRED = ("osm_id", "name", "name_uk", "name_ru", "name_en", "place", "population", "lat", "lon")


def read_osm_settlements(path: str | Path, *, report: LoadReport | None = None) -> Iterator[Place]:
    """Stream settlement Places from the OSM TSV; ``country_code`` is UA (the file's scope)."""
    report = report if report is not None else LoadReport(str(path))
    for line_no, row in tsv_records(path, report, REQUIRED, "OSM settlements table"):
        code = _PLACE_CODES.get(row["place"].strip())
        if code is None:
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            report.skip(line_no, "coordinates not numbers")
            continue
        if not -90 <= lat <= 90:
            report.skip(line_no, f"latitude out of range: {lat}")
            continue
        if not -180 <= lon <= 180:
            report.skip(line_no, f"longitude out of range: {lon}")
            continue
        name = (row["name_en"] or row["name"]).strip()
        if not name:
            report.skip(line_no, "empty name")
            continue
        alternates = tuple(dict.fromkeys(
            n.strip() for n in (row["name"], row["name_uk"], row["name_ru"]) if n.strip() and n.strip() != name
        ))
        try:
            population = max(0, int(float(row["population"] or 0)))
        except (ValueError, OverflowError):  # "n/a", "nan", "inf"
            population = 0
        oblast = (row.get("oblast_file") or "").strip().removesuffix("_oblast").replace("_", " ")
        report.loaded += 1
        yield Place(
            id=f"osm:{row['osm_id'].strip()}",
            name=name,
            latitude=lat,
            longitude=lon,
            feature_class="P",
            feature_code=code,
            country_code="UA",
            # the oblast the extract was cut from, by name ("kharkivska"), for the build to look up: a
            # point near the edge of the simplified oblast polygons still gets its oblast
            admin1_code=f"?{oblast}" if oblast else "",
            population=population,
            source=OSM_SOURCE,
            alternate_names=alternates,
        )
