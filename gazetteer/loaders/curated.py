"""Read the curated theatre table (``theatre_places.tsv``).

Each row is a settlement of the Kursk–Belgorod–Sumy border theatre with Latin
variants, Russian and Ukrainian names, district, coordinates, population, and
the source its coordinates come from (``source_url``: the canonical encyclopedia
article, or the settlement table at its commit) with their precision. Newer tables
add ``source_canonical``, ``read_from`` (the copy actually read: a mirror page, or
the table's file and row id; kept as :attr:`Place.read_from`) and
``canonical_method``; older ones without them still load. Rows without a
coordinate or a source are skipped: we never place a name without a source.

    >>> rows = list(read_curated(DATA / "theatre_places.tsv.gz"))   # doctest: +SKIP
    >>> [p.id for p in rows if p.name == "Plyokhovo"]               # doctest: +SKIP
    ['curated:ru-kursk-plyokhovo']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from gazetteer.loaders.report import LoadReport
from gazetteer.loaders.sniff import tsv_records
from gazetteer.place import Place

__all__ = ["read_curated", "CURATED_SOURCE"]

CURATED_SOURCE = "curated theatre table (per-row source page)"
REQUIRED = ("name_en", "alt_names", "name_ru", "name_uk", "feature", "district", "oblast",
            "country", "lat", "lon", "precision", "population", "source_url")
_QUALIFIER = re.compile(r"\s*\(([^)]*)\)\s*$")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def read_curated(path: str | Path, *, report: LoadReport | None = None) -> Iterator[Place]:
    """Stream Places from the curated TSV; ``admin1`` is left to the index (from ``oblast``).

    The oblast name travels in ``admin1_code`` as ``"?Kursk"`` until the index
    maps it to a GeoNames admin code.
    """
    report = report if report is not None else LoadReport(str(path))
    for line_no, row in tsv_records(path, report, REQUIRED, "curated table"):
        try:
            place = _place_from_row(row)
        except ValueError as exc:
            report.skip(line_no, str(exc))
            continue
        report.loaded += 1
        yield place


def _place_from_row(row: dict[str, str]) -> Place:
    full_name = row["name_en"].strip()
    if not full_name:
        raise ValueError("empty name")
    source_url = (row["source_url"] or row.get("source_canonical") or "").strip()
    read_from = (row.get("read_from") or "").strip()
    if not source_url:
        raise ValueError("no source for the coordinates")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise ValueError(f"coordinates not numbers: {row['lat']!r}, {row['lon']!r}") from None
    if not -90 <= lat <= 90:
        raise ValueError(f"latitude out of range: {lat}")
    if not -180 <= lon <= 180:
        raise ValueError(f"longitude out of range: {lon}")
    name = _QUALIFIER.sub("", full_name)
    names = [row["name_ru"], row["name_uk"], *row["alt_names"].split("|")]
    if name != full_name:
        names.insert(0, full_name)
    alternates = tuple(dict.fromkeys(n.strip() for n in names if n.strip() and n.strip() != name))
    country = row["country"].strip().upper()
    oblast = row["oblast"].strip()
    try:
        population = max(0, int(float(row["population"] or 0)))
    except (ValueError, OverflowError):  # "n/a", "nan", "inf"
        population = 0
    return Place(
        id=f"curated:{slug(country)}-{slug(oblast)}-{slug(full_name)}",
        name=name,
        latitude=lat,
        longitude=lon,
        feature_class="P",
        feature_code=_feature_code(row["feature"]),
        country_code=country,
        admin1_code=f"?{oblast}",
        admin2=row["district"].strip(),
        population=population,
        source=CURATED_SOURCE,
        source_url=source_url,
        alternate_names=alternates,
        coordinate_precision=row["precision"].strip(),
        read_from=read_from if read_from != source_url else "",
    )


def _feature_code(feature: str) -> str:
    feature = feature.casefold()
    if feature.startswith(("city", "town")):
        return "PPLA2" if "centre" in feature or "center" in feature else "PPL"
    return "PPL"
