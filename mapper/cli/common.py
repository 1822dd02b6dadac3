"""What every ``conflictmap`` subcommand shares: exit codes, one-line errors, the inputs arguments.

    >>> EXIT_OK, EXIT_FAILED, EXIT_USAGE
    (0, 1, 2)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

__all__ = ["EXIT_OK", "EXIT_FAILED", "EXIT_USAGE", "print_error", "iso_date", "add_published", "add_inputs",
           "add_telegram_channel", "telegram_channel_arg", "read_inputs", "theatre_arg", "add_theatre", "gazetteer_of",
           "add_events_input", "EVENTS_HELP"]

#: What an EVENTS argument accepts (map, brief, export).
EVENTS_HELP = ("events file: conflictmap's own (JSON Lines, GeoJSON, GeoPackage, GeoParquet, CSV, FlatGeobuf), "
               "an ACLED or UCDP GED export, or any table or point layer with coordinates (see --columns)")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def print_error(err: object) -> None:
    """One line on stderr: ``conflictmap: error: FILE: reason``.

    Whatever the error says is passed through :func:`mapper.exc.printable`, so a file name
    with a newline or a terminal escape sequence in it (from any error class) cannot forge
    a second line or colour the terminal.
    """
    from mapper.exc import printable

    print(f"conflictmap: error: {printable(str(err))}", file=sys.stderr)


def iso_date(text: str) -> dt.date:
    """argparse type for ``YYYY-MM-DD``.

    >>> iso_date("2024-12-16")
    datetime.date(2024, 12, 16)
    """
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def theatre_arg(text: str):
    """argparse type for ``--theatre``: a bundled theatre's name or a TOML file, loaded (a bad one is a
    usage error naming the file and the reason).

    >>> theatre_arg("kharkiv_front").name
    'Kharkiv front'
    """
    from gazetteer.exc import ConflictMapError
    from gazetteer.theatres import find_theatre

    try:
        return find_theatre(text)
    except ConflictMapError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_theatre(parser: argparse.ArgumentParser) -> None:
    """The ``--theatre NAME|FILE`` option of every command that resolves places or draws a map."""
    from gazetteer.theatres import theatre_names

    parser.add_argument("--theatre", type=theatre_arg, default=None, metavar="NAME|FILE",
                        help="theatre of operations: a bundled one (" + ", ".join(theatre_names()) + ") or a TOML "
                        "file (area, favoured regions, boundaries, sides and colours, claimants, map view); "
                        "default: kursk_border")


def add_events_input(parser: argparse.ArgumentParser) -> None:
    """``--columns`` and ``--from`` of every command that reads an events file (docs/EXPORT.md, "Reading")."""
    parser.add_argument("--columns", default=None, metavar="KEY=COLUMN,...",
                        help="which column holds what, for a table of another tool, e.g. "
                        "date=Date,killed=Deaths,lat=Y,lon=X (keys: the event fields, or date, end, lat, lon, place, "
                        "side, quote, source, url, id, country, admin1, admin2); the others are found from the headers")
    parser.add_argument("--from", dest="events_kind", default=None, metavar="KIND",
                        help="read EVENTS as this kind instead of telling it from the file: jsonl, gpkg, parquet, "
                        "flat, acled, ucdp_ged, table (or an installed loader's name)")


def gazetteer_of(args):
    """The gazetteer of ``args.theatre`` (None, the default gazetteer, when no ``--theatre`` was given)."""
    if getattr(args, "theatre", None) is None:
        return None
    from mapper.engines.runner import gazetteer_for

    return gazetteer_for(args.theatre)


def add_published(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--published", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help="publication date of the reports (overrides what the files say)")


def add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="report files, folders, or - for stdin")
    parser.add_argument("-o", "--output", default=None, metavar="FILE", help="write here instead of stdout")
    add_published(parser)
    add_theatre(parser)
    add_telegram_channel(parser)


def add_telegram_channel(parser: argparse.ArgumentParser) -> None:
    """``--telegram-channel [CHANNEL=]USERNAME``: the public username of Telegram exports' channels."""
    parser.add_argument("--telegram-channel", action="append", type=telegram_channel_arg, default=None,
                        metavar="[CHANNEL=]USERNAME",
                        help="public username (name, @name or t.me/name) of the channel of a Telegram export "
                        "(result.json), for its t.me links; CHANNEL= (the export's id or name) names which one "
                        "when there are several (repeatable)")


def telegram_channel_arg(text: str) -> str:
    """argparse type for ``--telegram-channel``: the value as given, once its username is checked.

    >>> telegram_channel_arg("1001=@border_watch")
    '1001=@border_watch'
    """
    from mapper.ingest.telegram_export import channel_option

    try:
        channel_option([text])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def read_inputs(args) -> tuple[list, int]:
    """Documents of the inputs; each unreadable input is reported in one line and skipped."""
    from mapper.ingest.documents import read_documents
    from mapper.ingest.telegram_export import channel_option

    errors: list = []
    docs = list(read_documents(args.inputs, published=args.published, errors=errors,
                               stdin=sys.stdin.buffer if "-" in args.inputs else None,
                               telegram_channel=channel_option(getattr(args, "telegram_channel", None) or ())))
    for err in errors:
        print_error(err)
    return docs, (EXIT_FAILED if errors else EXIT_OK)
