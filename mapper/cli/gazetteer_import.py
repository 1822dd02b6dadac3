"""``conflictmap gazetteer import``: add files to the offline gazetteer index.

GeoNames dumps and alternate names, the curated or OSM settlements TSV, OpenStreetMap
extracts (``.osm.pbf``, ``.osm``) and settlement tables (CSV, TSV, GeoPackage, GeoJSON).
Extracts and tables take a column mapping, a country, a source label and
``--clip-to-theatre``; the index remembers them and uses them again when it is rebuilt.

    $ conflictmap gazetteer import villages.csv --columns name=title,lat=y,lon=x --country RU
    villages.csv: 2 rows loaded, 1 skipped (1 empty name)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mapper.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_theatre, print_error

__all__ = ["register", "loader_options"]

#: The file kinds whose loaders take the options below.
_OPTION_KINDS = ("osm_extract", "settlement_table")


def register(gsub) -> None:
    """Add the ``import`` action to the ``gazetteer`` command's sub-parsers."""
    imp = gsub.add_parser("import", help="add GeoNames dumps (RU.zip, allCountries.zip, alternateNamesV2.zip), "
                          "curated or OSM TSVs, OpenStreetMap extracts (.osm.pbf, .osm) or settlement tables "
                          "(CSV, TSV, GeoPackage, GeoJSON) to the index")
    imp.add_argument("files", nargs="+", metavar="FILE")
    table = imp.add_argument_group("OpenStreetMap extracts and settlement tables")
    table.add_argument("--columns", default=None, metavar="ROLE=COLUMN,...",
                       help="which column holds what (roles: name, lat, lon, alt_names, admin1, admin2, population, "
                       "country, id); the others are told from the header")
    table.add_argument("--country", default="", metavar="ISO2",
                       help="country of rows that do not say (otherwise taken from the bundled boundaries)")
    table.add_argument("--source", default="", metavar="TEXT", help="the data set and licence to credit (default: the file name)")
    table.add_argument("--layer", default=None, help="GeoPackage layer to read (default: the first)")
    table.add_argument("--clip-to-theatre", action="store_true",
                       help="keep only places inside the theatre's bounding box (--theatre, or the default one)")
    add_theatre(table)
    imp.set_defaults(func=run_import)


def loader_options(args) -> dict:
    """The options of an extract or table loader from the command line (only those given)."""
    options: dict = {}
    if args.clip_to_theatre:
        from gazetteer.theatres import default_theatre

        options["bbox"] = list((args.theatre or default_theatre()).bbox)
    if args.country:
        options["country"] = args.country.strip().upper()
    if args.columns:
        options["columns"] = args.columns
    if args.source:
        options["source"] = args.source
    if args.layer:
        options["layer"] = args.layer
    return options


def run_import(args: argparse.Namespace) -> int:
    from gazetteer import Gazetteer
    from gazetteer.exc import ConflictMapError, DumpFormatError
    from gazetteer.loaders import detect_kind
    from gazetteer.loaders.table_columns import parse_mapping

    if args.country and not (len(args.country.strip()) == 2 and args.country.strip().isalpha()):
        print_error(f"--country wants a two-letter ISO code, got {args.country!r}")
        return EXIT_USAGE
    try:
        parse_mapping(args.columns)
    except ValueError as exc:
        print_error(f"--columns: {exc}")
        return EXIT_USAGE
    options = loader_options(args)
    status = EXIT_OK
    readable = []
    for name in args.files:  # check every file before opening (or building) the index
        try:
            readable.append((name, detect_kind(name)))
        except DumpFormatError as exc:
            if args.columns and Path(name).is_file():  # a table whose header says nothing: the mapping does
                readable.append((name, "settlement_table"))
                continue
            print_error(exc)
            status = EXIT_FAILED
        except ConflictMapError as exc:
            print_error(exc)
            status = EXIT_FAILED
    if not readable:
        return status
    index = Gazetteer.default().index
    for name, kind in readable:
        if options and kind not in _OPTION_KINDS:
            print(f"{name}: a {kind.replace('_', ' ')} file takes no table options; imported without them",
                  file=sys.stderr)
        try:
            report = index.import_file(name, kind=kind, options=options if kind in _OPTION_KINDS else None)
        except ConflictMapError as exc:
            print_error(exc)
            status = EXIT_FAILED
            continue
        print(report.summary())
        for line_no, why in report.examples[:5]:
            print(f"  skipped line {line_no}: {why}")
    return status
