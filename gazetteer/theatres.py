"""Theatres of operations from TOML files: where to look, what to draw, who is who, what to import.

The default theatre is a file too, ``gazetteer/data/theatres/kursk_border.toml``
(:func:`default_theatre`). A theatre file holds::

    name = "Kharkiv front"
    bbox = [49.0, 35.0, 50.6, 38.5]          # south, west, north, east (degrees)
    countries = ["UA", "RU"]
    admin1_codes = ["UA.07", "RU.09"]         # GeoNames admin1 codes favoured when ranking
    other_side_colour = "#6B6B6B"             # events of no known side (optional)

    [view]                                     # where an empty web map opens (default: the bbox middle)
    centre = [49.8, 36.75]
    zoom = 8

    [boundaries]                               # drawn on the map and the situation map
    countries = "ne_admin0_ru_ua_by_theatre.geojson.gz"   # land polygons under everything
    border = "ne_ru_ua_border.geojson.gz"      # a bundled file name, or a path relative to this file
    oblasts = ["osm_ua_oblasts.geojson.gz", "osm_ru_oblasts.geojson.gz"]
    districts = ["osm_ua_kharkivska_raions.geojson.gz", "osm_ru_belgorod_districts.geojson.gz"]
    rivers = "gshhg_rivers_theatre.geojson.gz"

    [gazetteer]
    files = []                                 # GeoNames dumps or curated TSVs imported before a run

    [[sides]]                                  # one per side; its colour on every map and slide
    name = "Ukrainian forces"
    colour = "#0072B2"
    aliases = []

    [[claimants]]                              # who reports casualties, most specific first
    name = "General Staff of the Armed Forces of Ukraine"
    side = "Ukrainian forces"
    aliases = ["General Staff"]                # literal words
    patterns = ["Генштаб\\w*"]                  # regular expressions

    [[claimants]]
    name = "Kursk Oblast governor"
    office = "governor"                        # "the governor said" resolves to it ...
    regions = ["Kursk", "Курск\\w*"]            # ... in a report naming its region
    patterns = ["Kursk governor"]

    [[claimants.holders]]                      # who held the office, and when (where sure)
    name = "Alexei Smirnov"
    patterns = ["Smirnov", "Смирнов\\w*"]
    start = "2024-05-15"
    end = "2024-12-05"

    [[city_districts]]                         # a city's districts, placed at the city's point
    city = "Kharkiv"
    city_id = "geonames:706483"                # the city's gazetteer id
    source = "https://en.wikipedia.org/wiki/Kharkiv"
    districts = [{ names = ["Saltivskyi", "Салтівський", "Салтовский"] },
                 { names = ["Kyivskyi", "Київський", "Киевский"], shared = true }]

Loading it::

    >>> theatre = load_theatre(EXAMPLE_THEATRE)
    >>> theatre.name, theatre.bbox, theatre.view.centre
    ('Kharkiv front', (49.0, 35.0, 50.6, 38.5), (49.8, 36.75))
    >>> [layer for layer, _ in theatre.boundaries]
    ['countries', 'border', 'oblasts', 'districts', 'rivers']
    >>> find_theatre("kharkiv_front") == theatre, default_theatre().name
    (True, 'Kursk–Belgorod–Sumy border')
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from gazetteer.exc import DataFileError
from gazetteer.paths import BOUNDARIES_DIR, DATA_DIR
from gazetteer.theatre import OTHER_SIDE_COLOUR, CityDistrict, Claimant, Holder, MapView, Side, Theatre

__all__ = ["load_theatre", "find_theatre", "default_theatre", "theatre_names", "boundary_files",
           "BOUNDARY_LAYERS", "THEATRES_DIR", "DEFAULT_THEATRE", "EXAMPLE_THEATRE", "import_theatre_files"]

#: The layers a theatre may draw, in drawing order.
BOUNDARY_LAYERS = ("countries", "border", "oblasts", "districts", "rivers")

#: Where the bundled theatre files are; ``--theatre NAME`` means ``NAME.toml`` here.
THEATRES_DIR = DATA_DIR / "theatres"
#: The theatre used when none is given.
DEFAULT_THEATRE = THEATRES_DIR / "kursk_border.toml"
#: The example in this module's docstring, shipped as a file (``conflictmap run --theatre`` takes it).
EXAMPLE_THEATRE = THEATRES_DIR / "kharkiv_front.toml"

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


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


def _name(path: Path, value, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(path, f"'{key}' is missing")
    return value.strip()


def _colour(path: Path, value, key: str) -> str:
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        _fail(path, f"'{key}' must be a colour like \"#0072B2\"")
    return value


def _tables(path: Path, value, key: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        _fail(path, f"'{key}' must be a list of tables ([[{key}]])")
    return value


def _sides(path: Path, data: dict) -> tuple[Side, ...]:
    sides = []
    for i, row in enumerate(_tables(path, data.get("sides", []), "sides")):
        key = f"sides[{i}]"
        sides.append(Side(_name(path, row.get("name"), f"{key}.name"), _colour(path, row.get("colour"), f"{key}.colour"),
                          _strings(path, row.get("aliases", []), f"{key}.aliases")))
    names = [s.name for s in sides]
    if len(set(names)) != len(names):
        _fail(path, "two sides have the same name")
    return tuple(sides)


def _patterns(path: Path, value, key: str) -> tuple[str, ...]:
    patterns = _strings(path, value, key)
    for pattern in patterns:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            _fail(path, f"'{key}' has a bad regular expression {pattern!r} ({exc})")
        if compiled.groupindex or compiled.match(""):
            _fail(path, f"'{key}': {pattern!r} must not match empty text or name groups")
    return patterns


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _holders(path: Path, value, key: str) -> tuple[Holder, ...]:
    holders = []
    for j, row in enumerate(_tables(path, value, key)):
        name = _name(path, row.get("name"), f"{key}[{j}].name")
        days = [row.get(k, "") for k in ("start", "end")]
        if not all(isinstance(d, str) and (not d or _ISO_DAY.fullmatch(d)) for d in days):
            _fail(path, f"'{key}[{j}]' start and end must be dates like \"2024-12-05\"")
        holders.append(Holder(name, _patterns(path, row.get("patterns", []), f"{key}[{j}].patterns"), *days))
    return tuple(holders)


#: The kinds of post a claimant row may be the author of (:attr:`~gazetteer.theatre.Claimant.voice`).
VOICES = ("", "front", "community", "digest", "news")


def _claimants(path: Path, data: dict, sides: tuple[Side, ...]) -> tuple[Claimant, ...]:
    claimants = []
    for i, row in enumerate(_tables(path, data.get("claimants", []), "claimants")):
        key = f"claimants[{i}]"
        name = _name(path, row.get("name"), f"{key}.name")
        side = row.get("side", "")
        if side not in ("", *(s.name for s in sides)):
            _fail(path, f"'{key}.side' is not one of the sides: {side!r}")
        aliases = _strings(path, row.get("aliases", []), f"{key}.aliases")
        patterns = _patterns(path, row.get("patterns", []), f"{key}.patterns")
        holders = _holders(path, row.get("holders", []), f"{key}.holders")
        voice = row.get("voice", "")
        if voice not in VOICES:
            _fail(path, f"'{key}.voice' is not one of {', '.join(VOICES[1:])}: {voice!r}")
        if not voice and not aliases and not patterns and not any(h.patterns for h in holders):
            _fail(path, f"'{key}' needs aliases or patterns")
        office = row.get("office", "")
        needs_verb = row.get("needs_verb", False)
        if not isinstance(office, str) or not isinstance(needs_verb, bool):
            _fail(path, f"'{key}.office' must be text and '{key}.needs_verb' true or false")
        claimants.append(Claimant(name, side, aliases, patterns, office.strip(),
                                  _patterns(path, row.get("regions", []), f"{key}.regions"), holders, needs_verb,
                                  voice))
    return tuple(claimants)


def _view(path: Path, data: dict) -> MapView | None:
    view = data.get("view")
    if view is None:
        return None
    if not isinstance(view, dict):
        _fail(path, "'view' must be a table ([view])")
    lat, lon = _numbers(path, view.get("centre"), "view.centre", 2)
    zoom = view.get("zoom", 8)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        _fail(path, "'view.centre' must be [latitude, longitude]")
    if not isinstance(zoom, int) or isinstance(zoom, bool) or not 0 <= zoom <= 20:
        _fail(path, "'view.zoom' must be a whole number from 0 to 20")
    return MapView((lat, lon), zoom)


def _city_districts(path: Path, data: dict) -> tuple[CityDistrict, ...]:
    out = []
    for i, row in enumerate(_tables(path, data.get("city_districts", []), "city_districts")):
        key = f"city_districts[{i}]"
        city, city_id = _name(path, row.get("city"), f"{key}.city"), _name(path, row.get("city_id"), f"{key}.city_id")
        source = row.get("source", "")
        if not isinstance(source, str) or not source.startswith(("https://", "http://")):
            _fail(path, f"'{key}.source' must be an http(s) URL")
        for j, district in enumerate(_tables(path, row.get("districts", []), f"{key}.districts")):
            shared = district.get("shared", False)
            if not isinstance(shared, bool):
                _fail(path, f"'{key}.districts[{j}].shared' must be true or false")
            out.append(CityDistrict(city, city_id, _strings(path, district.get("names"), f"{key}.districts[{j}].names"),
                                    shared, source))
    return tuple(out)


_KEYS = {"name", "bbox", "countries", "admin1_codes", "other_side_colour", "view", "boundaries", "gazetteer",
         "sides", "claimants", "city_districts"}


def load_theatre(path: str | Path) -> Theatre:
    """A :class:`~gazetteer.theatre.Theatre` from a TOML file; errors name the file and the key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError):
        _fail(path, "no such file")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        _fail(path, f"not a theatre TOML file ({str(exc).splitlines()[0]})")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        _fail(path, f"unknown key '{unknown[0]}' (use {', '.join(sorted(_KEYS))})")
    name = _name(path, data.get("name"), "name")
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
    sides = _sides(path, data)
    return Theatre(name=name, bbox=(south, west, north, east),
                   countries=frozenset(c.upper() for c in countries),
                   admin1_codes=frozenset(_strings(path, data.get("admin1_codes", []), "admin1_codes")),
                   boundaries=tuple(sorted(boundaries, key=lambda b: BOUNDARY_LAYERS.index(b[0]))),
                   gazetteer_files=files, sides=sides, claimants=_claimants(path, data, sides),
                   map_view=_view(path, data), city_districts=_city_districts(path, data),
                   other_side_colour=_colour(path, data.get("other_side_colour", OTHER_SIDE_COLOUR),
                                             "other_side_colour"))


@lru_cache(maxsize=1)
def default_theatre() -> Theatre:
    """The theatre every command uses without ``--theatre`` (read once from :data:`DEFAULT_THEATRE`).

    >>> sorted(default_theatre().admin1_codes)
    ['RU.09', 'RU.41', 'UA.21']
    """
    return load_theatre(DEFAULT_THEATRE)


def theatre_names() -> list[str]:
    """Names of the bundled theatres (``--theatre NAME``).

    >>> theatre_names()
    ['kharkiv_front', 'kursk_border']
    """
    return sorted(p.stem for p in THEATRES_DIR.glob("*.toml"))


def find_theatre(spec: "str | Path | Theatre | None") -> Theatre:
    """A theatre from a bundled name (``kharkiv_front``), a TOML file, a Theatre, or None (the default).

    >>> find_theatre(None) is default_theatre(), find_theatre("kursk_border") == default_theatre()
    (True, True)
    """
    if spec is None:
        return default_theatre()
    if isinstance(spec, Theatre):
        return spec
    text = str(spec)
    if text in theatre_names():
        return default_theatre() if THEATRES_DIR / f"{text}.toml" == DEFAULT_THEATRE else \
            load_theatre(THEATRES_DIR / f"{text}.toml")
    path = Path(spec)
    if path.suffix.lower() != ".toml" and not path.exists():
        _fail(path, f"no such theatre (a TOML file, or one of {', '.join(theatre_names())})")
    return load_theatre(path)


def boundary_files(theatre: Theatre | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(layer, files)`` a theatre draws: its own, or the default theatre's.

    >>> dict(boundary_files(None))["rivers"]
    ('gshhg_rivers_theatre.geojson.gz',)
    """
    if theatre is None or not theatre.boundaries:
        return default_theatre().boundaries
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
