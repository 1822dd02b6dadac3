"""``conflictmap export``: events to GIS files, and the event store (see :mod:`mapper.render.export`).

    $ conflictmap export events.jsonl --to gpkg,kml,csv -o out/
    $ conflictmap export events.jsonl --store all_events.gpkg          # accumulate across runs
    $ conflictmap export all_events.gpkg --to kml -o out/              # export the whole store

Exit codes: 0 ok, 1 the events file could not be read or a file could not be
written (the other formats are still written), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["register", "cmd_export"]


def _formats(text: str) -> list[str]:
    from mapper.render.export import parse_formats

    try:
        return parse_formats(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``export`` subcommand to the ``conflictmap`` parser."""
    from mapper.render.export import DEFAULT_FORMATS
    from mapper.render.writers import WRITERS

    formats = "; ".join(f"{name}: {w.description}" for name, w in WRITERS.builtin.items())
    parser = sub.add_parser(
        "export", help="events to GeoPackage, GeoJSON, KML, FlatGeobuf, GeoParquet, CSV, Shapefile",
        description="Write the events of EVENTS (any file of extract or export, the event store, an ACLED or UCDP "
        "GED export, or a point table of another tool) as GIS files in DIR, named events.<suffix>, and/or merge them into an event store. "
        f"Formats: {formats}; and those of installed plugins (docs/EXTENDING.md). What each format cannot hold "
        "is listed in docs/EXPORT.md.")
    from mapper.cli.common import EVENTS_HELP, add_events_input

    parser.add_argument("events", metavar="EVENTS", help=EVENTS_HELP)
    add_events_input(parser)
    parser.add_argument("--to", type=_formats, default=None, metavar="FORMATS",
                        help=f"comma-separated formats (default: {','.join(DEFAULT_FORMATS)}; the others on request)")
    parser.add_argument("-o", "--output-dir", default=None, metavar="DIR", help="folder to write the files in")
    parser.add_argument("--store", default=None, metavar="FILE.gpkg",
                        help="also add the events to this event store (created when missing; duplicates merged, "
                        "every source kept; safe with several writers at once)")
    parser.add_argument("--name", default="events", help="base name of the files (default: events)")
    parser.add_argument("--excel", action="store_true",
                        help="write the CSV with a UTF-8 byte-order mark, so Excel reads Cyrillic right")
    parser.add_argument("--title", default="Casualty claims", help="document name in the KML")
    from mapper.cli.common import add_theatre

    add_theatre(parser)  # the side colours of the KML
    parser.set_defaults(func=cmd_export, export_parser=parser)
    return parser


def cmd_export(args) -> int:
    """Run ``conflictmap export``; returns the exit code."""
    from mapper.cli.common import EXIT_FAILED, EXIT_OK, print_error
    from mapper.exc import ConflictMapError
    from mapper.render.export import DEFAULT_FORMATS, export_file, read_any_events
    from mapper.render.export.store import add_to_store

    parser = getattr(args, "export_parser", None)
    if args.to and not args.output_dir:
        return _usage(parser, "--to needs -o DIR")
    if not args.output_dir and not args.store:
        return _usage(parser, "give -o DIR (files) and/or --store FILE.gpkg")
    try:  # without --store, export_file reads the events only for formats that need them
        events = read_any_events(args.events, kind=args.events_kind, columns=args.columns) if args.store else None
    except ConflictMapError as exc:
        print_error(exc)
        return EXIT_FAILED
    status = EXIT_OK
    if args.store:
        try:
            update = add_to_store(args.store, events)
        except ConflictMapError as exc:
            print_error(exc)
            status = EXIT_FAILED
        else:
            print(f"store {args.store}: {update.added} added, {update.merged} merged into other events, "
                  f"{update.already_stored} already stored; {update.total} events in the store", file=sys.stderr)
    if args.output_dir:
        try:
            result = export_file(args.events, args.output_dir, args.to or DEFAULT_FORMATS, name=args.name,
                                 title=args.title, events=events, theatre=args.theatre, kind=args.events_kind,
                                 columns=args.columns, excel=args.excel)
        except ConflictMapError as exc:
            print_error(exc)
            return EXIT_FAILED
        for path in result.written:
            print(f"wrote {path}", file=sys.stderr)
        for err in result.failed:
            print_error(err)
        if not result.ok:
            status = EXIT_FAILED
    return status


def _usage(parser: argparse.ArgumentParser | None, message: str) -> int:
    from mapper.cli.common import EXIT_USAGE

    if parser is not None:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: {message}", file=sys.stderr)
    else:
        print(f"conflictmap export: error: {message}", file=sys.stderr)
    return EXIT_USAGE
