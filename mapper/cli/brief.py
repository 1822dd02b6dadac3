"""``conflictmap brief``: briefing slides (PowerPoint, optionally PDF) from an events file.

    $ conflictmap brief events.geojson -o briefing.pptx --pdf
    wrote briefing.pptx (7 slides, 2 events), situation_map.png, briefing.pdf

Wired into the main parser by :func:`register`; exit codes as for every command:
0 ok, 1 an input or output failed (the files that could be written are), 2 usage error.
``-q`` leaves out the notes and the "wrote" line, never an error: a PDF asked for and not
made is one error line and exit code 1, quiet or not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "cmd_brief"]

from mapper.cli.common import (EVENTS_HELP, EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_events_input, add_theatre,
                               print_error)
DEFAULT_TILES = "OpenStreetMap.Mapnik"


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``brief`` command to the main parser's subparsers."""
    brief = subparsers.add_parser(
        "brief", help="briefing slides (PowerPoint, optionally PDF) with a situation map",
        description="Write a 16:9 PowerPoint deck from an events file (from conflictmap extract or export, "
                    "or another tool's: ACLED, UCDP GED, any point table): title, situation map, key figures, events table, charts and sources, with the "
                    "quotes in the speaker notes. The map is drawn offline and also saved as a PNG.")
    brief.add_argument("events", metavar="EVENTS", help=EVENTS_HELP)
    add_events_input(brief)
    brief.add_argument("-o", "--output", required=True, metavar="FILE", help="the .pptx deck to write")
    brief.add_argument("--pdf", action="store_true",
                       help="also convert the deck to PDF (beside it) with LibreOffice, where installed")
    brief.add_argument("--map-png", default=None, metavar="FILE",
                       help="where to save the situation map (default: situation_map.png beside the deck)")
    brief.add_argument("--title", default=None, help="title of the first slide (default: Casualty claims: "
                                                     "<theatre>)")
    brief.add_argument("--tiles", nargs="?", const=DEFAULT_TILES, default=None, metavar="PROVIDER",
                       help="draw web-map tiles under the situation map (needs internet; opt-in; default "
                            f"provider {DEFAULT_TILES})")
    brief.add_argument("--labels", choices=("en", "ru", "uk"), default="en",
                       help="script of the map's place names: en (Latin, default), ru or uk")
    add_theatre(brief)
    brief.add_argument("-q", "--quiet", action="store_true", help="no notes and no summary line; errors only")
    brief.set_defaults(func=cmd_brief)
    return brief


def cmd_brief(args) -> int:
    from mapper.render.briefing import write_briefing
    from mapper.render.export import read_any_events

    output = Path(args.output)
    if output.suffix.lower() != ".pptx":
        print(f"conflictmap brief: error: the deck must be a .pptx file: {output}", file=sys.stderr)
        return EXIT_USAGE
    # An unreadable events file or an unwritable deck is a ConflictMapError: main() prints it in one line.
    events = read_any_events(args.events, kind=args.events_kind, columns=args.columns)
    options = {"theatre": args.theatre} if args.theatre is not None else {}
    result = write_briefing(events, output, pdf=args.pdf, map_png=args.map_png, title=args.title, tiles=args.tiles,
                            labels=args.labels, **options)
    if not args.quiet:
        for note in result.notes:
            print(f"conflictmap: note: {note}", file=sys.stderr)
        written = [f"{result.pptx} ({result.slides} slides, {result.events} events)", str(result.map_png)]
        if result.pdf:
            written.append(str(result.pdf))
        print(f"wrote {', '.join(written)}", file=sys.stderr)
    if result.pdf_error:  # a failure: said even with -q
        print_error(result.pdf_error)
        return EXIT_FAILED
    return EXIT_OK
