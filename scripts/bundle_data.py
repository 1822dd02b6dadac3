"""Rebuild ``gazetteer/data/`` from the project's shared data folder.

The bundled files are subsets of the sources, never edited rows: every line
that lands in the package is a line of the source file, so each coordinate
keeps the provenance the source gives it.

Usage::

    python scripts/bundle_data.py SHARED_DATA_DIR

``SHARED_DATA_DIR`` is the folder holding ``geonames/``, ``curated/``,
``boundaries/`` and ``settlements_osm/`` (see ``gazetteer/data/README.md``).
"""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

THEATRE_COUNTRIES = {"RU", "UA", "BY"}
#: Outside the theatre countries keep what GeoNames' own ``cities15000`` tier
#: holds, plus every capital and first-order seat, so world cities named in
#: reports (Pyongyang, Seoul, Washington) resolve.
WORLD_MIN_POPULATION = 15_000
WORLD_FEATURE_CODES = {"PPLC", "PPLA", "PPLG"}

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data"


def _gz_write(path: Path, lines) -> int:
    count = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        for line in lines:
            out.write(line)
            count += 1
    return count


def bundle_geonames(src: Path) -> None:
    theatre, world = [], []
    with gzip.open(src / "geonames" / "cities500.txt.gz", "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            country, code = cols[8], cols[7]
            population = int(cols[14] or 0)
            if country in THEATRE_COUNTRIES:
                theatre.append(line)
            elif population >= WORLD_MIN_POPULATION or code in WORLD_FEATURE_CODES:
                world.append(line)
    n1 = _gz_write(OUT / "geonames_cities500_ru_ua_by.txt.gz", theatre)
    n2 = _gz_write(OUT / "geonames_cities15000_world.txt.gz", world)
    print(f"geonames: {n1} theatre rows, {n2} world rows")


def bundle_admin_codes(src: Path) -> None:
    def keep(line: str) -> bool:
        cols = line.split("\t")
        if cols[0] == "geonames_code":
            return True
        return cols[5] == "1" or cols[0][:2] in THEATRE_COUNTRIES

    with open(src / "geonames" / "admin_codes.tsv", encoding="utf-8") as f:
        n = _gz_write(OUT / "admin_codes.tsv.gz", (line for line in f if keep(line)))
    print(f"admin codes: {n} rows")


def bundle_plain(src: Path) -> None:
    pairs = {
        "curated/theatre_places.tsv": "theatre_places.tsv.gz",
        "settlements_osm/ua_settlements_osm.tsv": "ua_settlements_osm.tsv.gz",
        "boundaries/natural_earth/admin0_ru_ua_by_theatre.geojson": "boundaries/ne_admin0_ru_ua_by_theatre.geojson.gz",
        "boundaries/natural_earth/ru_ua_border.geojson": "boundaries/ne_ru_ua_border.geojson.gz",
        "boundaries/osm/ru_kursk_belgorod_bryansk_oblasts.geojson": "boundaries/osm_ru_oblasts.geojson.gz",
        "boundaries/osm/ru_kursk_districts.geojson": "boundaries/osm_ru_kursk_districts.geojson.gz",
        "boundaries/osm/ru_belgorod_districts.geojson": "boundaries/osm_ru_belgorod_districts.geojson.gz",
        "boundaries/osm/ru_bryansk_districts.geojson": "boundaries/osm_ru_bryansk_districts.geojson.gz",
        "boundaries/osm/ua_oblasts.geojson": "boundaries/osm_ua_oblasts.geojson.gz",
        "boundaries/osm/ua_sumska_oblast_raions.geojson": "boundaries/osm_ua_sumska_raions.geojson.gz",
        "boundaries/osm/ua_kharkivska_oblast_raions.geojson": "boundaries/osm_ua_kharkivska_raions.geojson.gz",
        "boundaries/osm/ua_chernihivska_oblast_raions.geojson": "boundaries/osm_ua_chernihivska_raions.geojson.gz",
        "rivers/gshhg_rivers_theatre.geojson": "boundaries/gshhg_rivers_theatre.geojson.gz",
    }
    for rel, dest in pairs.items():
        with open(src / rel, "rb") as f_in, gzip.open(OUT / dest, "wb", compresslevel=9) as f_out:
            shutil.copyfileobj(f_in, f_out)
    shutil.copy(src / "curated" / "missing.txt", OUT / "theatre_places_missing.txt")
    shutil.copy(src / "rivers" / "COPYING.LESSER", OUT / "boundaries" / "COPYING.LESSER.gshhg")
    print(f"copied {len(pairs) + 2} files")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: python scripts/bundle_data.py SHARED_DATA_DIR", file=sys.stderr)
        return 2
    src = Path(argv[0])
    (OUT / "boundaries").mkdir(parents=True, exist_ok=True)
    bundle_geonames(src)
    bundle_admin_codes(src)
    bundle_plain(src)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
