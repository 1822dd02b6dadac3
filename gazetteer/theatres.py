"""Theatres of operations from TOML files: where to look, what to draw, what to import.

The Kursk border theatre is built in (:data:`~gazetteer.context.KURSK_BORDER_THEATRE`).
Another one is a small TOML file::

    name = "Kharkiv front"
    bbox = [49.0, 35.0, 50.6, 38.5]          # south, west, north, east (degrees)
    countries = ["UA", "RU"]
    admin1_codes = ["UA.07", "RU.09"]         # GeoNames admin1 codes favoured when ranking

    [boundaries]                               # drawn on the map and the situation map
    countries = "ne_admin0_ru_ua_by_theatre.geojson.gz"   # land polygons under everything
    border = "ne_ru_ua_border.geojson.gz"      # a bundled file name, or a path relative to this file
    oblasts = ["osm_ua_oblasts.geojson.gz", "osm_ru_oblasts.geojson.gz"]
    districts = ["osm_ua_kharkivska_raions.geojson.gz", "osm_ru_belgorod_districts.geojson.gz"]
    rivers = "gshhg_rivers_theatre.geojson.gz"

    [gazetteer]
    files = []                                 # GeoNames dumps or curated TSVs imported before a run

Loading it::

    >>> theatre = load_theatre(EXAMPLE_THEATRE)
    >>> theatre.name, theatre.bbox
    ('Kharkiv front', (49.0, 35.0, 50.6, 38.5))
    >>> [layer for layer, _ in theatre.boundaries]
    ['countries', 'border', 'oblasts', 'districts', 'rivers']
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from gazetteer.context import KURSK_BORDER_THEATRE, Theatre
from gazetteer.exc import DataFileError
from gazetteer.paths import BOUNDARIES_DIR, DATA_DIR

__all__ = ["load_theatre", "boundary_files", "BOUNDARY_LAYERS", "DEFAULT_BOUNDARIES", "EXAMPLE_THEATRE",
           "import_theatre_files"]

#: The layers a theatre may draw, in drawing order.
BOUNDARY_LAYERS = ("countries", "border", "oblasts", "districts", "rivers")

#: What the built-in theatre draws (all bundled in ``gazetteer/data/boundaries``).
DEFAULT_BOUNDARIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("countries", ("ne_admin0_ru_ua_by_theatre.geojson.gz",)),
    ("border", ("ne_ru_ua_border.geojson.gz",)),
    ("oblasts", ("osm_ru_oblasts.geojson.gz", "osm_ua_oblasts.geojson.gz")),
    ("districts", ("osm_ru_kursk_districts.geojson.gz", "osm_ru_belgorod_districts.geojson.gz",
                   "osm_ru_bryansk_districts.geojson.gz", "osm_ua_sumska_raions.geojson.gz",
                   "osm_ua_kharkivska_raions.geojson.gz", "osm_ua_chernihivska_raions.geojson.gz")),
    ("rivers", ("gshhg_rivers_theatre.geojson.gz",)),
)

#: The example in this module's docstring, shipped as a file (``conflictmap run --theatre`` takes it).
EXAMPLE_THEATRE = DATA_DIR / "theatres" / "kharkiv_front.toml"


def _fail(path: Path, reason: str):
    raise DataFileError(path, reason)


def _numbers(path: Path, value, key: str, n: int) -> tuple[float, ...]:
    if not isinstance(value, list) or len(value) != n or not all(isinstance(v, (int, float)) for v in value):
        _fail(path, f"'{key}' must be a list of {n} numbers")
    return tuple(float(v) for v in value)


def _strings(path: Path, value, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        _fail(path, f"'{key}' must be a string or a list of strings")
    return tuple(value)


def _data_file(path: Path, name: str, bundled_dir: Path) -> str:
    """A bundled file name as is; anything else resolved against the TOML file's folder."""
    if "/" not in name and (bundled_dir / name).exists():
        return name
    candidate = (path.parent / name).resolve()
    if not candidate.exists():
        _fail(path, f"no such file: {name}")
    return str(candidate)


def load_theatre(path: str | Path) -> Theatre:
    """A :class:`~gazetteer.context.Theatre` from a TOML file; errors name the file and the key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(path, "no such file")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        _fail(path, f"not a theatre TOML file ({str(exc).splitlines()[0]})")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        _fail(path, "'name' is missing")
    south, west, north, east = _numbers(path, data.get("bbox"), "bbox", 4)
    if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
        _fail(path, "'bbox' must be [south, west, north, east] with south < north and west < east")
    countries = _strings(path, data.get("countries", []), "countries")
    if any(len(c) != 2 or not c.isalpha() for c in countries):
        _fail(path, "'countries' must be ISO 3166 two-letter codes")
    boundaries = []
    for layer, files in (data.get("boundaries") or {}).items():
        if layer not in BOUNDARY_LAYERS:
            _fail(path, f"unknown boundary layer '{layer}' (use {', '.join(BOUNDARY_LAYERS)})")
        boundaries.append((layer, tuple(_data_file(path, f, BOUNDARIES_DIR)
                                        for f in _strings(path, files, f"boundaries.{layer}"))))
    gazetteer = data.get("gazetteer") or {}
    files = tuple(_data_file(path, f, DATA_DIR) for f in _strings(path, gazetteer.get("files", []), "gazetteer.files"))
    return Theatre(name=name.strip(), bbox=(south, west, north, east),
                   countries=frozenset(c.upper() for c in countries),
                   admin1_codes=frozenset(_strings(path, data.get("admin1_codes", []), "admin1_codes")),
                   boundaries=tuple(sorted(boundaries, key=lambda b: BOUNDARY_LAYERS.index(b[0]))),
                   gazetteer_files=files)


def boundary_files(theatre: Theatre | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(layer, files)`` a theatre draws: its own, or the built-in theatre's.

    >>> dict(boundary_files(None))["rivers"]
    ('gshhg_rivers_theatre.geojson.gz',)
    """
    if theatre is None or theatre is KURSK_BORDER_THEATRE or not theatre.boundaries:
        return DEFAULT_BOUNDARIES
    return theatre.boundaries


def import_theatre_files(index, theatre: Theatre, *, already: Iterable[str] | None = None) -> list[str]:
    """Import the theatre's gazetteer files the index does not hold yet; the paths imported."""
    held = set(already if already is not None else (s["path"] for s in index.info()["sources"]))
    done = []
    for name in theatre.gazetteer_files:
        path = Path(name) if "/" in name else DATA_DIR / name
        if str(path.resolve()) not in held:
            index.import_file(path)
            done.append(str(path))
    return done
