"""Where the bundled data lives and where the index is cached.

    >>> (DATA_DIR / "theatre_places.tsv.gz").exists()
    True

The cache directory is ``platformdirs.user_cache_dir("conflictmap")`` unless the
``CONFLICTMAP_CACHE_DIR`` environment variable names another.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_DIR", "BOUNDARIES_DIR", "cache_dir", "BUNDLED_SOURCES"]

DATA_DIR = Path(__file__).resolve().parent / "data"
BOUNDARIES_DIR = DATA_DIR / "boundaries"

#: Bundled place files in load order: curated rows first, so GeoNames and OSM
#: rows describing the same place fold into them.
BUNDLED_SOURCES: tuple[tuple[str, str], ...] = (
    ("curated", "theatre_places.tsv.gz"),
    ("geonames", "geonames_cities500_ru_ua_by.txt.gz"),
    ("osm_settlements", "ua_settlements_osm.tsv.gz"),
    ("geonames", "geonames_cities15000_world.txt.gz"),
)
ADMIN_CODES_FILE = DATA_DIR / "admin_codes.tsv.gz"


def cache_dir() -> Path:
    """The directory for the persistent index and the online geocoder's cache."""
    env = os.environ.get("CONFLICTMAP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflictmap"))
