"""Read the GeoNames dump format: country files, ``cities500``, ``allCountries``, ``alternateNamesV2``.

A dump row has 19 tab-separated columns (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code,
cc2, admin1..admin4 codes, population, elevation, dem, timezone, modification
date). Files may be plain, ``.gz`` or ``.zip`` and are streamed::

    >>> report = LoadReport("RU.txt")
    >>> places = list(read_geonames("RU.txt", report=report))   # doctest: +SKIP
    >>> places[0].id                                            # doctest: +SKIP
    'geonames:486816'

Rows with the wrong column count, impossible coordinates or undecodable bytes
are skipped and counted in the report. Only Latin and Cyrillic alternate names
are kept; the rest of the world's scripts do not occur in the reports we read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from gazetteer import lang
from gazetteer.loaders.report import LoadReport
from gazetteer.loaders.sniff import readable_lines
from gazetteer.place import Place

__all__ = ["read_geonames", "read_alternate_names", "keep_alternate_name", "GEONAMES_SOURCE"]

GEONAMES_SOURCE = "GeoNames (CC BY 4.0)"
N_COLUMNS = 19
DEFAULT_FEATURE_CLASSES = frozenset("PA")
#: alternateNamesV2 languages worth indexing; "" is names with no language.
DEFAULT_LANGUAGES = frozenset({"", "en", "ru", "uk", "be", "de", "fr", "pl", "abbr"})
#: Latin letters and the letters of every language of :mod:`gazetteer.lang`.
_LATIN_OR_CYRILLIC = re.compile(
    "^" + lang.letter_class(lang.languages(), case="both", extra=r"\sA-Za-z\u00c0-\u024f\u1e00-\u1eff'’ʼ`.\-()") + "+$")
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$")


def keep_alternate_name(name: str) -> bool:
    """True for a Latin or Cyrillic name of 2+ letters that is not a code (``MOW``)."""
    name = name.strip()
    return len(name) >= 2 and bool(_LATIN_OR_CYRILLIC.match(name)) and not _CODE_LIKE.match(name)


def _float(text: str, lo: float, hi: float, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{what} not a number: {text[:20]!r}") from None
    if not lo <= value <= hi:
        raise ValueError(f"{what} out of range: {value}")
    return value


def parse_geonames_row(cols: list[str]) -> Place:
    """One dump row (already split) to a Place; raises ValueError with a reason."""
    if len(cols) != N_COLUMNS:
        raise ValueError(f"wrong column count: {len(cols)}, expected {N_COLUMNS}")
    geonameid, name = cols[0].strip(), cols[1].strip()
    if not geonameid.isdigit():
        raise ValueError(f"geonameid not a number: {geonameid[:20]!r}")
    if not name:
        raise ValueError("empty name")
    lat = _float(cols[4], -90.0, 90.0, "latitude")
    lon = _float(cols[5], -180.0, 180.0, "longitude")
    try:
        population = int(cols[14] or 0)
    except ValueError:
        population = 0
    alternates = [a for a in cols[3].split(",") if keep_alternate_name(a)]
    if cols[2] and cols[2] != name:
        alternates.insert(0, cols[2])
    country = cols[8].strip().upper()
    admin1 = cols[10].strip()
    return Place(
        id=f"geonames:{geonameid}",
        name=name,
        latitude=lat,
        longitude=lon,
        feature_class=cols[6].strip(),
        feature_code=cols[7].strip(),
        country_code=country,
        admin1_code=f"{country}.{admin1}" if country and admin1 else "",
        population=max(0, population),
        source=GEONAMES_SOURCE,
        alternate_names=tuple(dict.fromkeys(alternates)),
    )


def read_geonames(
    path: str | Path,
    *,
    report: LoadReport | None = None,
    feature_classes: Iterable[str] | None = DEFAULT_FEATURE_CLASSES,
) -> Iterator[Place]:
    """Stream Places from a GeoNames dump (``.txt``, ``.gz`` or ``.zip``).

    :param feature_classes: GeoNames feature classes to keep (default populated
        places ``P`` and administrative areas ``A``); ``None`` keeps all.
    """
    report = report if report is not None else LoadReport(str(path))
    keep = frozenset(feature_classes) if feature_classes is not None else None
    for line_no, text in readable_lines(path, report):
        if text.startswith("#"):
            continue
        try:
            place = parse_geonames_row(text.split("\t"))
        except ValueError as exc:
            report.skip(line_no, str(exc))
            continue
        if keep is not None and place.feature_class not in keep:
            continue
        report.loaded += 1
        yield place


def read_alternate_names(
    path: str | Path,
    *,
    report: LoadReport | None = None,
    languages: Iterable[str] | None = DEFAULT_LANGUAGES,
) -> Iterator[tuple[str, str]]:
    """Stream ``(place_id, name)`` pairs from ``alternateNamesV2`` (or the older 8-column file).

    Links (``link``), postcodes, airport codes and non-Latin/Cyrillic scripts are
    dropped, as are historic names.
    """
    report = report if report is not None else LoadReport(str(path))
    langs = frozenset(languages) if languages is not None else None
    for line_no, text in readable_lines(path, report):
        cols = text.split("\t")
        if len(cols) not in (8, 10) or not cols[1].isdigit():
            report.skip(line_no, f"wrong column count: {len(cols)}, expected 10")
            continue
        lang, name = cols[2], cols[3]
        if langs is not None and lang not in langs:
            continue
        if len(cols) > 7 and cols[7] == "1":
            continue
        if not keep_alternate_name(name):
            continue
        report.loaded += 1
        yield f"geonames:{cols[1]}", name
