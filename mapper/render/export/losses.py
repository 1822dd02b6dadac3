"""What each export format cannot hold, as a checked list.

``docs/EXPORT.md`` prints these sentences, and the round-trip tests apply exactly
these changes to what was written before comparing it with what GDAL and
geopandas read back — a format that loses anything more fails the tests::

    >>> sorted(FORMAT_LOSSES["kml"])
    ['coordinates_6_decimals', 'dates_as_text', 'nested_in_balloon', 'xml_forbidden_characters']
    >>> sorted(FORMAT_LOSSES["gpkg"])
    ['nul_removed', 'single_as_multipoint']
"""

from __future__ import annotations

__all__ = ["FORMAT_LOSSES"]

_MULTI = ("single_as_multipoint",
          "a one-place event's Point is stored as a MultiPoint of one point (one geometry type per layer, "
          "which ArcGIS requires)")
_NESTED_JSON = ("nested_as_json",
                "the places and sources of each event are JSON text (locations_json, sources_json), "
                "not nested values")
_NUL = ("nul_removed",
        "the NUL character (U+0000) is removed from text (GDAL and spreadsheets treat it as the end of the text)")
_SIX_DECIMALS = ("coordinates_6_decimals",
                 "geometry coordinates are rounded to 6 decimals (about 0.1 m; the gazetteer is never finer)")

#: format -> {loss id: sentence}. An empty dict: the format holds everything.
FORMAT_LOSSES: dict[str, dict[str, str]] = {
    "gpkg": dict([_MULTI, _NUL]),
    "parquet": {},
    "geojson": dict([_SIX_DECIMALS]),
    "fgb": dict([
        _MULTI,
        _NUL,
        ("dates_as_datetimes", "dates are date-times at midnight (FlatGeobuf has no date type)"),
        _NESTED_JSON,
    ]),
    "kml": dict([
        ("dates_as_text", "dates are ISO text, YYYY-MM-DD (KML has no date type; the event date is also "
                          "the placemark's TimeStamp or TimeSpan)"),
        ("nested_in_balloon", "the places and sources of each event appear only as text in the description "
                              "balloon, not as fields"),
        ("xml_forbidden_characters", "control characters XML 1.0 forbids (U+0000 to U+001F except tab, "
                                     "line feed and carriage return) are removed from text"),
        _SIX_DECIMALS,
    ]),
    "csv": dict([
        _NUL,
        ("all_text", "every value is text: integers and floats in decimal, booleans true/false, dates "
                     "YYYY-MM-DD"),
        ("empty_is_missing", "an empty text and a missing value are both an empty cell"),
        ("line_breaks_lf", "line breaks inside a text (CR LF, CR) are written as LF"),
        ("formula_prefix", "text starting with = + - @, a tab or a carriage return gets a leading apostrophe "
                           "(formula injection)"),
        _NESTED_JSON,
        ("geometry_as_wkt", "the geometry is WKT text in geometry_wkt (lon/lat, full precision)"),
    ]),
    "shp": dict([
        _MULTI,
        ("field_names_10", "field names are at most 10 characters, renamed by the field map"),
        _NUL,
        ("text_254_bytes", "text is cut to at most 254 bytes of UTF-8, at a character boundary"),
        ("trailing_spaces", "spaces at the end of a text are removed (dBASE pads text fields with spaces)"),
        ("empty_is_missing", "an empty text reads back as missing (dBASE cannot tell them apart)"),
        ("no_nested", "the places and sources of each event are not held (use GeoPackage or GeoParquet)"),
    ]),
}
